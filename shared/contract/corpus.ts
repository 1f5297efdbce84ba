import { z } from 'zod';
import { defineCall } from './call';
import { AnnotationIdSchema, ArticleIdSchema, ArticleStatusSchema, LabelKeySchema } from '../domain/schemas';
import { AppliedChangesSchema, AuthorSchema } from '../domain/changes';
import { JobRevisionSchema, JobStateSchema } from './imports';
import {
  LibraryFacetsSchema,
  LibraryFilterSchema,
  LibraryPageInputSchema,
  LibraryPageSchema,
} from '../corpus/library-query';

/** Hits a concordance answers at most; the view says when there were more. */
export const MAX_CONCORDANCE_HITS = 50_000;

/**
 * What a concordance lists. `text`: occurrences of a phrase; `quotes`: the occurrences that lie
 * inside a stored span (of `labelKey` when given; "mạng" within RISK spans); `notes`: occurrences in
 * the notes of spans (of `labelKey` when given); `spans`: stored spans chosen by label, month,
 * source, author or status (a dashboard bar's spans). The phrase rules are the same everywhere.
 */
export const ConcordanceQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), query: z.string().max(200) }).strict(),
  z.object({ kind: z.literal('quotes'), query: z.string().max(200), labelKey: LabelKeySchema.optional() }).strict(),
  z.object({ kind: z.literal('notes'), query: z.string().max(200), labelKey: LabelKeySchema.optional() }).strict(),
  z
    .object({
      kind: z.literal('spans'),
      labelKey: LabelKeySchema.optional(),
      /** `YYYY-MM`, or `undated` for articles without a year and month. */
      month: z
        .string()
        .regex(/^(\d{4}-\d{2}|undated)$/)
        .optional(),
      source: z.string().max(500).optional(),
      author: AuthorSchema.optional(),
      status: ArticleStatusSchema.optional(),
      /** Folded quote text, as the dashboard's top-entities chart groups it. */
      quoteFolded: z.string().max(500).optional(),
    })
    .strict(),
]);
export type ConcordanceQuery = z.infer<typeof ConcordanceQuerySchema>;

export const ConcordanceHitSchema = z.object({
  articleId: ArticleIdSchema,
  displayTitle: z.string(),
  publishedAt: z.string().nullable(),
  startU16: z.number().int().nonnegative(),
  endU16: z.number().int().positive(),
  left: z.string(),
  match: z.string(),
  right: z.string(),
  /** Labels of stored spans covering the whole match. */
  labels: z.array(LabelKeySchema),
  /** Labels of stored spans with exactly this range (annotate-all skips these). */
  identicalLabels: z.array(LabelKeySchema),
  /** Spans, quotes and notes: the span this line shows (the innermost one for a quote). */
  annotationId: AnnotationIdSchema.nullable(),
  /**
   * Notes: the match is in the span's note, and `left`, `match`, `right` are cut from the note;
   * `startU16`/`endU16` are then the span's range in the article (not something to annotate).
   */
  inNote: z.literal(true).optional(),
});
export type ConcordanceHit = z.infer<typeof ConcordanceHitSchema>;

export const ConcordanceResultSchema = z.object({
  hits: z.array(ConcordanceHitSchema),
  /** Articles that held a hit. */
  articleCount: z.number().int().nonnegative(),
  /** False when the limit was reached before every article was read: there are more hits. */
  complete: z.boolean(),
});
export type ConcordanceResult = z.infer<typeof ConcordanceResultSchema>;

export const AnnotateAllInputSchema = z
  .object({
    labelKey: LabelKeySchema,
    /** What was searched, for the description of the change set. */
    query: z.string().max(200),
    hits: z
      .array(
        z
          .object({
            articleId: ArticleIdSchema,
            startU16: z.number().int().nonnegative(),
            endU16: z.number().int().positive(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_CONCORDANCE_HITS),
  })
  .strict();
export type AnnotateAllInput = z.infer<typeof AnnotateAllInputSchema>;

export const AnnotateAllResultSchema = z.object({
  /** The one change set's answer; null when every hit was skipped (nothing was written). */
  applied: AppliedChangesSchema.nullable(),
  created: z.array(
    z.object({
      id: AnnotationIdSchema,
      articleId: ArticleIdSchema,
      start: z.number().int(),
      end: z.number().int(),
      quote: z.string(),
    }),
  ),
  /** Hits where a span with this label and range already exists. */
  skippedIdentical: z.number().int().nonnegative(),
  /** Hits overlapping an earlier selected hit in the same article (one span each is made). */
  skippedOverlapping: z.number().int().nonnegative(),
  /** Hits that hold no whole syllable once snapped (only punctuation or space). */
  refused: z.number().int().nonnegative(),
  /** Hits whose edges cut a syllable and were moved to its edges. */
  snapped: z.number().int().nonnegative(),
});
export type AnnotateAllResult = z.infer<typeof AnnotateAllResultSchema>;

const Count = z.number().int().nonnegative();

/**
 * Annotate-all as a background job: the hits are checked in slices (snapped, identical and
 * overlapping ones skipped) with progress, then written as ONE change set (one undo step). Cancel
 * while checking writes nothing; the write itself is one transaction and is not interrupted.
 */
export const AnnotateAllJobSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  /** `checking` the hits, then `writing` the change set. */
  phase: z.enum(['checking', 'writing']),
  hitsTotal: Count,
  hitsChecked: Count,
  /** The finished job's answer (state `done`); null before, and when cancelled or failed. */
  result: AnnotateAllResultSchema.nullable(),
  error: z.string().nullable(),
  revision: JobRevisionSchema,
});
export type AnnotateAllJob = z.infer<typeof AnnotateAllJobSchema>;

const AnnotateAllJobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

/** The tables behind the dashboard's charts; every count comes from one SQL aggregate. */
export const DashboardSchema = z.object({
  /** Spans per label and month of publication; month `undated` for articles without one. */
  labelsByMonth: z.array(z.object({ labelKey: z.string(), month: z.string(), count: Count })),
  /** Spans of analytic labels (risks, proposals…) per source; source '' for none. */
  analyticBySource: z.array(z.object({ labelKey: z.string(), source: z.string(), count: Count })),
  /** The most frequent entity spans (PER, ORG…) by folded text, with the most common spelling. */
  topEntities: z.array(z.object({ labelKey: z.string(), quoteFolded: z.string(), quote: z.string(), count: Count })),
  /**
   * Pairs of labels found in the same article: in how many articles, and in how many sentences
   * both occur (`sentenceRanges`; a span counts in every sentence it touches).
   */
  coOccurrence: z.array(z.object({ a: z.string(), b: z.string(), articles: Count, sentences: Count })),
  byStatus: z.array(z.object({ status: ArticleStatusSchema, articles: Count })),
  byAuthor: z.array(z.object({ author: z.string(), spans: Count, articles: Count })),
  totals: z.object({ articles: Count, spans: Count }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const corpusCalls = {
  /** One page of the library under a filter and a sort, counted and sorted in SQLite. */
  queryLibrary: defineCall(LibraryPageInputSchema, LibraryPageSchema),
  /** Every article id under a filter, in import order (to tick all, or export them). */
  libraryArticleIds: defineCall(
    z.object({ filter: LibraryFilterSchema.default({}) }).strict(),
    z.array(ArticleIdSchema),
  ),
  /** Sources, authors and years present, for the filter controls. */
  libraryFacets: defineCall(z.object({}).strict(), LibraryFacetsSchema),
  /** Keyword in context over the articles under `filter` (all of them by default). */
  concordance: defineCall(
    z
      .object({
        query: ConcordanceQuerySchema,
        filter: LibraryFilterSchema.default({}),
        limit: z.number().int().min(1).max(MAX_CONCORDANCE_HITS).default(MAX_CONCORDANCE_HITS),
      })
      .strict(),
    ConcordanceResultSchema,
  ),
  /**
   * Creates a span on every given hit as ONE change set (origin manual), skipping identical spans.
   * Undo and redo are the history's (`undo({articleId: applied.articleId})`: null, the corpus-wide
   * stack, when the spans are in several articles).
   */
  annotateAll: defineCall(AnnotateAllInputSchema, AnnotateAllResultSchema),
  /** The same as a background job with progress (`jobProgress`, kind `annotateAll`) and cancel. */
  startAnnotateAll: defineCall(AnnotateAllInputSchema, z.object({ jobId: z.string() })),
  getAnnotateAllJob: defineCall(AnnotateAllJobRef, AnnotateAllJobSchema),
  cancelAnnotateAll: defineCall(AnnotateAllJobRef, AnnotateAllJobSchema),
  /** The dashboard's tables over the articles under `filter`. */
  corpusDashboard: defineCall(z.object({ filter: LibraryFilterSchema.default({}) }).strict(), DashboardSchema),
};
