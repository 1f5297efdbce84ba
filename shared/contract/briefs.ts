import { z } from 'zod';
import { defineCall } from './call';
import { BriefIdSchema, BriefSchema, BriefSummarySchema } from '../brief/brief';
import { CitationSnapshotSchema, ResolvedCitationSchema } from '../brief/citation';
import { AnnotationIdSchema, ArticleIdSchema } from '../domain/schemas';

/** A citation to resolve: its span, and the article it was in (to tell orphaned from missing). */
export const CitationRefSchema = z.object({ annotationId: AnnotationIdSchema, articleId: ArticleIdSchema }).strict();
export type CitationRef = z.infer<typeof CitationRefSchema>;

/** Citations resolved in one call at most: a long brief's citations, with room to spare. */
export const MAX_RESOLVED_CITATIONS = 5_000;
/** Spans the citation palette lists at most. */
export const MAX_CITABLE_SPANS = 200;

/** Briefs (issue 16). Writes are `brief.*` change sets through `applyChanges`. */
export const briefCalls = {
  /** Every brief, the most recently edited first (no content). */
  listBriefs: defineCall(z.object({}).strict(), z.array(BriefSummarySchema)),
  /** One brief with its content (the Lexical editor state). */
  getBrief: defineCall(z.object({ id: BriefIdSchema }).strict(), BriefSchema),
  /** What each citation shows now (live, orphaned, articleMissing), in the order asked. */
  resolveCitations: defineCall(
    z.object({ citations: z.array(CitationRefSchema).max(MAX_RESOLVED_CITATIONS) }).strict(),
    z.array(ResolvedCitationSchema),
  ),
  /** The citation palette: spans whose quote, label or linked entity contains the query (folded). */
  searchCitableSpans: defineCall(
    z
      .object({ query: z.string().max(200), limit: z.number().int().min(1).max(MAX_CITABLE_SPANS).default(50) })
      .strict(),
    z.array(CitationSnapshotSchema),
  ),
};
