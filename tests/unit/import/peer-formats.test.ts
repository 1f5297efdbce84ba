/**
 * Annotations brought over from other tools (issue 9 part 3): each fixture is written in its
 * tool's documented export format; the import stores the text and writes the spans through the
 * change pipeline (origin "import"), and the test reads them back from SQLite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract';
import { ExportOptionsSchema, type ExportFormat } from '../../../shared/contract/exports';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importFile } from '../../../electron/services/import/import-service';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = join(__dirname, 'fixtures', 'peers');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const workbench = useTempWorkbenches();
const TEXT = '😀 Bộ Công an họp tại Hà Nội.';

/** Every stored span of every article, as [label, quote, origin], in text order. */
function storedSpans(wb: Workbench): [string, string, string][] {
  return wb.articles
    .list()
    .flatMap((article) => wb.annotationRows.listForArticle(article.id))
    .map((span) => [span.labelKey, span.quote, span.origin]);
}

const importedOnly = (results: ImportFileResult[]) => {
  const notImported = results.filter((result) => result.outcome !== 'imported');
  expect(notImported).toEqual([]);
  return results.flatMap((result) => (result.outcome === 'imported' ? result.notes : []));
};

describe('importing annotations from other tools', () => {
  it('doccano JSONL: label [[start, end, label]] and entities [{start_offset…}], UTF-16 offsets', async () => {
    const wb = workbench();
    const notes = importedOnly(await importFile(wb, { name: 'doccano.jsonl', bytes: fixture('doccano.jsonl') }));
    expect(storedSpans(wb)).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['LOC', 'Hà Nội', 'import'],
      ['PER', 'Phạm Minh Chính', 'import'],
    ]);
    expect(notes).toContain('doccano JSONL: 2 of 2 spans read.');
    expect(notes).toContain('Offsets in UTF-16 code units, as doccano JSONL counts them.');
  });

  it('Prodigy / spaCy JSONL: spans in code points (the emoji counts once); an unknown label becomes a new one', async () => {
    const wb = workbench();
    const notes = importedOnly(await importFile(wb, { name: 'prodigy.jsonl', bytes: fixture('prodigy.jsonl') }));
    expect(storedSpans(wb)).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['GPE', 'Hà Nội', 'import'],
    ]);
    expect(notes).toContainEqual('New labels for names this workbench did not have: GPE.');
    expect(wb.labels.get('GPE')).toMatchObject({ nameEn: 'GPE', kind: 'entity' });
  });

  it('Label Studio JSON: result[].value.start/end/labels, checked against value.text; names mapped to labels', async () => {
    const wb = workbench();
    importedOnly(await importFile(wb, { name: 'export.json', bytes: fixture('label-studio.json') }));
    expect(storedSpans(wb)).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['LOC', 'Hà Nội', 'import'],
    ]);
  });

  it('brat standoff (zipped): code points; line-split fragments join, discontinuous spans and relations are reported, notes kept', async () => {
    const wb = workbench();
    const zip = zipSync({ 'doc/brat-1.txt': fixture('brat-1.txt'), 'doc/brat-1.ann': fixture('brat-1.ann') });
    const notes = importedOnly(await importFile(wb, { name: 'brat.zip', bytes: zip }));
    expect(storedSpans(wb)).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['LOC', 'Hà Nội', 'import'],
      ['EVENT', 'Ngày mai\nhọp tiếp', 'import'],
    ]);
    expect(notes).toContainEqual(expect.stringContaining('Skipped T4 Event: it is discontinuous'));
    expect(notes).toContainEqual(expect.stringContaining('1 relation, event or attribute lines are not spans'));
    // `#1 AnnotatorNotes T1 cơ quan` is the ORG span's note.
    const [article] = wb.articles.list();
    expect(wb.annotations.list(article?.id as number).map((span) => [span.labelKey, span.note])).toContainEqual([
      'ORG',
      'cơ quan',
    ]);
  });

  it('CoNLL-2003 (four columns, NER last): tokens re-aligned to a rebuilt text', async () => {
    const wb = workbench();
    importedOnly(await importFile(wb, { name: 'train.conll', bytes: fixture('conll2003.conll') }));
    const [article] = wb.articles.list();
    expect(wb.articles.getText(article?.id as number)).toBe('Bộ Công an họp tại Hà Nội.');
    expect(storedSpans(wb)).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['LOC', 'Hà Nội', 'import'],
    ]);
  });

  it('a span whose quote does not match its offsets is reported, never stored', async () => {
    const wb = workbench();
    const record = {
      text: TEXT,
      spans: [{ start: 2, end: 12, label: 'ORG', text: 'Bộ Quốc phòng' }],
      meta: { offset_unit: 'codepoint' },
    };
    const notes = importedOnly(await importFile(wb, { name: 'bad.jsonl', bytes: strToU8(JSON.stringify(record)) }));
    expect(storedSpans(wb)).toEqual([]);
    expect(notes).toContainEqual(
      expect.stringContaining("the text at these offsets is “Bộ Công an”, not the file's quote"),
    );
  });
});

describe('round trips: export, then import into an empty workbench', () => {
  for (const format of ['jsonl', 'spacy-jsonl', 'brat'] as ExportFormat[]) {
    for (const unit of format === 'jsonl' ? (['codepoint', 'utf16'] as const) : (['codepoint'] as const)) {
      it(`${format} (${unit}): the same texts and the same spans come back`, async () => {
        const from = workbench();
        const text = `${TEXT}\n\nĐoạn hai 🔥 với Thủ tướng Phạm Minh Chính.`;
        const id = addArticle(from, text, 'Bài');
        annotate(from, id, 'ORG', 'Bộ Công an');
        annotate(from, id, 'RISK', 'Hà Nội.\n\nĐoạn hai 🔥');
        annotate(from, id, 'PER', 'Phạm Minh Chính');
        const path = join(from.dir, `out-${format}`);
        await exportToFile(
          from,
          ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format, offsetUnit: unit }),
          path,
          { appVersion: 'test' },
        );
        const to = workbench();
        const name = format === 'brat' ? 'out.brat.zip' : 'out.jsonl';
        importedOnly(await importFile(to, { name, bytes: readFileSync(path) }));
        expect(to.articles.list().map((article) => to.articles.getText(article.id))).toEqual([text]);
        const key = ([label, quote]: [string, string, string]) => `${label}:${quote}`;
        expect(storedSpans(to).map(key).sort()).toEqual(storedSpans(from).map(key).sort());
      });
    }
  }
});
