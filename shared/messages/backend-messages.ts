/**
 * The services' messages that a UI shows in its own language: one English template per key, in
 * i18next's syntax (`{{name}}`, `{{count, number}}`). The services send the English text (for
 * the command line and logs) together with the key and its params; the renderer's en.ts takes
 * these templates as they are and vi.ts translates every key (its type requires all of them).
 * A message without a key is shown in English everywhere.
 */
export const BACKEND_MESSAGES_EN = {
  // Calls refused before they run (shared/contract/dispatch.ts)
  unknownCall: 'Unknown call: {{name}}',
  invalidInput: 'Invalid input for {{call}}: {{detail}}',
  busy: 'The database is busy with another writer (an import or another window). Nothing was changed; try again.',
  internal: 'Internal error in {{call}}; see the log for details.',
  // Things that are not there
  articleNotFound: 'Article {{id}} does not exist.',
  articlesNotFound: 'These articles do not exist: {{ids}}.',
  annotationNotFound: 'Annotation {{id}} does not exist.',
  labelNotFound: 'There is no label {{label}}.',
  importJobNotFound: 'There is no import job {{jobId}}.',
  exportJobNotFound: 'There is no export job {{jobId}}.',
  preannotationJobNotFound: 'There is no pre-annotation job {{jobId}}.',
  backupNotFound: 'There is no backup called {{fileName}}.',
  // Rejected writes and requests
  publishedNotADate:
    'Published: “{{value}}” is not a date; write it as a date: 2024-03-05, 2024-03-05T14:45, 2024-03-05T14:45+07:00, 2024-03 or 2024, or --03-05 (day and month, year unknown).',
  publishedNotARealDate:
    'Published: “{{value}}” is not a real date or time; write it as a date: 2024-03-05, 2024-03-05T14:45, 2024-03-05T14:45+07:00, 2024-03 or 2024, or --03-05 (day and month, year unknown).',
  displayNameInvalid: 'Display name: {{detail}}',
  noNativeDialog: 'This host has no native file dialog.',
  browserImportsUploadsOnly: 'The browser host imports uploaded files only, not paths on this machine.',
  browserExportsDownloadsOnly:
    'The browser host does not write to paths; start the export with path null and download it.',
  importPathNotChosen: 'Only files chosen in the import dialog can be used; choose them again.',
  exportPathNotChosen: 'Only files chosen in the export dialog can be used; choose them again.',
  stagedUploadsBrowserOnly: 'Uploaded files can only be imported through the browser host.',
  uploadNotFound: 'The upload {{uploadId}} is gone (it was imported already, or it expired); upload the files again.',
  databaseDamaged: 'The database {{path}} is damaged ({{problem}}). Restore a backup first.',
  backupNotRestorable: 'The backup {{fileName}} cannot be restored: {{problem}}',
  databaseOpenElsewhere:
    'Another program has {{path}} open (a second Marginalia or the command line). Close it and restore again.',
  restoreWhileImporting: 'An import is running. Wait for it to finish, or cancel it, before restoring.',
  restoring: 'The database is being restored from a backup; try again in a moment.',
  restoreRunning: 'A restore is already running.',
  // Uploads to the browser host
  uploadNotMultipart: 'An upload must be sent as multipart/form-data.',
  uploadFileTooLarge: '{{file}} is larger than the limit of {{limit}} per file; nothing was uploaded.',
  uploadTooLarge:
    'The upload is larger than the limit of {{limit}} in total (reached at {{file}}); nothing was uploaded. Upload fewer files at a time, or use npm run cli -- import.',
  uploadRequestTooLarge:
    'The upload is {{size}}, larger than the limit of {{limit}} in total; nothing was uploaded. Upload fewer files at a time, or use npm run cli -- import.',
  uploadTooManyFiles: 'The upload holds more than {{limit, number}} files; nothing was uploaded.',
  uploadEmpty: 'The upload holds no files.',
  uploadBroken: 'The upload broke off before its end; nothing was uploaded.',
  uploadBusy: 'The host is busy receiving other uploads. Try again when they are done.',
  // One file of an import (ImportFileResult reasons)
  fileTooLarge: 'The file is {{size}}; the limit is {{limit}}.',
  fileUnreadable: 'The file could not be read: {{detail}}',
  fileNotBase64: 'The upload is not valid base64.',
  fileHoldsNoArticles: 'The file holds no articles.',
  fileNotImported: 'Nothing of this file was imported: {{detail}}',
  fileNestedTooDeeply:
    'Nothing of this file was imported: it is nested too deeply to read (the parser ran out of stack).',
  fileTooManyRecords:
    '{{file}} holds {{count, number}} records, more than the limit of {{limit, number}} per file; nothing of it was imported. Split it, or raise the limit (--max-records).',
  fileReadTimedOut:
    'Reading {{file}} took longer than the limit of {{seconds, number}} s, so it was stopped; nothing of it was imported. (Raise the limit with --max-extract-seconds if the file is sound.)',
  fileReadCancelled: 'The import was cancelled while {{file}} was being read; nothing of it was imported.',
  fileReaderCrashed: 'Reading {{file}} failed ({{detail}}); nothing of it was imported.',
  // Whole jobs
  importWorkerCrashed: 'The import worker crashed: {{detail}}',
  importWorkerStopped: 'The import worker stopped unexpectedly (exit code {{code}}).',
} as const;

export type BackendMessageKey = keyof typeof BACKEND_MESSAGES_EN;
export const BACKEND_MESSAGE_KEYS = Object.keys(BACKEND_MESSAGES_EN) as [BackendMessageKey, ...BackendMessageKey[]];
export type MessageParams = Readonly<Record<string, string | number>>;

/** A catalogue message: its key and the values its template takes. */
export interface MessageRef {
  key: BackendMessageKey;
  params: MessageParams;
}

/**
 * The English text of a catalogue message, as the command line and logs print it: `{{n, number}}`
 * as en-US (1,000), a bare `{{id}}` as it is.
 */
export function englishMessage(key: BackendMessageKey, params: MessageParams = {}): string {
  return BACKEND_MESSAGES_EN[key].replace(
    /\{\{\s*(\w+)\s*(,\s*number\s*)?\}\}/g,
    (whole, name: string, asNumber?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' && asNumber ? value.toLocaleString('en-US') : String(value);
    },
  );
}
