import { parse } from 'csv-parse/sync';
import { annotationRows, isAnnotationCsv } from './annotation-csv';
import { partition, recordToDocument, RECORD_CONVENTION } from './records';
import { refused, type Extraction } from './types';

/** A CSV with a header row (see ./records for the names); quoted fields may span lines. */
export function extractCsv(text: string): Extraction {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    return refused({ key: 'csvMalformed', params: { detail: (error as Error).message } });
  }
  const header = rows[0] ? Object.keys(rows[0]).map((name) => name.trim().toLowerCase()) : [];
  if (isAnnotationCsv(header)) return annotationRows(rows);
  if (!header.some((name) => ['text', 'body', 'content'].includes(name))) {
    return refused({ key: 'csvNoTextColumn', params: { convention: RECORD_CONVENTION } });
  }
  // Row numbers count the header as row 1, as a spreadsheet shows them.
  return {
    kind: 'documents',
    ...partition(rows.map((row, index) => recordToDocument(row, `row ${index + 2}`))),
    notes: [],
  };
}
