import { z } from 'zod';
import { AnnotationIdSchema, ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';

/**
 * A citation in a brief: a Lexical DecoratorNode that points at one stored span. The node keeps a
 * SNAPSHOT of what it showed last (quote, label, article) so that a brief still opens, reads and
 * exports when the span or its article is gone; the live state comes from `ResolvedCitation`.
 *
 * The serialised form is part of the stored brief (briefs.content_json), so it is versioned and
 * parsed like any other input.
 */
export const CITATION_NODE_TYPE = 'citation';

export const CitationSnapshotSchema = z.object({
  annotationId: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  labelKey: LabelKeySchema,
  quote: z.string().max(20_000),
  articleTitle: z.string().max(2_000),
  source: z.string().max(2_000).nullable(),
  publishedAt: z.string().max(64).nullable(),
  /** UTF-16 offsets on the canonical text, as the store keeps them. */
  startU16: OffsetSchema,
  endU16: OffsetSchema,
});
export type CitationSnapshot = z.infer<typeof CitationSnapshotSchema>;

/** `exportJSON()` of the citation node: the snapshot plus Lexical's own type and version. */
export const SerializedCitationNodeSchema = CitationSnapshotSchema.extend({
  type: z.literal(CITATION_NODE_TYPE),
  version: z.literal(1),
});
export type SerializedCitationNode = z.infer<typeof SerializedCitationNodeSchema>;

/**
 * What a citation shows now. `live`: the span exists (its quote, label and offsets may differ from
 * the snapshot after edits). `orphaned`: the span was deleted but its article remains.
 * `articleMissing`: the article itself was deleted. The last two show the snapshot, marked.
 */
export const ResolvedCitationSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('live'),
    citation: CitationSnapshotSchema,
    /** Code-point offsets, for exports (the dataset exports' default unit). */
    startCp: OffsetSchema,
    endCp: OffsetSchema,
  }),
  z.object({ state: z.literal('orphaned'), annotationId: AnnotationIdSchema, articleId: ArticleIdSchema }),
  z.object({ state: z.literal('articleMissing'), annotationId: AnnotationIdSchema, articleId: ArticleIdSchema }),
]);
export type ResolvedCitation = z.infer<typeof ResolvedCitationSchema>;
