import { z } from 'zod';
import { defineCall } from './call';
import { HistoryStateSchema } from './annotations';
import {
  AttributeKeySchema,
  AttributeValueSchema,
  AttributeValuesSchema,
  type AttributeValues,
} from '../domain/attribute-values';
import { EntityIdSchema, EntitySummarySchema } from '../domain/entities';
import { RelationTypeKeySchema, RelationTypeSchema, type Relation } from '../domain/relations';
import { AnnotationIdSchema, ArticleIdSchema, ArticleSchema, LabelKeySchema, type Annotation } from '../domain/schemas';

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
export type CompactSpans = z.infer<typeof CompactSpansSchema>;

/**
 * A span as the reader holds it: the fields of a stored annotation that the view uses. `author`
 * is known only in an article of several layers (and for spans the backend has answered for).
 */
export type ReaderSpan = Pick<Annotation, 'id' | 'labelKey' | 'start' | 'end' | 'quote' | 'note' | 'attributes'> &
  Partial<Pick<Annotation, 'author'>>;

/**
 * One span as the store reads it for the reader: a tuple, so 10,000 of them stay cheap. Its
 * attribute values are `null` when none is set (most spans), so they cost nothing on the wire.
 */
export type SpanRow = readonly [
  id: number,
  labelKey: string,
  startU16: number,
  endU16: number,
  note: string,
  attributes: AttributeValues | null,
  author: string,
];

/**
 * Packs spans given in text order (the store's order); throws if they are not. Plain index
 * loops, no destructuring: it runs once per opened article, mostly before the JIT has compiled
 * it, and an interpreted array destructuring (an iterator per row) cost ~50 ms at 10,000 spans.
 */
export function encodeSpans(rows: readonly SpanRow[]): CompactSpans {
  const labelKeys: string[] = [];
  const labelIndex = new Map<string, number>();
  const count = rows.length;
  const compact: CompactSpans = {
    ids: new Array<number>(count),
    labelKeys,
    labels: new Array<number>(count),
    startDeltasU16: new Array<number>(count),
    lengthsU16: new Array<number>(count),
    notes: {},
    attributes: {},
  };
  const authorKeys: string[] = [];
  const authorIndex = new Map<string, number>();
  const authors = new Array<number>(count);
  let previousStart = 0;
  for (let position = 0; position < count; position++) {
    const row = rows[position] as SpanRow;
    const id = row[0];
    const labelKey = row[1];
    const start = row[2];
    const end = row[3];
    const note = row[4];
    const attributes = row[5];
    if (start < previousStart) throw new Error(`spans are not in text order at span ${id}`);
    let label = labelIndex.get(labelKey);
    if (label === undefined) {
      label = labelKeys.push(labelKey) - 1;
      labelIndex.set(labelKey, label);
    }
    compact.ids[position] = id;
    compact.labels[position] = label;
    compact.startDeltasU16[position] = start - previousStart;
    compact.lengthsU16[position] = end - start;
    if (note) compact.notes[String(position)] = note;
    if (attributes) compact.attributes[String(position)] = attributes;
    let author = authorIndex.get(row[6]);
    if (author === undefined) {
      author = authorKeys.push(row[6]) - 1;
      authorIndex.set(row[6], author);
    }
    authors[position] = author;
    previousStart = start;
  }
  if (authorKeys.length > 1) compact.layers = { authorKeys, authors };
  return compact;
}

/** Unpacks spans, slicing each quote from the article's canonical text. */
export function decodeSpans(compact: CompactSpans, text: string): ReaderSpan[] {
  const spans: ReaderSpan[] = new Array(compact.ids.length);
  let start = 0;
  for (let position = 0; position < compact.ids.length; position++) {
    start += compact.startDeltasU16[position] as number;
    const end = start + (compact.lengthsU16[position] as number);
    spans[position] = {
      id: compact.ids[position] as number,
      labelKey: compact.labelKeys[compact.labels[position] as number] as string,
      start,
      end,
      quote: text.slice(start, end),
      note: compact.notes[String(position)] ?? '',
    };
    const attributes = compact.attributes[String(position)];
    if (attributes) (spans[position] as ReaderSpan).attributes = attributes;
    if (compact.layers)
      (spans[position] as ReaderSpan).author = compact.layers.authorKeys[compact.layers.authors[position] as number];
  }
  return spans;
}

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
export type CompactRelations = z.infer<typeof CompactRelationsSchema>;

/** A relation as the reader holds it. */
export type ReaderRelation = Pick<Relation, 'id' | 'typeKey' | 'headId' | 'tailId'>;

/**
 * Packs relations against the span ids in the order `encodeSpans` was given them (its `ids`).
 * An index loop, and no table at all for an article without relations: it runs once per open,
 * mostly interpreted, and building the table with `map` cost ~14 ms at 10,000 spans.
 */
export function encodeRelations(relations: readonly ReaderRelation[], spanIds: readonly number[]): CompactRelations {
  const positionOf = new Map<number, number>();
  if (relations.length > 0)
    for (let position = 0; position < spanIds.length; position++) positionOf.set(spanIds[position] as number, position);
  const typeKeys: string[] = [];
  const typeIndex = new Map<string, number>();
  const compact: CompactRelations = { ids: [], typeKeys, types: [], headPositions: [], tailPositions: [] };
  for (const relation of relations) {
    const head = positionOf.get(relation.headId);
    const tail = positionOf.get(relation.tailId);
    if (head === undefined || tail === undefined) throw new Error(`relation ${relation.id} names a span not sent`);
    let type = typeIndex.get(relation.typeKey);
    if (type === undefined) {
      type = typeKeys.push(relation.typeKey) - 1;
      typeIndex.set(relation.typeKey, type);
    }
    compact.ids.push(relation.id);
    compact.types.push(type);
    compact.headPositions.push(head);
    compact.tailPositions.push(tail);
  }
  return compact;
}

/** Unpacks relations against the spans `decodeSpans` gave (same order). */
export function decodeRelations(compact: CompactRelations, spans: readonly Pick<ReaderSpan, 'id'>[]): ReaderRelation[] {
  return compact.ids.map((id, position) => {
    const head = spans[compact.headPositions[position] as number];
    const tail = spans[compact.tailPositions[position] as number];
    if (!head || !tail) throw new Error(`relation ${id} names a span position past the spans`);
    return {
      id,
      typeKey: compact.typeKeys[compact.types[position] as number] as string,
      headId: head.id,
      tailId: tail.id,
    };
  });
}

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
});
export type OpenedArticle = z.infer<typeof OpenedArticleSchema>;

export const readerCalls = {
  /** Everything the reader needs to open an article, in one read: text, history, spans, relations. */
  openArticle: defineCall(z.object({ id: ArticleIdSchema }).strict(), OpenedArticleSchema),
};
