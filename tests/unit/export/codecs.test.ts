import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createExportCodec, EXPORT_FORMAT_SPECS, exportFormatByName } from '../../../shared/codecs';
import { createConllCodec } from '../../../shared/codecs/conll';
import { CSV_HEADER, restoreFormulaGuarded } from '../../../shared/codecs/csv';
import { createJsonlCodec } from '../../../shared/codecs/jsonl';
import type { ExportArticle, ExportChunk, ExportCodec } from '../../../shared/codecs/types';
import { createWorkbenchJsonCodec, WorkbenchExportSchema } from '../../../shared/codecs/workbench-json';
import type { Annotation } from '../../../shared/domain/schemas';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { stringifyCsvRows } from '../../../electron/services/export/export-service';
import { article, context, independentSlice, span } from './fixtures';

/** A text format's file (the tests of text codecs); bytes would be a bug here. */
function asText(chunk: ExportChunk): string {
  if (typeof chunk !== 'string') throw new Error('expected a text chunk');
  return chunk;
}

function encode(codec: ExportCodec, entries: [ExportArticle, Annotation[]][]): string {
  return (
    asText(codec.begin()) +
    entries.map(([a, spans]) => asText(codec.article(a, spans).chunk)).join('') +
    asText(codec.end())
  );
}

/** Any format's file as bytes. */
function encodeBytes(codec: ExportCodec, entries: [ExportArticle, Annotation[]][]): Buffer {
  const chunks = [codec.begin(), ...entries.map(([a, spans]) => codec.article(a, spans).chunk), codec.end()];
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

/** Rows keyed by header, as csv-parse reads them (BOM stripped). */
function readCsv(output: string): Record<string, string>[] {
  return parse(output, { bom: true, columns: true });
}

function csvCodec(unit: OffsetUnit = 'codepoint', bom = true): ExportCodec {
  return createExportCodec({ format: 'csv', csvBom: bom, conllLastColumn: 'entity' }, context(unit), {
    stringifyCsvRows,
  });
}

// Astral characters before, inside and between spans: the two units differ by one per emoji.
const EMOJI_TEXT = '🇻🇳 Thủ tướng 😀 Phạm Minh Chính nói: “𝕏 là nguy cơ 🔥 lớn” tại Hà Nội.';
const emojiSpans = () => [
  span(1, EMOJI_TEXT, 'PER', 'Phạm Minh Chính'),
  span(2, EMOJI_TEXT, 'RISK', '𝕏 là nguy cơ 🔥 lớn'),
  span(3, EMOJI_TEXT, 'LOC', 'Hà Nội'),
  span(4, EMOJI_TEXT, 'ORG', '🔥'),
];

describe('offset units on text with emoji', () => {
  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`JSONL spans re-read by an independent slicer match their text (${unit})`, () => {
      const output = encode(createJsonlCodec(context(unit)), [[article(1, EMOJI_TEXT), emojiSpans()]]);
      const lines = output
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1);
      const [line] = lines;
      expect(line.meta).toEqual({ offset_unit: unit, normalization: 'NFC, LF', authors: null, schema_version: 2 });
      expect(line.spans).toHaveLength(4);
      for (const s of line.spans) expect(independentSlice(line.text, s.start, s.end, unit)).toBe(s.text);
      const per = line.spans.find((s: { label: string }) => s.label === 'PER');
      // 🇻🇳 is two astral code points and 😀 one: three fewer in code points than in UTF-16.
      expect(per.start).toBe(unit === 'utf16' ? 18 : 15);
    });

    it(`workbench JSON validates and every annotation slices to its quote (${unit})`, () => {
      const output = encode(createWorkbenchJsonCodec(context(unit)), [[article(1, EMOJI_TEXT), emojiSpans()]]);
      const parsed = WorkbenchExportSchema.parse(JSON.parse(output));
      expect(parsed.offset_unit).toBe(unit);
      const [first] = parsed.articles;
      for (const a of first?.annotations ?? [])
        expect(independentSlice(first?.text ?? '', a.start, a.end, unit)).toBe(a.quote);
      expect(first?.annotations).toHaveLength(4);
    });

    it(`CSV offsets slice the text to the quote column (${unit})`, () => {
      const rows = readCsv(encode(csvCodec(unit), [[article(1, EMOJI_TEXT), emojiSpans()]]));
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(independentSlice(EMOJI_TEXT, Number(row.start), Number(row.end), unit)).toBe(
          restoreFormulaGuarded(row.quote ?? ''),
        );
      }
    });
  }
});

describe('JSONL', () => {
  it('writes one parseable line per article, in the documented shape', () => {
    const first = 'Bộ Công an cảnh báo nguy cơ lừa đảo.';
    const second = 'Đề xuất tăng cường hợp tác.\nDòng hai "có ngoặc".';
    const output = encode(createJsonlCodec(context()), [
      [article(1, first), [span(1, first, 'ORG', 'Bộ Công an'), span(2, first, 'RISK', 'nguy cơ lừa đảo')]],
      [
        article(2, second, { title: null, publishedAt: null }),
        [span(3, second, 'PROPOSAL', 'Đề xuất tăng cường hợp tác')],
      ],
    ]);
    const lines = output.split('\n');
    expect(lines.at(-1)).toBe('');
    const records = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(records.map((r) => Object.keys(r))).toEqual([
      ['id', 'title', 'source', 'published', 'text', 'fields', 'spans', 'relations', 'meta'],
      ['id', 'title', 'source', 'published', 'text', 'fields', 'spans', 'relations', 'meta'],
    ]);
    expect(records[1]).toMatchObject({ id: 2, title: null, published: null, text: second });
    for (const record of records) {
      for (const s of record.spans)
        expect(
          Array.from(record.text as string)
            .slice(s.start, s.end)
            .join(''),
        ).toBe(s.text);
    }
  });
});

describe('CSV', () => {
  const text =
    '=SUM(A1) là công thức; +84 912; -5 độ; @người; \tthụt; \u000dCR; \'nháy. Nói "xin chào",\nrồi xuống dòng.';
  const spans = [
    span(1, text, 'RISK', '=SUM(A1)'),
    span(2, text, 'RISK', '+84 912'),
    span(3, text, 'RISK', '-5 độ'),
    span(4, text, 'RISK', '@người'),
    span(5, text, 'RISK', '\tthụt'),
    span(6, text, 'RISK', '\u000dCR'),
    span(7, text, 'RISK', "'nháy"),
    span(8, text, 'PROPOSAL', 'Nói "xin chào",\nrồi', 0, 'ghi chú, có "ngoặc"\nhai dòng'),
  ];

  it('neutralises every cell that a spreadsheet would run as a formula, reversibly', () => {
    const rows = readCsv(encode(csvCodec(), [[article(1, text, { title: '=HYPERLINK("x")' }), spans]]));
    expect(rows.map((row) => row.quote)).toEqual([
      "'=SUM(A1)",
      "'+84 912",
      "'-5 độ",
      "'@người",
      "'\tthụt",
      "'\rCR",
      "''nháy",
      'Nói "xin chào",\nrồi',
    ]);
    expect(rows.every((row) => row.title === '\'=HYPERLINK("x")')).toBe(true);
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(text.slice(Number(row.start), Number(row.end))).toBe(restoreFormulaGuarded(row.quote ?? ''));
    }
    // Context cells are guarded too: the text before "-5 độ" starts with "=".
    expect(rows[2]?.context_before).toBe("'=SUM(A1) là công thức; +84 912; ");
  });

  it('quotes commas, quotes and line breaks per RFC 4180 so a parser reads them back exactly', () => {
    const output = encode(csvCodec('codepoint', false), [[article(1, text), spans.slice(-1)]]);
    expect(output.startsWith('article_id,')).toBe(true);
    expect(output).toContain('"Nói ""xin chào"",\nrồi"');
    expect(output).toContain('\r\n');
    const [header, row] = parse(output) as string[][];
    expect(header).toEqual([...CSV_HEADER]);
    expect(row).toHaveLength(CSV_HEADER.length);
    const record = Object.fromEntries(CSV_HEADER.map((name, index) => [name, row?.[index]]));
    expect(record).toMatchObject({
      article_id: '1',
      label: 'PROPOSAL',
      label_name_vi: 'PROPOSAL vi',
      quote: 'Nói "xin chào",\nrồi',
      note: 'ghi chú, có "ngoặc"\nhai dòng',
      context_after: ' xuống dòng.',
    });
  });

  it('starts with a UTF-8 BOM by default and can leave it out', () => {
    expect(encode(csvCodec(), []).startsWith('\uFEFFarticle_id,')).toBe(true);
    expect(encode(csvCodec('codepoint', false), []).startsWith('article_id,')).toBe(true);
  });

  it('gives about 60 characters of context on each side, never half an emoji', () => {
    const long = `${'😀'.repeat(80)}Hà Nội${'🔥'.repeat(80)}`;
    const [row] = readCsv(encode(csvCodec(), [[article(1, long), [span(1, long, 'LOC', 'Hà Nội')]]]));
    expect(Array.from(row?.context_before ?? '')).toHaveLength(60);
    expect(row?.context_before).toBe('😀'.repeat(60));
    expect(row?.context_after).toBe('🔥'.repeat(60));
  });
});

describe('CoNLL', () => {
  const text =
    'Bộ Ngoại giao Việt Nam cảnh báo nguy cơ xung đột. TP. Hồ Chí Minh đề xuất hợp tác!\nÔng Nguyễn Văn A phát biểu.';
  const conllSpans = () => [
    span(1, text, 'ORG', 'Bộ Ngoại giao Việt Nam'),
    span(2, text, 'LOC', 'Việt Nam'), // nested in ORG: same column, left out
    span(3, text, 'RISK', 'Việt Nam cảnh báo nguy cơ'), // analytic column: kept beside ORG
    span(4, text, 'RISK', 'nguy cơ xung đột'), // overlaps the longer RISK: left out
    span(5, text, 'LOC', 'TP. Hồ Chí Minh'),
    span(6, text, 'PROPOSAL', 'đề xuất hợp tác'),
    span(7, text, 'PER', 'guyễn Văn A'), // starts inside a syllable: widened
  ];

  function rowsOf(output: string): string[][] {
    return output
      .split('\n')
      .filter((line) => line && !line.startsWith('-DOCSTART-'))
      .map((line) => line.split('\t'));
  }

  it('puts entities and analytic spans in two columns, keeping the outermost per column', () => {
    const result = createConllCodec(context()).article(article(9, text), conllSpans());
    const rows = rowsOf(asText(result.chunk));
    // Entities in the last column, where spaCy and NLTK read them: [analytic, entity].
    const tagsOf = (token: string) =>
      rows
        .find((row) => row[0] === token)
        ?.slice(1)
        .reverse();
    expect(tagsOf('Bộ')).toEqual(['B-ORG', 'O']);
    expect(tagsOf('Việt')).toEqual(['I-ORG', 'B-RISK']);
    expect(tagsOf('cơ')).toEqual(['O', 'I-RISK']);
    expect(tagsOf('xung')).toEqual(['O', 'O']);
    expect(tagsOf('TP')).toEqual(['B-LOC', 'O']);
    expect(tagsOf('đề')).toEqual(['O', 'B-PROPOSAL']);
    expect(tagsOf('Nguyễn')).toEqual(['B-PER', 'O']);
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(result.spansWritten).toBe(5);
  });

  it('reports each span it left out, with article, label, quote and offsets, and what kept its place', () => {
    const result = createConllCodec(context()).article(article(9, text), conllSpans());
    expect(result.leftOut).toEqual([
      {
        articleId: 1,
        labelKey: 'LOC',
        start: 14,
        end: 22,
        quote: 'Việt Nam',
        reason: 'overlaps ORG “Bộ Ngoại giao Việt Nam” [0, 22), kept in the entity column',
      },
      expect.objectContaining({
        labelKey: 'RISK',
        quote: 'nguy cơ xung đột',
        reason: expect.stringContaining('kept in the analytic column'),
      }),
    ]);
    expect(result.widened).toEqual([
      expect.objectContaining({
        labelKey: 'PER',
        quote: 'guyễn Văn A',
        reason: expect.stringContaining('“Nguyễn Văn A”'),
      }),
    ]);
  });

  it('splits sentences at . ! ? and line breaks, but never inside a span, and marks each article', () => {
    const output = asText(createConllCodec(context()).article(article(9, text), conllSpans()).chunk);
    expect(output.startsWith('-DOCSTART- -X- O O\n\n')).toBe(true);
    const sentences = output
      .split('\n\n')
      .slice(1)
      .filter(Boolean)
      .map((block) =>
        block
          .split('\n')
          .map((line) => line.split('\t')[0])
          .join(' '),
      );
    expect(sentences).toEqual([
      'Bộ Ngoại giao Việt Nam cảnh báo nguy cơ xung đột .',
      'TP . Hồ Chí Minh đề xuất hợp tác !',
      'Ông Nguyễn Văn A phát biểu .',
    ]);
  });

  it('writes the editor’s syllable tokens: words with inner connectors, punctuation and emoji apart', () => {
    const sample = 'Ngày 10/1, COVID-19 😀 lan “rộng” 🇻🇳…';
    const output = asText(createConllCodec(context()).article(article(1, sample), []).chunk);
    expect(rowsOf(output).map((row) => row[0])).toEqual([
      'Ngày',
      '10/1',
      ',',
      'COVID-19',
      '😀',
      'lan',
      '“',
      'rộng',
      '”',
      '🇻🇳',
      '…',
    ]);
  });

  it('keeps a span that crosses a sentence end in one block', () => {
    const sample = 'Nguy cơ rất lớn. Cần xử lý ngay. Hết.';
    const output = asText(
      createConllCodec(context()).article(article(1, sample), [span(1, sample, 'RISK', 'lớn. Cần xử lý')]).chunk,
    );
    const blocks = output.split('\n\n').slice(1).filter(Boolean);
    expect(
      blocks.map((block) =>
        block
          .split('\n')
          .map((line) => line.split('\t')[0])
          .join(' '),
      ),
    ).toEqual(['Nguy cơ rất lớn . Cần xử lý ngay .', 'Hết .']);
  });

  it('reports a span that covers no token instead of dropping it', () => {
    const sample = 'Hai  khoảng trắng.';
    const result = createConllCodec(context()).article(article(1, sample), [span(1, sample, 'RISK', '  ')]);
    expect(result.leftOut).toEqual([expect.objectContaining({ quote: '  ', reason: 'covers no token (only spaces)' })]);
  });
});

describe('determinism', () => {
  const text = 'Đề xuất 😀 hợp tác với Hà Nội.';
  const entries = (): [ExportArticle, Annotation[]][] => [
    [article(1, text), [span(1, text, 'PROPOSAL', 'Đề xuất 😀 hợp tác'), span(2, text, 'LOC', 'Hà Nội')]],
  ];
  for (const { name: format } of EXPORT_FORMAT_SPECS) {
    it(`${format}: the same data gives the same bytes, apart from the export time`, () => {
      const at = (exportedAt: string) =>
        encodeBytes(
          createExportCodec({ format, csvBom: true, conllLastColumn: 'entity' }, context('codepoint', exportedAt), {
            stringifyCsvRows,
          }),
          entries(),
        );
      const first = at('2026-11-24T10:00:00.000Z');
      expect(at('2026-11-24T10:00:00.000Z').equals(first)).toBe(true);
      if (format === 'brat') return; // zip entries carry the export time as their mtime
      const later = at('2027-01-01T00:00:00.000Z').toString('utf8');
      expect(later.replace('2027-01-01T00:00:00.000Z', '2026-11-24T10:00:00.000Z')).toBe(first.toString('utf8'));
    });
  }
});

describe('issue 9 export regressions', () => {
  it('CSV: a cell with a line break but no comma or quote is quoted (pandas read 303 rows for 246 spans)', () => {
    const text = 'Đoạn một\nđoạn hai';
    const output = encode(csvCodec('codepoint', false), [[article(1, text), [span(1, text, 'RISK', 'một')]]]);
    expect(output).toContain(',"\nđoạn hai",');
    const strict = parse(output, { record_delimiter: '\r\n', relax_quotes: false }) as string[][];
    expect(strict).toHaveLength(2);
  });

  it('CSV data variant keeps "- A.N" exact; the spreadsheet variant guards it; partial dates are XXXX-MM-DD', () => {
    const text = '- A.N cho biết';
    const entries: [ExportArticle, Annotation[]][] = [
      [article(1, text, { publishedAt: '--02-26' }), [span(1, text, 'PER', '- A.N')]],
    ];
    const rowOf = (format: 'csv' | 'csv-data') =>
      readCsv(
        encode(
          createExportCodec({ format, csvBom: true, conllLastColumn: 'entity' }, context(), { stringifyCsvRows }),
          entries,
        ),
      )[0];
    expect(rowOf('csv-data')).toMatchObject({ quote: '- A.N', published: 'XXXX-02-26' });
    expect(rowOf('csv')).toMatchObject({ quote: "'- A.N", published: 'XXXX-02-26' });
  });

  it('CoNLL: documents are separated by "-DOCSTART- -X- O O", not "-DOCSTART- <id>" (spaCy E177)', () => {
    const output = asText(createConllCodec(context()).article(article(42, 'Hà Nội.'), []).chunk);
    expect(output.split('\n')[0]).toBe('-DOCSTART- -X- O O');
    expect(output).not.toContain('42');
  });

  it('CoNLL: the column order is an option; by default the entity column is last', () => {
    const text = 'Nguy cơ ở Hà Nội.';
    const spans = [span(1, text, 'RISK', 'Nguy cơ ở Hà Nội'), span(2, text, 'LOC', 'Hà Nội')];
    const lineOf = (codec: ExportCodec) =>
      asText(codec.article(article(1, text), spans).chunk)
        .split('\n')
        .find((line) => line.startsWith('Hà\t'));
    expect(lineOf(createConllCodec(context()))).toBe('Hà\tI-RISK\tB-LOC');
    expect(lineOf(createConllCodec(context(), 'analytic'))).toBe('Hà\tB-LOC\tI-RISK');
  });
});

describe('format registry', () => {
  it('one name everywhere: the CLI’s old name "json" is an alias of workbench-json', () => {
    expect(exportFormatByName('json')?.name).toBe('workbench-json');
    expect(exportFormatByName('workbench-json')?.name).toBe('workbench-json');
    expect(exportFormatByName('CSV-DATA')?.name).toBe('csv-data');
    expect(exportFormatByName('xlsx')).toBeUndefined();
    const names = EXPORT_FORMAT_SPECS.flatMap((spec) => [spec.name, ...spec.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});
