/**
 * Marginalia's own annotation CSV (`csv`, `csv-data`), read back: one span per row, with the
 * article's id and title but not its text, so the rows are placed on articles already in the
 * workbench (../annotation-rows.ts). The offsets' unit is not in the file: the quotes decide.
 */
import { ANNOTATION_ORIGINS } from '../../../../shared/domain/schemas';
import type { PeerSpan } from '../../../../shared/import/peers/spans';
import type { AnnotationRow, Extraction, SkippedPart } from './types';

const REQUIRED = ['article_id', 'label', 'start', 'end', 'quote'] as const;

/** A header with Marginalia's annotation columns and no article text. */
export function isAnnotationCsv(header: readonly string[]): boolean {
  return REQUIRED.every((name) => header.includes(name)) && !header.includes('text');
}

/**
 * The spreadsheet variant put a `'` before cells that start like a formula (and before a `'`);
 * such a cell is taken back. The data variant writes cells exactly, and a quote there starting
 * with `'=`, `'+`, `'-`, `'@` or `''` would be read one apostrophe short: the quote check then
 * reports the row instead of storing it.
 */
const unguard = (cell: string): string => (/^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell);

const wholeNumber = (cell: string | undefined): number | null =>
  cell !== undefined && /^\d+$/.test(cell.trim()) ? Number(cell) : null;

export function annotationRows(rows: readonly Record<string, string>[]): Extraction {
  const found: AnnotationRow[] = [];
  const skipped: SkippedPart[] = [];
  rows.forEach((raw, index) => {
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const part = `row ${index + 2}`;
    const row = Object.fromEntries(Object.entries(raw).map(([name, cell]) => [name.trim().toLowerCase(), cell]));
    const articleId = wholeNumber(row.article_id);
    const start = wholeNumber(row.start);
    const end = wholeNumber(row.end);
    if (articleId === null || start === null || end === null || !row.label || row.quote === undefined) {
      skipped.push({ part, reason: { key: 'csvRowNotASpan', params: {} } });
      return;
    }
    const id = wholeNumber(row.annotation_id);
    const origin = ANNOTATION_ORIGINS.find((known) => known === row.origin);
    const note = unguard(row.note ?? '');
    const span: PeerSpan = {
      start,
      end,
      label: row.label,
      quote: unguard(row.quote),
      ...(note !== '' ? { note } : {}),
      ...(id !== null && id > 0 && origin ? { made: { id, author: unguard(row.author ?? ''), origin } } : {}),
    };
    found.push({ part, articleId, title: unguard(row.title ?? ''), span });
  });
  return { kind: 'annotation-rows', rows: found, skipped };
}
