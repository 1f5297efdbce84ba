/**
 * What every export codec is given and gives back. Codecs are pure: they turn one article and
 * its annotations into a piece of the file, so the service can stream any number of articles
 * and the tests can check each format without a database.
 */
import type { AttributeDef, AttributeValue, FieldDef } from '../domain/attributes';
import type { Relation, RelationType } from '../domain/relations';
import type { Annotation, Article, Label } from '../domain/schemas';
import type { SpanIssue } from '../contract/exports';
import type { OffsetUnit } from '../text/offsets';
import type { ExportEntities } from './entities';

/** The stored article as an export reads it (no computed summary columns). */
export type ExportArticle = Pick<
  Article,
  | 'id'
  | 'title'
  | 'source'
  | 'byline'
  | 'url'
  | 'publishedAt'
  | 'fileName'
  | 'contentHash'
  | 'status'
  | 'importedAt'
  | 'updatedAt'
  | 'text'
  | 'trimmedText'
> & {
  /** The article's document field values by field key (unset fields absent). */
  fields: Readonly<Record<string, AttributeValue>>;
};

export interface ExportContext {
  unit: OffsetUnit;
  /** The labels being exported, in schema order; every annotation handed over uses one of them. */
  labels: readonly Label[];
  /** The exported labels' attribute definitions: by label in schema order, then display order. */
  attributeDefs: readonly AttributeDef[];
  /** The document fields, in display order. */
  fieldDefs: readonly FieldDef[];
  /** The schema's relation types, in order (workbench JSON and brat's annotation.conf name them). */
  relationTypes: readonly RelationType[];
  /** The whole label schema, for full paths (`RISK/CYBER`) and the schema block; `labels` when absent. */
  schema?: readonly Label[];
  appVersion: string;
  /** ISO-8601; the one value that differs between two exports of the same data. */
  exportedAt: string;
  /** The layers exported (authors of the spans, "gold" among them); absent: every author. */
  authors?: readonly string[];
  /** The entity registry and the spans' links; absent, no entity fields are written. */
  entities?: ExportEntities;
}

/** A piece of the file: text (written as UTF-8) for text formats, bytes for archives (brat). */
export type ExportChunk = string | Uint8Array;

/** One article's share of the file, and what became of its spans. */
export interface EncodedArticle {
  chunk: ExportChunk;
  spansWritten: number;
  leftOut: SpanIssue[];
  widened: SpanIssue[];
}

export interface ExportCodec {
  /** Everything before the first article (headers, BOM, opening brackets). */
  begin(): ExportChunk;
  /**
   * Annotations come sorted by start, longest first, then id; relations by id, only those whose
   * two ends are among the annotations handed over (none when absent).
   */
  article(article: ExportArticle, annotations: readonly Annotation[], relations?: readonly Relation[]): EncodedArticle;
  /** Everything after the last article. */
  end(): ExportChunk;
}
