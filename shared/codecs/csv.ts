/**
 * CSV, one row per annotation, for spreadsheets. This module maps annotations to cells and guards
 * them; the RFC 4180 quoting itself is done by csv-stringify, which the Node side passes in
 * (its typings pull in Node's, and shared/ stays free of them).
 */
import type { ExportCodec, ExportContext } from './types';
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
  'author',
  'origin',
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
  // Cells that repeat on every row of an article or label are built once.
  const labelCells = new Map(
    context.labels.map((label) => [label.key, [label.key, label.nameVi, label.nameEn].map(neutraliseFormula)]),
  );
  return {
    begin: () => (options.bom ? UTF8_BOM : '') + options.stringifyRows([CSV_HEADER]),
    article(article, annotations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const articleCells = [
        String(article.id),
        ...[article.title, article.source, article.publishedAt].map((value) => neutraliseFormula(value ?? '')),
      ];
      const rows = spans.map(({ annotation, start, end }) => [
        ...articleCells,
        ...(labelCells.get(annotation.labelKey) ?? [annotation.labelKey, '', '']),
        String(start),
        String(end),
        neutraliseFormula(annotation.quote),
        neutraliseFormula(contextBefore(article.text, annotation.start)),
        neutraliseFormula(contextAfter(article.text, annotation.end)),
        neutraliseFormula(annotation.note),
        neutraliseFormula(annotation.author),
        annotation.origin,
      ]);
      return {
        chunk: rows.length > 0 ? options.stringifyRows(rows) : '',
        spansWritten: rows.length,
        leftOut: invalid,
        widened: [],
      };
    },
    end: () => '',
  };
}

/** Up to CSV_CONTEXT_CHARS code points ending at UTF-16 offset `end`; a surrogate pair counts once. */
function contextBefore(text: string, end: number): string {
  let start = end;
  for (let points = 0; points < CSV_CONTEXT_CHARS && start > 0; points++) {
    start -=
      isLowSurrogate(text.charCodeAt(start - 1)) && start > 1 && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
  }
  return text.slice(start, end);
}

/** Up to CSV_CONTEXT_CHARS code points starting at UTF-16 offset `start`. */
function contextAfter(text: string, start: number): string {
  let end = start;
  for (let points = 0; points < CSV_CONTEXT_CHARS && end < text.length; points++) {
    end += isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return text.slice(start, end);
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
