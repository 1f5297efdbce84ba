/**
 * Issue 9 part 3, "also import Marginalia's own exports": every format the app writes and reads
 * again, exported from one workbench and imported into a fresh one (a new temp database), then
 * read back through the services: the texts, each span's label, offsets and quote, its note and
 * author where the format carries them, and the labels. What a format cannot carry is named in
 * the README's table, and asserted here as lost, so the table and the code cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract';
import { ExportOptionsSchema, type ExportFormat } from '../../../shared/contract/exports';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importFile } from '../../../electron/services/import/import-service';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

vi.setConfig({ testTimeout: 60_000 });

const workbench = useTempWorkbenches();

// An emoji before the spans, so code points and UTF-16 differ; a span across a paragraph break;
// a note that starts like a formula, which the spreadsheet CSV guards.
const FIRST = '😀 Bộ Công an họp tại Hà Nội.\n\nĐoạn hai 🔥 với Thủ tướng Phạm Minh Chính.';
const SECOND = 'Bộ Ngoại giao cảnh báo nguy cơ lừa đảo qua mạng.';

function source(): Workbench & { dir: string } {
  const wb = workbench();
  wb.profile.set('Lan');
  const first = addArticle(wb, FIRST, 'Bài một');
  const second = addArticle(wb, SECOND, 'Bài hai');
  annotate(wb, first, 'ORG', 'Bộ Công an', { note: 'cơ quan chủ trì' });
  annotate(wb, first, 'RISK', 'Hà Nội.\n\nĐoạn hai 🔥');
  annotate(wb, first, 'PER', 'Phạm Minh Chính', { note: '- thủ tướng' });
  annotate(wb, second, 'ORG', 'Bộ Ngoại giao');
  annotate(wb, second, 'RISK', 'nguy cơ lừa đảo qua mạng', { note: 'lừa đảo' });
  return wb;
}

async function exported(wb: Workbench & { dir: string }, format: ExportFormat, unit: OffsetUnit): Promise<Buffer> {
  const path = join(wb.dir, `out-${format}-${unit}`);
  const options = ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format, offsetUnit: unit });
  await exportToFile(wb, options, path, { appVersion: 'test' });
  return readFileSync(path);
}

/** Every span, as [article title, label, start, end, quote, note, author], sorted. */
function spansOf(wb: Workbench): string[][] {
  return wb.articles
    .list()
    .flatMap((article) =>
      wb.annotations
        .list(article.id)
        .map((span) => [
          article.title ?? '',
          span.labelKey,
          String(span.start),
          String(span.end),
          span.quote,
          span.note,
          span.author,
        ]),
    )
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

const TITLE = 0;
const NOTE = 5;
const AUTHOR = 6;
const without = (spans: string[][], ...columns: number[]) =>
  spans
    .map((span) => span.map((cell, index) => (columns.includes(index) ? '' : cell)))
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));

function noneSkipped(results: ImportFileResult[]): ImportFileResult[] {
  expect(results.filter((result) => result.outcome === 'skipped')).toEqual([]);
  return results;
}

const FILE_NAMES: Partial<Record<ExportFormat, string>> = {
  'workbench-json': 'out.json',
  jsonl: 'out.jsonl',
  'spacy-jsonl': 'out.spacy.jsonl',
  brat: 'out.brat.zip',
  csv: 'out.csv',
  'csv-data': 'out.csv',
};

/** What each format brings back besides texts, labels, offsets and quotes (README, "What is lost"). */
const CARRIES: Record<
  'workbench-json' | 'jsonl' | 'spacy-jsonl' | 'brat',
  { titles: boolean; notes: boolean; authors: boolean }
> = {
  'workbench-json': { titles: true, notes: true, authors: true },
  jsonl: { titles: true, notes: true, authors: true },
  'spacy-jsonl': { titles: true, notes: false, authors: false },
  brat: { titles: false, notes: true, authors: false },
};

describe('own formats round trip: export, import into a fresh database, read back', () => {
  for (const format of Object.keys(CARRIES) as (keyof typeof CARRIES)[]) {
    const units: OffsetUnit[] = format === 'spacy-jsonl' || format === 'brat' ? ['codepoint'] : ['codepoint', 'utf16'];
    for (const unit of units) {
      it(`${format} (${unit}): texts, spans${CARRIES[format].notes ? ', notes' : ''}${CARRIES[format].authors ? ', authors' : ''} come back`, async () => {
        const from = source();
        const bytes = await exported(from, format, unit);
        const to = workbench();
        to.profile.set('Người nhập');
        noneSkipped(await importFile(to, { name: FILE_NAMES[format] as string, bytes }));

        expect(
          to.articles
            .list()
            .map((article) => to.articles.getText(article.id))
            .sort(),
        ).toEqual([FIRST, SECOND].sort());
        const carries = CARRIES[format];
        const lost = [
          ...(carries.titles ? [] : [TITLE]),
          ...(carries.notes ? [] : [NOTE]),
          ...(carries.authors ? [] : [AUTHOR]),
        ];
        const back = spansOf(to);
        expect(without(back, ...lost)).toEqual(without(spansOf(from), ...lost));
        // What is lost is really gone, not half there: no notes, and this workbench's author.
        if (!CARRIES[format].notes) expect(back.every((span) => span[NOTE] === '')).toBe(true);
        if (!CARRIES[format].authors) expect(back.every((span) => span[AUTHOR] === 'Người nhập')).toBe(true);
        // The labels are the same ones (no new label was made for a key the workbench has).
        expect(to.labels.list().map((label) => label.key)).toEqual(from.labels.list().map((label) => label.key));
      });
    }
  }

  it('CoNLL: the texts are rebuilt from the tokens and the entity column comes back', async () => {
    const from = source();
    const bytes = await exported(from, 'conll', 'codepoint');
    const to = workbench();
    noneSkipped(await importFile(to, { name: 'out.conll', bytes }));
    const texts = to.articles.list().map((article) => to.articles.getText(article.id));
    expect(texts).toHaveLength(2);
    const entities = to.articles
      .list()
      .flatMap((article) => to.annotations.list(article.id).map((span) => `${span.labelKey}:${span.quote}`))
      .sort();
    expect(entities).toEqual(['ORG:Bộ Công an', 'ORG:Bộ Ngoại giao', 'PER:Phạm Minh Chính']);
  });

  for (const format of ['csv', 'csv-data'] as const) {
    for (const unit of ['codepoint', 'utf16'] as const) {
      it(`${format} (${unit}): the rows go onto the same articles imported first, with notes and authors`, async () => {
        const from = source();
        const bytes = await exported(from, format, unit);
        // The CSV holds no text: the articles come first (here as their files would bring them).
        const to = workbench();
        to.profile.set('Người nhập');
        addArticle(to, 'Một bài khác, chỉ có ở đây.', 'Bài khác');
        addArticle(to, SECOND, 'Bài hai');
        addArticle(to, FIRST, 'Bài một');
        const results = noneSkipped(await importFile(to, { name: FILE_NAMES[format] as string, bytes }));
        expect(results.map((result) => result.outcome)).toEqual(['duplicate', 'duplicate']);
        expect(results[0]).toMatchObject({
          title: 'Bài một',
          notes: expect.arrayContaining([expect.stringMatching(/is article 3 here/)]),
        });
        expect(spansOf(to)).toEqual(spansOf(from));

        // Imported again: every span is already there, nothing doubles.
        noneSkipped(await importFile(to, { name: FILE_NAMES[format] as string, bytes }));
        expect(spansOf(to)).toEqual(spansOf(from));
      });
    }
  }

  it('csv: rows of an article this workbench does not have are reported, naming it; nothing is stored', async () => {
    const bytes = await exported(source(), 'csv', 'codepoint');
    const to = workbench();
    addArticle(to, 'Bộ Công an họp.', 'Bài một'); // the title matches, the quotes do not
    const results = await importFile(to, { name: 'out.csv', bytes });
    expect(results.map((result) => [result.outcome, result.file])).toEqual([
      ['skipped', 'out.csv (article 1)'],
      ['skipped', 'out.csv (article 2)'],
    ]);
    expect(results[0]).toMatchObject({
      reason: expect.stringContaining('No article here is article 1 “Bài một” of the file'),
      reasonRef: { key: 'csvRowsNoArticle', params: { id: 1, title: 'Bài một' } },
    });
    expect(to.annotations.list(1)).toEqual([]);
  });
});
