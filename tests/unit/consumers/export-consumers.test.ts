/**
 * Every export format, in every unit it offers, read back by strict or real readers: csv-parse
 * in strict RFC 4180 mode, Python's csv, json/zip readers, NLTK's CoNLL reader and spaCy where
 * they are installed. For every span, the file's quote must equal the text at its offsets.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT_SPECS } from '../../../shared/codecs';
import { CONLL_DOCSTART } from '../../../shared/codecs/conll';
import { CSV_HEADER, GUARDED_CSV_COLUMNS, restoreFormulaGuarded } from '../../../shared/codecs/csv';
import { OFFSET_UNIT_PROPERTY, WEB_ANNOTATION_CONTEXT } from '../../../shared/codecs/web-annotation';
import { WorkbenchExportSchema } from '../../../shared/codecs/workbench-json';
import { ExportOptionsSchema, type ExportFormat } from '../../../shared/contract/exports';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { exportToFile } from '../../../electron/services/export/export-service';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { addArticle, annotate, independentSlice } from '../export/fixtures';

// Starting Python and importing NLTK takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const PYTHON = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
const READERS_SCRIPT = join(__dirname, 'python_readers.py');

/** What Python read, or why it could not: printed, so a skipped check is never silent. */
function python(kind: string, path: string): unknown {
  if (!PYTHON) {
    console.warn(`[consumers] ${kind}: skipped, python3 is not installed`);
    return null;
  }
  const run = spawnSync(PYTHON, [READERS_SCRIPT, kind, path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`python ${kind} failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as unknown;
  if (result && typeof result === 'object' && 'skip' in result) {
    console.warn(`[consumers] ${kind}: skipped, ${(result as { skip: string }).skip}`);
    return null;
  }
  return result;
}

const PARAGRAPHS =
  'Ngày 13-8 tại Hà Nội, Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an cho biết đất nước phải đối mặt với nhiều khó khăn, thách thức rất lớn. \n\n' +
  'Song, với sự lãnh đạo của Đảng, công tác đảm bảo ANQG đã đạt được những kết quả quan trọng.';
const EMOJI =
  '🇻🇳 Thủ tướng 😀 Phạm Minh Chính nói: “𝕏 là nguy cơ 🔥 lớn”.\n- A.N cho biết =SUM(1) là công thức, "trích dẫn", tại Hà Nội.';

const workbench = openTempWorkbench();
let texts: Map<number, string>;
let spanCount: number;

beforeAll(() => {
  const first = addArticle(workbench, PARAGRAPHS, '=Tiêu đề "có" ngoặc');
  const second = addArticle(workbench, EMOJI, 'Emoji');
  workbench.articles.updateMetadata(second, { publishedAt: '--02-26' });
  const crossing = PARAGRAPHS.slice(PARAGRAPHS.indexOf('thách thức'), PARAGRAPHS.indexOf('Song') + 4);
  const made = [
    annotate(workbench, first, 'PER', 'Tô Lâm'),
    annotate(workbench, first, 'ORG', 'Bộ Công an'),
    annotate(workbench, first, 'RISK', crossing, { note: 'qua đoạn,\nhai dòng' }),
    annotate(workbench, first, 'LOC', 'Hà Nội'),
    annotate(workbench, second, 'PER', 'Phạm Minh Chính'),
    annotate(workbench, second, 'RISK', '𝕏 là nguy cơ 🔥 lớn', { note: '=cmd|"/c calc"' }),
    annotate(workbench, second, 'PER', '- A.N'),
    annotate(workbench, second, 'PROPOSAL', '=SUM(1) là công thức, "trích dẫn"'),
    annotate(workbench, second, 'LOC', 'Hà Nội'),
  ];
  spanCount = made.length;
  texts = new Map([first, second].map((id) => [id, workbench.articles.getText(id)]));
});
afterAll(() => workbench.dispose());

async function exported(format: ExportFormat, unit: OffsetUnit): Promise<string> {
  const path = join(workbench.dir, `export-${format}-${unit}`);
  const options = ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format, offsetUnit: unit });
  await exportToFile(workbench, options, path, { appVersion: '0.0.0-test' });
  return path;
}

/** Every span's quote equals the text at its offsets, counted in `unit`; all spans are there. */
function expectExact(spans: { articleId: number; start: number; end: number; quote: string }[], unit: OffsetUnit) {
  expect(spans).toHaveLength(spanCount);
  for (const span of spans) {
    expect(independentSlice(texts.get(span.articleId) as string, span.start, span.end, unit)).toBe(span.quote);
  }
}

interface JsonlLine {
  id: number;
  text: string;
  spans: { start: number; end: number; text: string; token_start?: number; token_end?: number }[];
  tokens?: { text: string; start: number; end: number; ws: boolean }[];
}

const unitsOf = (format: ExportFormat) => EXPORT_FORMAT_SPECS.find((spec) => spec.name === format)?.offsetUnits ?? [];

describe('every format offers a reader check here', () => {
  it('lists each registered format', () => {
    // csv-relations: read back row by row in tests/unit/relations/relation-exports.test.ts.
    const checked = [
      'workbench-json',
      'jsonl',
      'spacy-jsonl',
      'csv',
      'csv-data',
      'csv-relations',
      'conll',
      'brat',
      'web-annotation',
    ];
    expect(EXPORT_FORMAT_SPECS.map((spec) => spec.name).sort()).toEqual(checked.sort());
  });
});

for (const unit of ['codepoint', 'utf16'] as const) {
  describe(`offsets in ${unit}`, () => {
    it('workbench JSON validates and every annotation slices to its quote', async () => {
      const file = WorkbenchExportSchema.parse(
        JSON.parse(readFileSync(await exported('workbench-json', unit), 'utf8')),
      );
      expect(file.offset_unit).toBe(unit);
      expectExact(
        file.articles.flatMap((a) => a.annotations.map((s) => ({ articleId: a.id, ...s }))),
        unit,
      );
    });

    it('JSONL: every span slices to its text (and in Python, for code points)', async () => {
      const path = await exported('jsonl', unit);
      const lines = readFileSync(path, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as JsonlLine);
      expectExact(
        lines.flatMap((line) =>
          line.spans.map((s) => ({ articleId: line.id, start: s.start, end: s.end, quote: s.text })),
        ),
        unit,
      );
      if (unit !== 'codepoint') return;
      const pairs = python('jsonl', path) as [string, string][] | null;
      for (const [quote, slice] of pairs ?? []) expect(slice).toBe(quote);
    });

    for (const format of ['csv', 'csv-data'] as const) {
      it(`${format}: strict RFC 4180 (csv-parse and Python's csv) and exact offsets`, async () => {
        const path = await exported(format, unit);
        const raw = readFileSync(path, 'utf8');
        const records = parse(raw, {
          bom: true,
          record_delimiter: '\r\n',
          relax_quotes: false,
          relax_column_count: false,
          skip_empty_lines: false,
        }) as string[][];
        expect(records[0]).toEqual([...CSV_HEADER]);
        expect(records).toHaveLength(spanCount + 1);
        const fromPython = python('csv', path) as string[][] | null;
        if (fromPython) expect(fromPython).toEqual(records);
        const rows = records
          .slice(1)
          .map((row) => Object.fromEntries(CSV_HEADER.map((name, i) => [name, row[i] ?? ''])));
        const exact = format === 'csv-data' ? (cell: string) => cell : restoreFormulaGuarded;
        expectExact(
          rows.map((row) => ({
            articleId: Number(row.article_id),
            start: Number(row.start),
            end: Number(row.end),
            quote: exact(row.quote ?? ''),
          })),
          unit,
        );
        // No spreadsheet takes a partial date for a formula; only people's columns carry a guard.
        expect(rows.find((row) => row.published?.includes('02-26'))?.published).toBe('XXXX-02-26');
        for (const row of rows) {
          for (const [column, cell] of Object.entries(row)) {
            const guarded = (GUARDED_CSV_COLUMNS as readonly string[]).includes(column);
            if (format === 'csv' || !guarded) expect(cell, column).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
        if (format === 'csv-data') expect(rows.map((row) => row.quote)).toContain('- A.N');
      });
    }

    it('Web Annotation: JSON-LD with quote and position selectors that agree', async () => {
      const file = JSON.parse(readFileSync(await exported('web-annotation', unit), 'utf8')) as {
        '@context': string;
        type: string;
        first: { items: { type: string; target: { source: string; selector: Record<string, string | number>[] } }[] };
      };
      expect(file['@context']).toBe(WEB_ANNOTATION_CONTEXT);
      expect(file.type).toBe('AnnotationCollection');
      expect((file as unknown as Record<string, string>)[OFFSET_UNIT_PROPERTY]).toBe(unit);
      const spans = file.first.items.map((item) => {
        expect(item.type).toBe('Annotation');
        const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector') as Record<string, string>;
        const position = item.target.selector.find((s) => s.type === 'TextPositionSelector') as Record<string, number>;
        const articleId = Number(item.target.source.split(':').pop());
        const text = texts.get(articleId) as string;
        // prefix + exact + suffix is found in the text right where the position selector says.
        const before = independentSlice(text, 0, position.start as number, unit);
        expect(before.endsWith(quote.prefix as string)).toBe(true);
        expect(text.slice(before.length + (quote.exact as string).length).startsWith(quote.suffix as string)).toBe(
          true,
        );
        return {
          articleId,
          start: position.start as number,
          end: position.end as number,
          quote: quote.exact as string,
        };
      });
      expectExact(spans, unit);
    });

    it('CoNLL: NLTK and `spacy convert -c ner` read the entity tags from the last column; every document starts with the spaCy delimiter', async () => {
      const path = await exported('conll', unit);
      const raw = readFileSync(path, 'utf8');
      expect(raw.split('\n').filter((line) => line.startsWith('-DOCSTART-'))).toEqual([CONLL_DOCSTART, CONLL_DOCSTART]);
      const expected = ['LOC Hà Nội', 'PER Tô Lâm', 'ORG Bộ Công an', 'PER Phạm Minh Chính', 'PER - A.N', 'LOC Hà Nội'];
      const spacyEntities = python('conll-spacy', path) as string[] | null;
      if (spacyEntities) expect(spacyEntities).toEqual(expected);
      const sentences = python('conll', path) as [string, string, string][][] | null;
      if (!sentences) return;
      const entities: string[] = [];
      for (const sentence of sentences) {
        let current: string[] | null = null;
        for (const [word, , tag] of sentence) {
          if (tag.startsWith('B-')) entities.push((current = [tag.slice(2), word]).join(' '));
          else if (tag.startsWith('I-') && current) {
            current.push(word);
            entities[entities.length - 1] = current.join(' ');
          } else current = null;
        }
      }
      expect(entities).toEqual(expected);
    });
  });
}

describe('code-point-only formats', () => {
  it('brat: every .txt is the text and every T line slices (code points) to its quote, also in Python', async () => {
    expect(unitsOf('brat')).toEqual(['codepoint']);
    const path = await exported('brat', 'codepoint');
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(strFromU8(files['annotation.conf'] as Uint8Array)).toContain('[entities]\nRISK\n');
    const spans: { articleId: number; start: number; end: number; quote: string }[] = [];
    for (const [articleId, text] of texts) {
      expect(strFromU8(files[`article-${articleId}.txt`] as Uint8Array)).toBe(text);
      for (const line of strFromU8(files[`article-${articleId}.ann`] as Uint8Array).split('\n')) {
        if (!line.startsWith('T')) continue;
        const [, typeAndRanges = '', quote] = line.split('\t');
        const ranges = typeAndRanges
          .split(' ')
          .slice(1)
          .join(' ')
          .split(';')
          .map((r) => r.split(' ').map(Number));
        const pieces = ranges.map(([start, end]) =>
          independentSlice(text, start as number, end as number, 'codepoint'),
        );
        expect(pieces.join(' ')).toBe(quote);
        const [first] = ranges[0] as number[];
        const last = (ranges[ranges.length - 1] as number[])[1] as number;
        spans.push({
          articleId,
          start: first as number,
          end: last,
          quote: independentSlice(text, first as number, last, 'codepoint'),
        });
      }
    }
    expectExact(spans, 'codepoint');
    const pairs = python('brat', path) as [string, string][] | null;
    for (const [quote, slice] of pairs ?? []) expect(slice).toBe(quote);
  });

  it('spaCy JSONL: tokens rebuild the text and every span edge is a token edge (char_span strict), and spaCy agrees where installed', async () => {
    expect(unitsOf('spacy-jsonl')).toEqual(['codepoint']);
    const path = await exported('spacy-jsonl', 'codepoint');
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonlLine);
    for (const line of lines) {
      const tokens = line.tokens ?? [];
      expect(tokens.map((token) => token.text + (token.ws ? ' ' : '')).join('')).toBe(line.text);
      for (const span of line.spans) {
        expect(tokens[span.token_start as number]?.start).toBe(span.start);
        expect(tokens[span.token_end as number]?.end).toBe(span.end);
      }
    }
    expectExact(
      lines.flatMap((line) =>
        line.spans.map((s) => ({ articleId: line.id, start: s.start, end: s.end, quote: s.text })),
      ),
      'codepoint',
    );
    const pairs = python('spacy', path) as [string, string | null][] | null;
    if (pairs) expect(pairs).toHaveLength(lines.flatMap((line) => line.spans).length);
    for (const [quote, found] of pairs ?? []) expect(found).toBe(quote);
  });

  it('refuses UTF-16 offsets for a format that counts code points, with a message naming both', async () => {
    await expect(exported('brat', 'utf16')).rejects.toThrow(/brat standoff \(zip\) counts offsets in codepoint/);
  });
});
