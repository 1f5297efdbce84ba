import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvCodec } from '../../../shared/codecs/csv';
import { createJsonlCodec } from '../../../shared/codecs/jsonl';
import { createWorkbenchJsonCodec, WorkbenchExportSchema } from '../../../shared/codecs/workbench-json';
import { stringifyCsvRows } from '../../../electron/services/export/export-service';
import { article, context, span } from '../export/fixtures';

const TEXT = 'Bộ Công an cảnh báo tại Hà Nội.';
const spans = () => [
  span(1, TEXT, 'ORG', 'Bộ Công an'),
  { ...span(2, TEXT, 'LOC', 'Hà Nội'), author: 'ner-v2', origin: 'model' as const },
];

describe('exports carry who made each annotation and how', () => {
  it('JSONL spans have author and origin', () => {
    const line = JSON.parse(createJsonlCodec(context()).article(article(1, TEXT), spans()).chunk);
    expect(line.spans.map((s: { author: string; origin: string }) => [s.author, s.origin])).toEqual([
      ['Lan', 'manual'],
      ['ner-v2', 'model'],
    ]);
  });

  it('CSV rows have author and origin columns', () => {
    const codec = createCsvCodec(context(), { bom: false, stringifyRows: stringifyCsvRows });
    const rows: Record<string, string>[] = parse(codec.begin() + codec.article(article(1, TEXT), spans()).chunk, {
      columns: true,
    });
    expect(rows.map((row) => [row.author, row.origin])).toEqual([
      ['Lan', 'manual'],
      ['ner-v2', 'model'],
    ]);
  });

  it('workbench JSON annotations have author and origin, and files without author still read', () => {
    const codec = createWorkbenchJsonCodec(context());
    const document = JSON.parse(codec.begin() + codec.article(article(1, TEXT), spans()).chunk + codec.end());
    const parsed = WorkbenchExportSchema.parse(document);
    expect(parsed.articles[0]?.annotations.map((a) => [a.author, a.origin])).toEqual([
      ['Lan', 'manual'],
      ['ner-v2', 'model'],
    ]);
    delete document.articles[0].annotations[0].author;
    expect(WorkbenchExportSchema.parse(document).articles[0]?.annotations[0]?.author).toBe('');
  });
});
