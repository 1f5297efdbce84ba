import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importWorkbenchExport } from '../../../electron/services/export/workbench-import';
import { storeArticle } from '../../../electron/services/import/store-article';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from './fixtures';

const freshWorkbench = useTempWorkbenches();

const SECOND_TEXT = 'Thủ tướng đề xuất tăng cường hợp tác với Nhật Bản 🇯🇵 trong năm 2026.';

/** Custom colours, swapped hotkeys, a new label, statuses, notes, origins, trimmed chrome, emoji. */
function annotatedWorkbench(): Workbench & { dir: string } {
  const workbench = freshWorkbench();
  const labels = workbench.labels.list();
  const risk = labels.find((label) => label.key === 'RISK');
  const proposal = labels.find((label) => label.key === 'PROPOSAL');
  if (!risk || !proposal) throw new Error('default labels missing');
  workbench.labels.upsert({ ...proposal, hotkey: null });
  workbench.labels.upsert({ ...risk, color: '#ff0000', hotkey: '2' });
  workbench.labels.upsert({ ...proposal, hotkey: '1' });
  workbench.labels.upsert({
    key: 'THREAT',
    nameVi: 'Đe dọa',
    nameEn: 'Threat',
    color: '#abcdef',
    hotkey: null,
    kind: 'analytic',
    description: 'Mối đe dọa cụ thể.',
    sortOrder: 10,
  });

  const first = addArticle(workbench, 'Bộ Công an 🚨 cảnh báo nguy cơ lừa đảo trực tuyến.', 'Cảnh báo lừa đảo');
  annotate(workbench, first, 'ORG', 'Bộ Công an');
  const risky = annotate(workbench, first, 'RISK', 'nguy cơ lừa đảo trực tuyến', { note: 'ghi chú "một"' });
  workbench.annotations.update({ id: risky.id, note: 'ghi chú đã sửa' });
  workbench.articles.setStatus(first, 'done');

  const second = storeArticle(workbench.db, workbench.articles, {
    rawText: `${SECOND_TEXT}\nĐọc thêm: tin liên quan`,
    text: SECOND_TEXT,
    trimmedText: '\nĐọc thêm: tin liên quan',
    title: null,
    source: 'Báo Nhân Dân',
    byline: 'Phóng viên A',
    url: 'https://example.vn/bai-2',
    publishedAt: '2026-01-10T08:00:00+07:00',
    fileName: 'bai-2.html',
  }).articleId;
  annotate(workbench, second, 'PROPOSAL', 'tăng cường hợp tác với Nhật Bản 🇯🇵');
  annotate(workbench, second, 'LOC', 'Nhật Bản');
  const start = SECOND_TEXT.indexOf('năm 2026');
  workbench.annotationRows.insert({
    articleId: second,
    labelKey: 'THREAT',
    start,
    end: start + 'năm 2026'.length,
    quote: 'năm 2026',
    note: '',
    origin: 'model',
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-02T00:00:00.000Z',
  });

  addArticle(workbench, 'Bài chưa gắn nhãn.');
  return workbench;
}

async function exportJson(
  workbench: Workbench & { dir: string },
  name: string,
  unit: OffsetUnit = 'codepoint',
): Promise<string> {
  const path = join(workbench.dir, name);
  const options = ExportOptionsSchema.parse({
    scope: { kind: 'all' },
    labelKeys: null,
    format: 'workbench-json',
    offsetUnit: unit,
  });
  await exportToFile(workbench, options, path, { appVersion: 'test' });
  return readFileSync(path, 'utf8');
}

const withoutExportTime = (json: string) => json.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

describe('workbench JSON round trip', () => {
  for (const unit of ['codepoint', 'utf16'] as const) {
    it(`export, import into a fresh database, export again: identical data (${unit})`, async () => {
      const original = annotatedWorkbench();
      const exported = await exportJson(original, 'first.json', unit);

      const fresh = freshWorkbench();
      const results = importWorkbenchExport(fresh, 'first.json', JSON.parse(exported));
      expect(results.map((result) => result.outcome)).toEqual(['imported', 'imported', 'imported']);
      expect(results[1]).toMatchObject({
        file: 'first.json › article 2',
        notes: ['Restored 3 annotations and the status “in_progress”.'],
      });

      expect(withoutExportTime(await exportJson(fresh, 'again.json', unit))).toBe(withoutExportTime(exported));
      expect(fresh.labels.list()).toEqual(original.labels.list());
      expect(fresh.articles.get(2)).toEqual(original.articles.get(2));
      expect(fresh.annotations.list(2)).toEqual(original.annotations.list(2));
    });
  }
});

describe('workbench JSON merge into a database that has some of the articles', () => {
  it('adds only the missing annotations, never duplicates, and says what it merged', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'first.json'));

    const target = freshWorkbench();
    const here = addArticle(target, 'Một bài chỉ có ở đây.');
    annotate(target, here, 'MISC', 'bài');
    const second = storeArticle(target.db, target.articles, {
      rawText: SECOND_TEXT,
      text: SECOND_TEXT,
      trimmedText: '\nĐọc thêm: tin liên quan',
      title: 'Tiêu đề ở đây',
      source: null,
      byline: null,
      url: null,
      publishedAt: null,
      fileName: null,
    }).articleId;
    annotate(target, second, 'LOC', 'Nhật Bản'); // the same span as in the file
    annotate(target, second, 'PER', 'Thủ tướng', { note: 'chỉ ở đây' });

    const results = importWorkbenchExport(target, 'first.json', exported);
    expect(results.map((result) => result.outcome)).toEqual(['imported', 'duplicate', 'imported']);
    expect(results[1]).toMatchObject({ articleId: second, title: 'Tiêu đề ở đây' });
    const notes = results[1]?.outcome === 'duplicate' ? results[1].notes : [];
    expect(notes[0]).toBe(
      `Already here as article ${second}; merged: kept its status and metadata, added 2 of 3 annotations (1 were already there).`,
    );
    expect(notes.join(' ')).toContain('got new ids');
    const merged = target.annotations.list(second);
    expect(merged.map((a) => `${a.labelKey}:${a.quote}`).sort()).toEqual(
      ['LOC:Nhật Bản', 'PER:Thủ tướng', 'PROPOSAL:tăng cường hợp tác với Nhật Bản 🇯🇵', 'THREAT:năm 2026'].sort(),
    );
    expect(merged.find((a) => a.labelKey === 'THREAT')).toMatchObject({
      origin: 'model',
      createdAt: '2026-02-01T00:00:00.000Z',
    });
    expect(target.articles.get(second)).toMatchObject({ title: 'Tiêu đề ở đây', status: 'in_progress' });

    const again = importWorkbenchExport(target, 'first.json', exported);
    expect(again.map((result) => result.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(target.annotations.list(second)).toHaveLength(4);
    expect(target.articles.list()).toHaveLength(4);
  });
});

describe('workbench JSON validation', () => {
  it('names the file and the reason when the document is not a valid export', () => {
    const workbench = freshWorkbench();
    const [wrongVersion] = importWorkbenchExport(workbench, 'old.json', { format: 'marginalia-workbench', version: 2 });
    expect(wrongVersion).toMatchObject({ outcome: 'skipped', file: 'old.json' });
    expect(wrongVersion?.outcome === 'skipped' && wrongVersion.reason).toMatch(
      /^old\.json is not a valid Marginalia workbench export at version: .*version 1/,
    );
  });

  it('skips a span whose quote no longer matches, naming it, and keeps the rest', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'first.json'));
    exported.articles[0].annotations[0].quote = 'Bộ Quốc phòng';
    const workbench = freshWorkbench();
    const [first] = importWorkbenchExport(workbench, 'edited.json', exported);
    expect(first?.outcome).toBe('imported');
    const notes = first?.outcome === 'imported' ? first.notes : [];
    expect(notes[0]).toBe('Restored 1 annotations and the status “done”.');
    expect(notes[1]).toMatch(/^Skipped ORG “Bộ Quốc phòng” \[0, 10\): the quote does not match the text/);
  });

  it('skips an article whose text was changed so it is no longer canonical', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'first.json'));
    exported.articles[2].text = 'Bài\r\nđã sửa.';
    const results = importWorkbenchExport(freshWorkbench(), 'edited.json', exported);
    expect(results[2]).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('not canonical') });
  });
});
