import { z } from 'zod';
import { defineCall } from './call';
import { ArticleIdSchema, ArticleSchema } from '../domain/schemas';
import { MessageRefSchema } from './errors';

/** One uploaded file (browser host, drag and drop): its name and bytes. */
export const UploadedFileSchema = z.object({
  /** Path relative to the chosen folder, or just the file name. */
  name: z.string().min(1).max(4096),
  dataBase64: z.string(),
});

/**
 * The browser host's upload route: files as multipart/form-data (each part's filename is the
 * name the user chose), streamed to a temp folder; it answers `{ uploadId, files }` for an
 * `upload` source.
 */
export const UPLOAD_PATH = '/api/upload';

export const ImportSourceSchema = z.discriminatedUnion('kind', [
  /** Files and folders on this machine (Electron dialog, command line). */
  z.object({ kind: z.literal('paths'), paths: z.array(z.string().min(1)).min(1) }).strict(),
  /** Files whose bytes the renderer read (browser host, drops). */
  z.object({ kind: z.literal('uploads'), files: z.array(UploadedFileSchema).min(1) }).strict(),
  /** Files the browser host received at POST /api/upload (streamed to a temp folder), by the id it answered. */
  z.object({ kind: z.literal('upload'), uploadId: z.string().min(1).max(100) }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/**
 * What happened to one file, or to one record of a multi-article file. `file` is the name the
 * user chose (relative to the chosen folder, e.g. "articles/2023/a.txt"); records of CSV/JSON
 * files add where they were: "tin.csv (row 3)", "a.jsonl (line 7)", "a.json (item 2)".
 */
export const ImportFileResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    file: z.string(),
    articleId: ArticleIdSchema,
    title: z.string(),
    /** Plain-language notes: canonicalisation counts, detected encoding, trimmed chrome. */
    notes: z.array(z.string()),
    /** An article with the same body once markup and chrome are removed (e.g. the .html of this .md). */
    probableDuplicateOf: ArticleIdSchema.optional(),
  }),
  z.object({
    outcome: z.literal('duplicate'),
    file: z.string(),
    /** The article already in the workbench with the same canonical text. */
    articleId: ArticleIdSchema,
    title: z.string(),
    notes: z.array(z.string()),
  }),
  z.object({
    outcome: z.literal('skipped'),
    file: z.string(),
    /** English; `reasonRef` (when set) is the same message by key, for the UI's language. */
    reason: z.string(),
    reasonRef: MessageRefSchema.optional(),
    /** A short decoded sample, e.g. for text that looks like a legacy Vietnamese encoding. */
    preview: z.string().optional(),
  }),
]);
export type ImportFileResult = z.infer<typeof ImportFileResultSchema>;

export const JobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);

/**
 * Bumped on every change of a job, so a follower can tell a newer snapshot or event from an
 * older one that arrived late over another connection.
 */
export const JobRevisionSchema = z.number().int().nonnegative();

/** Result lists are cut at this length (the counts stay exact), so a job stays small. */
export const MAX_LISTED_IMPORT_RESULTS = 10_000;

export const ImportJobSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  /** Files found so far; grows while folders are walked. */
  total: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  currentFile: z.string().nullable(),
  /** The first MAX_LISTED_IMPORT_RESULTS results, in order. */
  results: z.array(ImportFileResultSchema),
  /** Exact counts of every result, listed or not. */
  counts: z.object({
    imported: z.number().int().nonnegative(),
    duplicate: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  revision: JobRevisionSchema,
  /** Set when the job as a whole failed (e.g. a folder could not be read); English. */
  error: z.string().nullable(),
  /** The same message by key, when it has one. */
  errorRef: MessageRefSchema.optional(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

const JobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const importCalls = {
  /** Opens a native picker (Electron only); null when the user cancels. */
  pickImportPaths: defineCall(z.object({ folders: z.boolean() }).strict(), z.array(z.string()).nullable()),
  startImport: defineCall(z.object({ source: ImportSourceSchema }).strict(), z.object({ jobId: z.string() })),
  getImportJob: defineCall(JobRef, ImportJobSchema),
  cancelImport: defineCall(JobRef, ImportJobSchema),
  /** Moves the chrome trimmed at import back into the annotatable text. */
  restoreTrimmedText: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), ArticleSchema),
};
