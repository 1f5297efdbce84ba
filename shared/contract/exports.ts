import { z } from 'zod';
import { defineCall } from './call';
import { ArticleIdSchema, ArticleStatusSchema, LabelKeySchema } from '../domain/schemas';
import { JobRevisionSchema, JobStateSchema } from './imports';
import { MessageRefSchema } from './errors';
import { AuthorSchema } from '../domain/changes';

/** Format names; what each one is (label, extension, units, codec) lives in shared/codecs/registry.ts. */
export const EXPORT_FORMATS = [
  'workbench-json',
  'jsonl',
  'spacy-jsonl',
  'csv',
  'csv-data',
  'csv-relations',
  'conll',
  'brat',
  'web-annotation',
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const OffsetUnitSchema = z.enum(['codepoint', 'utf16']);

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('articles'), articleIds: z.array(ArticleIdSchema).min(1) }).strict(),
  z.object({ kind: z.literal('status'), status: ArticleStatusSchema }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScopeSchema>;

export const ExportOptionsSchema = z
  .object({
    scope: ExportScopeSchema,
    /** Labels to include; null means every label. */
    labelKeys: z.array(LabelKeySchema).nullable(),
    /**
     * The layers to export: spans of these authors only ("gold" is the adjudicated layer), and
     * only the articles where one of them has spans. Absent: every author, every article in scope.
     */
    authors: z
      .array(AuthorSchema)
      .min(1)
      .max(200)
      .refine((authors) => new Set(authors).size === authors.length, 'authors must be different')
      .optional(),
    format: ExportFormatSchema,
    offsetUnit: OffsetUnitSchema.default('codepoint'),
    /** CSV only: a UTF-8 BOM so Excel reads Vietnamese correctly. */
    csvBom: z.boolean().default(true),
    /**
     * CoNLL only: which tag column comes last. NER readers (`spacy convert -c ner`, NLTK's
     * ConllCorpusReader with a trailing `ne` column) take the LAST column as the entities; that is
     * the default ('entity').
     */
    conllLastColumn: z.enum(['entity', 'analytic']).optional(),
    /**
     * CoNLL only: tags name the top-level label (`B-RISK` for a CYBER span under RISK), as NER
     * training wants few classes; 'path' writes the full path (`B-RISK/CYBER`).
     */
    conllLabels: z.enum(['top', 'path']).optional(),
  })
  .strict();
export type ExportOptions = z.infer<typeof ExportOptionsSchema>;

/**
 * One span an export could not write as stored: left out (a CoNLL column already held an
 * overlapping span) or widened (its edge fell inside a CoNLL token). Offsets are in the
 * export's unit, so the user can find the span in the file's own terms.
 */
export const SpanIssueSchema = z.object({
  articleId: ArticleIdSchema,
  labelKey: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  reason: z.string(),
});
export type SpanIssue = z.infer<typeof SpanIssueSchema>;

/** Issue lists are cut at this length (the counts stay exact), so a job stays small. */
export const MAX_LISTED_SPAN_ISSUES = 1000;

export const ExportJobSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  format: ExportFormatSchema,
  offsetUnit: OffsetUnitSchema,
  articlesTotal: z.number().int().nonnegative(),
  articlesDone: z.number().int().nonnegative(),
  spansWritten: z.number().int().nonnegative(),
  /** Spans the format could not hold (CoNLL overlaps, invalid stored spans): never dropped silently. */
  leftOut: z.array(SpanIssueSchema),
  leftOutCount: z.number().int().nonnegative(),
  /** CoNLL: spans whose edge fell inside a token, written widened to whole tokens. */
  widened: z.array(SpanIssueSchema),
  widenedCount: z.number().int().nonnegative(),
  /** Suggested file name, e.g. marginalia-2026-11-24.jsonl. */
  fileName: z.string(),
  /** Where the file was written (Electron, CLI), or null when it is downloaded. */
  path: z.string().nullable(),
  /** Browser host: relative URL to fetch the finished file from (token required). */
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
  /** `error` by catalogue key, for the UI's language. */
  errorRef: MessageRefSchema.optional(),
  revision: JobRevisionSchema,
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

const JobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

export const exportCalls = {
  /** Opens a native save dialog (Electron only); null when the user cancels. */
  pickExportPath: defineCall(z.object({ suggestedName: z.string().max(255) }).strict(), z.string().nullable()),
  /** Starts writing the export; `path` null means "keep it for download" (browser host). */
  startExport: defineCall(
    z.object({ options: ExportOptionsSchema, path: z.string().min(1).nullable() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  getExportJob: defineCall(JobRef, ExportJobSchema),
  cancelExport: defineCall(JobRef, ExportJobSchema),
};
