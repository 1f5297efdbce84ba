import { z } from 'zod';
import { defineCall } from './call';
import { ArticleIdSchema, ArticleSchema, LabelKeySchema } from '../domain/schemas';
import { MessageRefSchema } from './errors';

/** One uploaded file (browser host, drag and drop): its name and bytes. */
export const UploadedFileSchema = z.object({
  /** Path relative to the chosen folder, or just the file name. */
  name: z.string().min(1).max(4096),
  dataBase64: z.string(),
});

// The upload route's path is zod-free, in names.ts (the renderer's start bundle needs it).
export { UPLOAD_PATH } from './names';

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
    /** Plain-language notes in English: canonicalisation counts, detected encoding, trimmed chrome. */
    notes: z.array(z.string()),
    /** The same notes by catalogue key, one per note in order, for the UI's language. */
    noteRefs: z.array(MessageRefSchema).optional(),
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
    noteRefs: z.array(MessageRefSchema).optional(),
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
 * An import job also waits in `review`: it has imported every file that needed no decision and
 * holds the others, with nothing of them written, until `decideImport` (or `cancelImport`).
 */
export const ImportJobStateSchema = z.enum([...JobStateSchema.options, 'review']);
export type ImportJobState = z.infer<typeof ImportJobStateSchema>;

/** A label field that differs between the workbench and a colleague's file, with both values. */
export const LabelDifferenceSchema = z.object({
  field: z.enum(['nameVi', 'nameEn', 'color', 'hotkey', 'kind', 'description', 'parentKey']),
  here: z.string().nullable(),
  inFile: z.string().nullable(),
});
export type LabelDifference = z.infer<typeof LabelDifferenceSchema>;

/** A question's id, unique in its job; decisions are keyed by it. */
export const ReviewQuestionIdSchema = z.string().min(1).max(8192);

/**
 * What an import asks before it writes a file (the review step). Nothing of a file is written
 * until every question about it is answered.
 * - `legacyEncoding`: the file was in a legacy font encoding and has been converted; `before` is
 *   an excerpt as read, `after` the same excerpt converted. Accept (import it converted) or skip
 *   the file.
 * - `probableDuplicate`: an article of the file has the same body as one already here
 *   (`duplicateOf.articleId`) or as an earlier record of the same file (`articleId` null). Keep
 *   it (accept) or skip that article.
 * - `label`: imported spans carry a label this workbench lacks (`existing` false), or the
 *   colleague's file defines a label differently from here (`existing` true, with the
 *   `differences`). Create it (only when missing), map it to a label here, or skip those spans. One
 *   question per label name for the whole job; `files` says where it occurs.
 */
export const ReviewQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('legacyEncoding'),
    id: ReviewQuestionIdSchema,
    file: z.string(),
    encoding: z.enum(['TCVN3', 'VNI']),
    before: z.string(),
    after: z.string(),
  }),
  z.object({
    kind: z.literal('probableDuplicate'),
    id: ReviewQuestionIdSchema,
    /** The record, as the report names it ("a.csv (row 3)"). */
    file: z.string(),
    title: z.string(),
    duplicateOf: z.object({ articleId: ArticleIdSchema.nullable(), title: z.string() }),
  }),
  z.object({
    kind: z.literal('label'),
    id: ReviewQuestionIdSchema,
    /** The label as the file names it (a key or a peer tool's label name). */
    label: z.string(),
    /** The format it came from ("doccano JSONL", "Marginalia workbench JSON"). */
    format: z.string(),
    files: z.array(z.string()),
    spanCount: z.number().int().nonnegative(),
    /** How the file defines the label (a workbench JSON file does; other tools give only a name). */
    fileLabel: z.object({ nameVi: z.string(), nameEn: z.string(), color: z.string() }).nullable(),
    /** A label with this key exists here but the file defines it differently. */
    existing: z.boolean(),
    differences: z.array(LabelDifferenceSchema),
  }),
]);
export type ReviewQuestion = z.infer<typeof ReviewQuestionSchema>;

/**
 * An answer: `accept` (convert the legacy file; keep the probable duplicate), `skip` (the file,
 * the article, or the spans with that label), `create` (a missing label), `map` (to a label here).
 */
export const ReviewChoiceSchema = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('accept') }).strict(),
  z.object({ choice: z.literal('skip') }).strict(),
  z.object({ choice: z.literal('create') }).strict(),
  z.object({ choice: z.literal('map'), labelKey: LabelKeySchema }).strict(),
]);
export type ReviewChoice = z.infer<typeof ReviewChoiceSchema>;

export const ReviewDecisionsSchema = z.record(ReviewQuestionIdSchema, ReviewChoiceSchema);
export type ReviewDecisions = z.infer<typeof ReviewDecisionsSchema>;

/**
 * Bumped on every change of a job, so a follower can tell a newer snapshot or event from an
 * older one that arrived late over another connection.
 */
export const JobRevisionSchema = z.number().int().nonnegative();

/** Result lists are cut at this length (the counts stay exact), so a job stays small. */
export const MAX_LISTED_IMPORT_RESULTS = 10_000;

export const ImportJobSchema = z.object({
  jobId: z.string(),
  state: ImportJobStateSchema,
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
  /** The open questions while the job is in `review`; empty otherwise. */
  review: z.array(ReviewQuestionSchema),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

const JobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const importCalls = {
  /** Opens a native picker (Electron only); null when the user cancels. */
  pickImportPaths: defineCall(z.object({ folders: z.boolean() }).strict(), z.array(z.string()).nullable()),
  startImport: defineCall(z.object({ source: ImportSourceSchema }).strict(), z.object({ jobId: z.string() })),
  getImportJob: defineCall(JobRef, ImportJobSchema),
  /** Cancelling a job in review writes nothing of the files that waited for a decision. */
  cancelImport: defineCall(JobRef, ImportJobSchema),
  /**
   * Answers the open questions of a job in review; every one must be answered. The job then
   * imports the files it held (and may ask again about what those bring up).
   */
  decideImport: defineCall(
    z.object({ jobId: JobRef.shape.jobId, decisions: ReviewDecisionsSchema }).strict(),
    ImportJobSchema,
  ),
  /** Moves the chrome trimmed at import back into the annotatable text. */
  restoreTrimmedText: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), ArticleSchema),
};
