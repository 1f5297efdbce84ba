/**
 * The English UI strings. This object defines the key set: vi.ts must have the same keys
 * (its type is derived from this one, and tests/unit/i18n checks both ways).
 * Plural keys come as `_one`/`_other` here; Vietnamese has no plural forms, so vi.ts has
 * `_other` only.
 */
export const en = {
  app: {
    mainNav: 'Main',
    brandTitle: 'Back to the library',
    backToLibrary: '← Library',
    import: 'Import…',
    importTitle: 'Import articles (Ctrl+O)',
    export: 'Export…',
    exportTitle: 'Export annotations (Ctrl+E)',
    backups: 'Backups…',
    backupsTitle: 'Restore the database from a backup',
    keyboardHelp: 'Keyboard shortcuts',
    keyboardHelpTitle: 'Keyboard shortcuts (?)',
    language: 'Language',
    languageTitle: 'Switch the interface and label names to Vietnamese or English',
    hostBrowser: 'Browser',
    hostDesktop: 'Desktop',
    close: 'Close',
    dismiss: 'Dismiss',
    cancel: 'Cancel',
    noHighlights: 'This browser cannot paint spans (CSS Custom Highlight API missing).',
  },
  status: {
    new: 'New',
    in_progress: 'In progress',
    done: 'Done',
  },
  library: {
    region: 'Library',
    heading: 'Library',
    articleCount_one: '{{count, number}} article',
    articleCount_other: '{{count, number}} articles',
    selectedCount: ' · {{n, number}} selected',
    searchPlaceholder: 'Search titles, sources and text (accents optional)',
    searchLabel: 'Search articles',
    empty: 'No articles yet. Use Import… to bring some in.',
    selectAll: 'Select all shown',
    selectArticle: 'Select {{title}}',
    columns: {
      title: 'Title',
      source: 'Source',
      published: 'Published',
      words: 'Words',
      annotations: 'Annotations',
      status: 'Status',
    },
  },
  reader: {
    opening: 'Opening…',
    editDetails: 'Edit details',
    editDetailsTitle: 'Correct the title, source, date, byline or URL',
    meta: {
      source: 'Source',
      published: 'Published',
      byline: 'Byline',
      words: 'Words',
      file: 'File',
      status: 'Status',
    },
    details: {
      form: 'Article details',
      title: 'Title',
      titleHint: 'the headline as published',
      source: 'Source',
      sourceHint: 'e.g. Báo Công An Nhân Dân',
      byline: 'Byline',
      bylineHint: 'author or initials',
      publishedAt: 'Published',
      publishedAtHint: '2023-01-10T14:45, 2023-01-10, or as found',
      url: 'URL',
      urlHint: 'https://…',
      save: 'Save details',
    },
    history: {
      group: 'History',
      undo: '↶ Undo',
      redo: '↷ Redo',
      undoTitle: 'Undo: {{step}} (Ctrl+Z)',
      redoTitle: 'Redo: {{step}} (Ctrl+Shift+Z)',
      nothingToUndo: 'Nothing to undo',
      nothingToRedo: 'Nothing to redo',
    },
    palette: {
      region: 'Labels',
      analysis: 'Analysis',
      entities: 'Entities',
      labelTitle: '{{description}} (key {{key}})',
    },
    trimmed: {
      summary_one: 'Trimmed page chrome ({{count, number}} line), not part of the annotatable text',
      summary_other: 'Trimmed page chrome ({{count, number}} lines), not part of the annotatable text',
      restore: 'Restore into the text',
    },
  },
  import: {
    title: 'Import articles',
    intro:
      'Text (.txt, .md), web pages (.html), Word (.docx), tables (.csv with columns title, text, source, url, date) and records (.json, .jsonl, including Marginalia exports). You can also drop files or folders on the window.',
    chooseFiles: 'Choose files…',
    chooseFolder: 'Choose a folder…',
    chooseFilesLabel: 'Choose files',
    chooseFolderLabel: 'Choose a folder',
    reading_one: 'Reading {{count, number}} file…',
    reading_other: 'Reading {{count, number}} files…',
    progress: 'Import progress',
    running: '{{processed, number}} of {{total, number}} files ({{percent}}%)',
    summary: '{{imported, number}} imported · {{duplicate, number}} duplicates · {{skipped, number}} skipped',
    reportCapped: ' (the report lists the first {{n, number}})',
    cancelled: 'Cancelled after {{processed, number}} of {{total, number}} files; what finished is kept.',
    failed: 'The import stopped.',
    done: 'Done: {{processed, number}} files.',
    report: 'Import report',
    columns: { file: 'File', result: 'Result', details: 'Details' },
    outcome: { imported: 'Imported', duplicate: 'Duplicate', skipped: 'Skipped' },
    sameTextAs: 'Same text as ',
  },
  backup: {
    restoreTitle: 'Restore from backup',
    restoreIntro:
      'Backups are taken when the app starts and every few minutes while you work. Restoring replaces the whole database; the current one is kept as a backup first, so a restore can be undone by restoring that.',
    currentKept: 'The current database will be kept as a backup.',
    damagedTitle: 'The database is damaged',
    damagedBody:
      'Marginalia checked <path>{{path}}</path> at start and found it damaged, so it did not open it. Nothing has been changed.',
    restoreToContinue:
      'Restore a backup to continue. The damaged file is kept in the backups folder, so it can still be inspected.',
    damagedSetAside: 'The damaged database will be set aside.',
    reading: 'Reading backups…',
    none: 'There are no backups of this database yet.',
    columns: {
      choose: 'Choose',
      taken: 'Taken',
      articles: 'Articles',
      annotations: 'Annotations',
      lastChange: 'Last change',
      size: 'Size',
    },
    backupOf: 'Backup of {{time}}',
    reason: { rolling: 'automatic', manual: 'made by hand', 'before-restore': 'before a restore' },
    damaged: 'Damaged: {{problem}}',
    sizeKb: '{{n, number}} KB',
    sizeMb: '{{n, number}} MB',
    confirm: 'Replace it with the backup of {{time}}?',
    restoring: 'Restoring…',
    yesRestore: 'Yes, restore',
    no: 'No',
    restoreThis: 'Restore this backup…',
  },
  profile: {
    button: 'Profile',
    buttonTitle: 'Profile: the name stored with your annotations',
    welcome: 'Welcome to Marginalia',
    title: 'Profile',
    firstStartHint:
      'What name should your annotations carry? It is stored with everything you tag and exported with it, so colleagues can tell whose work is whose.',
    hint: 'The name stored with the annotations you make from now on. Earlier annotations keep their author.',
    displayName: 'Display name',
    save: 'Save',
    later: 'Later',
    readFailed: 'The profile could not be read: {{message}}',
    invalidName: 'This name cannot be used.',
  },
} as const;

/** The shape every language's resources must have: en's keys, any strings. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
type WithoutOne<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : WithoutOne<T[K]>;
};
export type Resources = Strings<typeof en>;
/** Vietnamese: en's keys less the `_one` plural forms. */
export type VietnameseResources = WithoutOne<Resources>;
