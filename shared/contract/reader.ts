import { z } from 'zod';
import { defineCall } from './call';
import { HistoryStateSchema } from './annotations';
import { EntityIdSchema, EntitySummarySchema } from '../domain/entities';
import { AnnotationIdSchema, ArticleIdSchema, ArticleSchema, LabelKeySchema, type Annotation } from '../domain/schemas';

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
    ids: z.array(AnnotationIdSchema),
    /** The distinct label keys; `labels[i]` indexes into it. */
    labelKeys: z.array(LabelKeySchema),
    labels: z.array(z.number().int().nonnegative()),
    /** UTF-16 units from the previous span's start (from 0 for the first). */
    startDeltasU16: z.array(z.number().int().nonnegative()),
    lengthsU16: z.array(z.number().int().positive()),
    /** Notes of the spans that have one, by position in the columns. */
    notes: z.record(z.string().regex(/^\d+$/), z.string()),
  })
  .refine(
    (spans) =>
      [spans.labels, spans.startDeltasU16, spans.lengthsU16].every((column) => column.length === spans.ids.length) &&
      spans.labels.every((label) => label < spans.labelKeys.length) &&
      Object.keys(spans.notes).every((position) => Number(position) < spans.ids.length),
    'every column has one entry per span, labels index labelKeys and notes name a span',
  );
export type CompactSpans = z.infer<typeof CompactSpansSchema>;

/** A span as the reader holds it: the fields of a stored annotation that the view uses. */
export type ReaderSpan = Pick<Annotation, 'id' | 'labelKey' | 'start' | 'end' | 'quote' | 'note'>;

/** Packs spans given in text order (the store's order); throws if they are not. */
export function encodeSpans(spans: readonly Omit<ReaderSpan, 'quote'>[]): CompactSpans {
  const labelKeys: string[] = [];
  const labelIndex = new Map<string, number>();
  const compact: CompactSpans = { ids: [], labelKeys, labels: [], startDeltasU16: [], lengthsU16: [], notes: {} };
  let previousStart = 0;
  spans.forEach((span, position) => {
    if (span.start < previousStart) throw new Error(`spans are not in text order at span ${span.id}`);
    let label = labelIndex.get(span.labelKey);
    if (label === undefined) {
      label = labelKeys.push(span.labelKey) - 1;
      labelIndex.set(span.labelKey, label);
    }
    compact.ids.push(span.id);
    compact.labels.push(label);
    compact.startDeltasU16.push(span.start - previousStart);
    compact.lengthsU16.push(span.end - span.start);
    if (span.note) compact.notes[String(position)] = span.note;
    previousStart = span.start;
  });
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

export const OpenedArticleSchema = z.object({
  article: ArticleSchema,
  history: HistoryStateSchema,
  spans: CompactSpansSchema,
  entityLinks: ArticleEntityLinksSchema,
});
export type OpenedArticle = z.infer<typeof OpenedArticleSchema>;

export const readerCalls = {
  /** Everything the reader needs to open an article, in one read: text, history, spans. */
  openArticle: defineCall(z.object({ id: ArticleIdSchema }).strict(), OpenedArticleSchema),
};
