/**
 * Table and record formats (CSV, JSON, JSONL) share one convention for fields:
 * `title`, `text`, `source`, `url`, and `date` / `published` / `published_at` for the date.
 * Header names are matched case-insensitively; `text` is the only required field.
 */
import { recordAnnotations } from '../../../../shared/import/peers/records';
import type { GivenMetadata, SkippedPart, SourceDocument } from './types';

const FIELD_ALIASES: Record<keyof GivenMetadata | 'text', readonly string[]> = {
  text: ['text', 'body', 'content'],
  title: ['title', 'headline'],
  source: ['source', 'publisher'],
  url: ['url', 'link'],
  publishedAt: ['published', 'published_at', 'publishedat', 'date'],
  byline: ['byline', 'author'],
};

export const RECORD_CONVENTION = 'title, text, source, url, date (or published)';

function field(record: Record<string, unknown>, aliases: readonly string[]): string | null {
  for (const [key, value] of Object.entries(record)) {
    if (!aliases.includes(key.trim().toLowerCase())) continue;
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
}

/** One record → a document, or the reason it is skipped. */
export function recordToDocument(record: unknown, part: string): SourceDocument | SkippedPart {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { part, reason: { key: 'recordNotObject', params: {} } };
  }
  const fields = record as Record<string, unknown>;
  const rawText = field(fields, FIELD_ALIASES.text);
  if (rawText === null) return { part, reason: { key: 'recordNoText', params: { convention: RECORD_CONVENTION } } };
  const annotations = recordAnnotations(fields);
  return {
    part,
    rawText,
    ...(annotations ? { annotations } : {}),
    given: {
      title: field(fields, FIELD_ALIASES.title),
      source: field(fields, FIELD_ALIASES.source),
      url: field(fields, FIELD_ALIASES.url),
      publishedAt: field(fields, FIELD_ALIASES.publishedAt),
      byline: field(fields, FIELD_ALIASES.byline),
    },
  };
}

export function isSkipped(item: SourceDocument | SkippedPart): item is SkippedPart {
  return 'reason' in item;
}

/** Splits converted records into documents and skipped parts. */
export function partition(items: readonly (SourceDocument | SkippedPart)[]): {
  documents: SourceDocument[];
  skipped: SkippedPart[];
} {
  const documents: SourceDocument[] = [];
  const skipped: SkippedPart[] = [];
  for (const item of items) {
    if (isSkipped(item)) skipped.push(item);
    else documents.push(item);
  }
  return { documents, skipped };
}
