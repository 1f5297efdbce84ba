/** The export formats behind one factory, and what their files are called. */
import type { ExportFormat, ExportOptions } from '../contract/exports';
import { createConllCodec } from './conll';
import { createCsvCodec, type CsvRowsWriter } from './csv';
import { createJsonlCodec } from './jsonl';
import type { ExportCodec, ExportContext } from './types';
import { createWorkbenchJsonCodec } from './workbench-json';

export const EXPORT_FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  'workbench-json': { extension: '.json', contentType: 'application/json; charset=utf-8' },
  jsonl: { extension: '.jsonl', contentType: 'application/jsonl; charset=utf-8' },
  csv: { extension: '.csv', contentType: 'text/csv; charset=utf-8' },
  conll: { extension: '.conll', contentType: 'text/plain; charset=utf-8' },
};

/** e.g. marginalia-2026-11-24.jsonl, in the user's local date. */
export function suggestedExportFileName(format: ExportFormat, date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `marginalia-${day}${EXPORT_FILE_TYPES[format].extension}`;
}

export function createExportCodec(
  options: Pick<ExportOptions, 'format' | 'csvBom'>,
  context: ExportContext,
  stringifyCsvRows: CsvRowsWriter,
): ExportCodec {
  switch (options.format) {
    case 'workbench-json':
      return createWorkbenchJsonCodec(context);
    case 'jsonl':
      return createJsonlCodec(context);
    case 'csv':
      return createCsvCodec(context, { bom: options.csvBom, stringifyRows: stringifyCsvRows });
    case 'conll':
      return createConllCodec(context);
  }
}
