/**
 * CSV, one row per annotation, for spreadsheets. This module maps annotations to cells and guards
 * them; the RFC 4180 quoting itself is done by csv-stringify, which the Node side passes in
 * (its typings pull in Node's, and shared/ stays free of them).
 */
import type { Annotation, Label } from '../domain/schemas';
import type { ExportArticle, ExportCodec, ExportContext } from './types';
import { toUnitSpans } from './unit-spans';

export const CSV_HEADER = [
  'article_id',
  'title',
  'source',
  'published',
  'label',
  'label_name_vi',
  'label_name_en',
  'start',
  'end',
  'quote',
  'context_before',
  'context_after',
  'note',
] as const;

/** Characters of context on each side of the quote, counted in code points. */
export const CSV_CONTEXT_CHARS = 60;

const UTF8_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR, which some strip first) as a
 * formula. Such cells get a leading apostrophe. Cells that already start with one get another,
 * so the rule reverses exactly: a cell that starts with ' had one ' added.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r']/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula`, for readers that want the exact stored value. */
export function restoreFormulaGuarded(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Turns a list of rows into RFC 4180 CSV text (csv-stringify on the Node side). */
export type CsvRowsWriter = (rows: readonly (readonly string[])[]) => string;

export interface CsvOptions {
  bom: boolean;
  stringifyRows: CsvRowsWriter;
}

export function createCsvCodec(context: ExportContext, options: CsvOptions): ExportCodec {
  const labelsByKey = new Map(context.labels.map((label) => [label.key, label]));
  return {
    begin: () => (options.bom ? UTF8_BOM : '') + options.stringifyRows([CSV_HEADER]),
    article(article, annotations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const rows = spans.map(({ annotation, start, end }) =>
        csvRow(article, annotation, labelsByKey.get(annotation.labelKey), start, end),
      );
      return { chunk: rows.length > 0 ? options.stringifyRows(rows) : '', spansWritten: rows.length, leftOut: invalid, widened: [] };
    },
    end: () => '',
  };
}

function csvRow(article: ExportArticle, annotation: Annotation, label: Label | undefined, start: number, end: number): string[] {
  const text = article.text;
  const cells = [
    article.title ?? '',
    article.source ?? '',
    article.publishedAt ?? '',
    annotation.labelKey,
    label?.nameVi ?? '',
    label?.nameEn ?? '',
  ].map(neutraliseFormula);
  return [
    String(article.id),
    ...cells,
    String(start),
    String(end),
    neutraliseFormula(annotation.quote),
    neutraliseFormula(lastCodePoints(text.slice(Math.max(0, annotation.start - 2 * CSV_CONTEXT_CHARS), annotation.start))),
    neutraliseFormula(firstCodePoints(text.slice(annotation.end, annotation.end + 2 * CSV_CONTEXT_CHARS))),
    neutraliseFormula(annotation.note),
  ];
}

// The windows above take twice as many UTF-16 units as code points are wanted, which is always
// enough; these trim them to whole code points (a cut surrogate pair is dropped, not halved).
function lastCodePoints(window: string): string {
  const points = Array.from(window);
  if (isLowSurrogate(points[0])) points.shift();
  return points.slice(-CSV_CONTEXT_CHARS).join('');
}

function firstCodePoints(window: string): string {
  const points = Array.from(window);
  if (isHighSurrogate(points.at(-1))) points.pop();
  return points.slice(0, CSV_CONTEXT_CHARS).join('');
}

function isLowSurrogate(point: string | undefined): boolean {
  return point !== undefined && point.length === 1 && point.charCodeAt(0) >= 0xdc00 && point.charCodeAt(0) <= 0xdfff;
}

function isHighSurrogate(point: string | undefined): boolean {
  return point !== undefined && point.length === 1 && point.charCodeAt(0) >= 0xd800 && point.charCodeAt(0) <= 0xdbff;
}
