import type { AttributeValues } from '../domain/attribute-values';
import type { Relation } from '../domain/relations';
import type { Annotation } from '../domain/schemas';

// Zod-free: the reader (in the renderer's start bundle) decodes with these; their schemas stay in
// reader.ts (issue 13: no contract schema is built before the library's first paint).

/**
 * An article's spans on the wire, column by column and without quotes (`CompactSpansSchema`,
 * reader.ts, checks them and is checked equal to this type).
 */
export interface CompactSpans {
  ids: number[];
  labelKeys: string[];
  labels: number[];
  startDeltasU16: number[];
  lengthsU16: number[];
  notes: Record<string, string>;
  attributes: Record<string, AttributeValues>;
  layers?: { authorKeys: string[]; authors: number[] } | undefined;
}

/** An article's relations on the wire, as columns (`CompactRelationsSchema`, reader.ts). */
export interface CompactRelations {
  ids: number[];
  typeKeys: string[];
  types: number[];
  headPositions: number[];
  tailPositions: number[];
}

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
