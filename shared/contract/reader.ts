import { z } from 'zod';
import { defineCall } from './call';
import type { CompactRelations, CompactSpans } from './reader-codec';
import { HistoryStateSchema } from './annotations';
import { AttributeKeySchema, AttributeValueSchema, AttributeValuesSchema } from '../domain/attribute-values';
import { EntityIdSchema, EntitySummarySchema } from '../domain/entities';
import { RelationTypeKeySchema, RelationTypeSchema } from '../domain/relations';
import { AnnotationIdSchema, ArticleIdSchema, ArticleSchema, LabelKeySchema } from '../domain/schemas';

export * from './reader-codec';

/**
 * A column of integers ≥ `min`, checked in one loop. `z.array(z.number().int())` runs a schema
 * per element: 40,000 runs for 10,000 spans, on both sides of the wire (the host checks what it
 * sends, the reader what it gets), which took longer than reading the spans from SQLite.
 */
function integerColumn(min: number) {
  const isColumn = (value: unknown) => {
    if (!Array.isArray(value)) return false;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (!Number.isSafeInteger(item) || (item as number) < min) return false;
    }
    return true;
  };
  return z.custom<number[]>(isColumn, { message: `expected an array of integers ≥ ${min}` });
}

/**
 * An article's spans on the wire, column by column and without quotes: the reader has the
 * canonical text and slices each quote from it. At 10,000 spans this is about 150 kB where a
 * list of annotation objects is 2 MB.
 *
 * Spans are in text order (start asc, end desc, id asc), so each start is sent as the distance
 * from the previous span's start, and each end as the span's length: small numbers.
 */
export const CompactSpansSchema = z
  .object({
    ids: integerColumn(1),
    /** The distinct label keys; `labels[i]` indexes into it. */
    labelKeys: z.array(LabelKeySchema),
    labels: integerColumn(0),
    /** UTF-16 units from the previous span's start (from 0 for the first). */
    startDeltasU16: integerColumn(0),
    lengthsU16: integerColumn(1),
    /** Notes of the spans that have one, by position in the columns. */
    notes: z.record(z.string().regex(/^\d+$/), z.string()),
    /** Attribute values of the spans that have some, by position in the columns. */
    attributes: z.record(z.string().regex(/^\d+$/), AttributeValuesSchema),
    /**
     * Who made each span, only when the article holds spans of more than one author (layers,
     * issue 15): the distinct authors, and one index into them per span. Absent for the usual
     * single-author article, whose wire and reader stay as they were.
     */
    layers: z.object({ authorKeys: z.array(z.string()).min(2), authors: integerColumn(0) }).optional(),
  })
  .refine(
    (spans) =>
      [spans.labels, spans.startDeltasU16, spans.lengthsU16, ...(spans.layers ? [spans.layers.authors] : [])].every(
        (column) => column.length === spans.ids.length,
      ) &&
      (spans.layers?.authors.every((author) => author < spans.layers!.authorKeys.length) ?? true) &&
      spans.labels.every((label) => label < spans.labelKeys.length) &&
      [spans.notes, spans.attributes].every((byPosition) =>
        Object.keys(byPosition).every((position) => Number(position) < spans.ids.length),
      ),
    'every column has one entry per span, labels index labelKeys and notes and attributes name a span',
  );

// The hand-written wire types of reader-codec.ts are the schemas', both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const compactTypesMatch: [
  Same<z.infer<typeof CompactSpansSchema>, CompactSpans>,
  Same<z.infer<typeof CompactRelationsSchema>, CompactRelations>,
] = [true, true];
void compactTypesMatch;

/** The article's entity links as two columns (span i is linked to entity i), and those entities. */
export const ArticleEntityLinksSchema = z
  .object({
    annotationIds: z.array(AnnotationIdSchema),
    entityIds: z.array(EntityIdSchema),
    entities: z.array(EntitySummarySchema),
  })
  .refine((links) => links.annotationIds.length === links.entityIds.length, 'one entity id per linked span');
export type ArticleEntityLinks = z.infer<typeof ArticleEntityLinksSchema>;
/**
 * An article's relations on the wire, as columns; each end is the position of its span in the
 * spans' columns (not its id), so a relation costs a few bytes and needs no lookup by id.
 */
export const CompactRelationsSchema = z
  .object({
    ids: integerColumn(1),
    /** The distinct type keys; `types[i]` indexes into it. */
    typeKeys: z.array(RelationTypeKeySchema),
    types: integerColumn(0),
    headPositions: integerColumn(0),
    tailPositions: integerColumn(0),
  })
  .refine(
    (relations) =>
      [relations.types, relations.headPositions, relations.tailPositions].every(
        (column) => column.length === relations.ids.length,
      ) && relations.types.every((type) => type < relations.typeKeys.length),
    'every column has one entry per relation and types index typeKeys',
  );

export const OpenedArticleSchema = z.object({
  article: ArticleSchema,
  history: HistoryStateSchema,
  spans: CompactSpansSchema,
  relations: CompactRelationsSchema,
  /** The relation types in schema order, so the reader can draw and offer them without a second call. */
  relationTypes: z.array(RelationTypeSchema),
  /** The article's document field values by field key (unset fields absent). */
  fields: z.record(AttributeKeySchema, AttributeValueSchema),
  entityLinks: ArticleEntityLinksSchema,
  /**
   * The database's version when this was read: while it is the same, nothing this answer holds has
   * changed (`reopenArticle`). Opaque; it changes on any write, anywhere, and on a host restart.
   */
  version: z.string().min(1),
});
export type OpenedArticle = z.infer<typeof OpenedArticleSchema>;

/** Nothing was written since the version the reader holds: its answer of that version is current. */
export const UnchangedArticleSchema = z.object({ unchanged: z.literal(true) }).strict();

export const readerCalls = {
  /** Everything the reader needs to open an article, in one read: text, history, spans, relations. */
  openArticle: defineCall(z.object({ id: ArticleIdSchema }).strict(), OpenedArticleSchema),
  /**
   * Opening an article the reader has an answer for (of `version`): only "unchanged" while that
   * version is current, else the whole answer, as `openArticle`. The text and spans are then
   * neither read, encoded, sent nor decoded again (about a third of a warm open's time).
   */
  reopenArticle: defineCall(
    z.object({ id: ArticleIdSchema, version: z.string().min(1) }).strict(),
    z.union([UnchangedArticleSchema, OpenedArticleSchema]),
  ),
};
