import { DEFAULT_RELATION_TYPES } from '../../../shared/domain/relations';
import type { ExportArticle, ExportContext } from '../../../shared/codecs/types';
import type { Annotation, Label } from '../../../shared/domain/schemas';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { canonicalize } from '../../../shared/text/canonical';
import { storeArticle } from '../../../electron/services/import/store-article';
import type { Workbench } from '../../../electron/services/workbench';

const label = (key: string, kind: Label['kind'], sortOrder: number): Label => ({
  key,
  nameVi: `${key} vi`,
  nameEn: `${key} en`,
  color: '#123456',
  hotkey: null,
  kind,
  description: '',
  sortOrder,
  parentKey: null,
  hidden: false,
  guideline: '',
});

export const LABELS: Label[] = [
  label('RISK', 'analytic', 0),
  label('PROPOSAL', 'analytic', 1),
  label('PER', 'entity', 2),
  label('ORG', 'entity', 3),
  label('LOC', 'entity', 4),
];

export function context(unit: OffsetUnit = 'codepoint', exportedAt = '2026-11-24T10:00:00.000Z'): ExportContext {
  return {
    unit,
    labels: LABELS,
    attributeDefs: [],
    fieldDefs: [],
    relationTypes: DEFAULT_RELATION_TYPES,
    appVersion: '0.1.0',
    exportedAt,
  };
}

export function article(id: number, text: string, extra: Partial<ExportArticle> = {}): ExportArticle {
  return {
    id,
    title: `Bài ${id}`,
    source: 'VnExpress',
    byline: null,
    url: null,
    publishedAt: '2026-01-10',
    fileName: null,
    contentHash: `hash-${id}`,
    status: 'done',
    importedAt: '2026-01-11T00:00:00.000Z',
    updatedAt: '2026-01-12T00:00:00.000Z',
    text,
    trimmedText: null,
    fields: {},
    ...extra,
  };
}

/** A stored-style annotation (UTF-16 offsets) on the `occurrence`-th match of `quote`. */
export function span(id: number, text: string, labelKey: string, quote: string, occurrence = 0, note = ''): Annotation {
  const start = nthIndexOf(text, quote, occurrence);
  return {
    id,
    articleId: 1,
    labelKey,
    start,
    end: start + quote.length,
    quote,
    note,
    author: 'Lan',
    origin: 'manual',
    createdAt: '2026-01-11T01:00:00.000Z',
    updatedAt: '2026-01-11T02:00:00.000Z',
  };
}

/** Stores an article as the import pipeline would, returning its id. */
export function addArticle(
  workbench: Workbench,
  rawText: string,
  title: string | null = null,
  publishedAt = '2026-01-10',
): number {
  const { text } = canonicalize(rawText);
  const stored = storeArticle(workbench.db, workbench.articles, {
    rawText,
    text,
    trimmedText: null,
    title,
    source: 'Báo Nhân Dân',
    byline: null,
    url: null,
    publishedAt,
    fileName: null,
  });
  return stored.articleId;
}

/** Tags the `occurrence`-th match of `quote` through the annotation service, as the UI does. */
export function annotate(
  workbench: Workbench,
  articleId: number,
  labelKey: string,
  quote: string,
  options: { occurrence?: number; note?: string } = {},
): Annotation {
  const start = nthIndexOf(workbench.articles.getText(articleId), quote, options.occurrence ?? 0);
  return workbench.annotations.create({
    articleId,
    labelKey,
    start,
    end: start + quote.length,
    quote,
    ...(options.note !== undefined ? { note: options.note } : {}),
  });
}

/** What a Python consumer does with code points; JavaScript's own slice for UTF-16. */
export function independentSlice(text: string, start: number, end: number, unit: OffsetUnit): string {
  return unit === 'codepoint' ? Array.from(text).slice(start, end).join('') : text.slice(start, end);
}

function nthIndexOf(text: string, quote: string, occurrence: number): number {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`“${quote}” is not in the text`);
  return start;
}
