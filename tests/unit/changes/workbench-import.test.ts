import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import type { OffsetUnit } from '../../../shared/text/offsets';
import { exportToFile } from '../../../electron/services/export/export-service';
import type { Annotation } from '../../../shared/domain/schemas';
import { importFile } from '../../../electron/services/import/import-service';
import { importWorkbenchExport } from '../../../electron/services/import/workbench/workbench-import';
import { storeArticle } from '../../../electron/services/import/store-article';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const freshWorkbench = useTempWorkbenches();

const SECOND_TEXT = 'Thủ tướng đề xuất tăng cường hợp tác với Nhật Bản 🇯🇵 trong năm 2026.';

/** Custom colours, swapped hotkeys and a new label, as a colleague's workbench may have them. */
function customiseLabels(workbench: Workbench): void {
  workbench.changes.apply({
    origin: 'manual',
    changes: [
      { kind: 'label.update', key: 'PROPOSAL', patch: { hotkey: null } },
      { kind: 'label.update', key: 'RISK', patch: { color: '#ff0000', hotkey: '2' } },
      { kind: 'label.update', key: 'PROPOSAL', patch: { hotkey: '1' } },
      {
        kind: 'label.create',
        label: {
          key: 'THREAT',
          nameVi: 'Đe dọa',
          nameEn: 'Threat',
          color: '#abcdef',
          hotkey: null,
          kind: 'analytic',
          description: 'Mối đe dọa cụ thể.',
          sortOrder: 10,
          parentKey: null,
          hidden: false,
          guideline: '',
        },
      },
    ],
  });
}

/** Custom labels, statuses, notes, origins, authors, trimmed chrome, emoji. */
function annotatedWorkbench(): Workbench & { dir: string } {
  const workbench = freshWorkbench();
  customiseLabels(workbench);
  workbench.profile.set('Lan');

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
    author: 'ner-model',
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
      customiseLabels(fresh); // local labels always win, so start from the same ones
      const results = importWorkbenchExport(fresh, 'first.json', JSON.parse(exported));
      expect(results.map((result) => result.outcome)).toEqual(['imported', 'imported', 'imported']);
      expect(results[1]).toMatchObject({
        file: 'first.json › article 2',
        notes: ['Restored 3 annotations and the status “in_progress”.'],
      });

      expect(withoutExportTime(await exportJson(fresh, 'again.json', unit))).toBe(withoutExportTime(exported));
      expect(fresh.labels.list()).toEqual(original.labels.list());
      expect(fresh.articles.get(2)).toEqual(original.articles.get(2));
      // Ids are this database's own (here the same, as they are assigned in the file's order);
      // the file's ids are kept as data.
      const withoutImportedId = ({ importedId: _importedId, ...annotation }: Annotation) => annotation;
      expect(fresh.annotations.list(2).map(withoutImportedId)).toEqual(original.annotations.list(2));
      expect(fresh.annotations.list(2).map((a) => [a.importedId, a.author, a.origin])).toEqual([
        [3, 'Lan', 'manual'],
        [4, 'Lan', 'manual'],
        [5, 'ner-model', 'model'],
      ]);
    });
  }
});

describe('workbench JSON merge into a database that has some of the articles', () => {
  it('adds only the missing annotations, never duplicates, and says what it merged', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'first.json'));

    const target = freshWorkbench();
    // The same analyst on another machine: a twin of her own span is a duplicate. (A colleague's
    // identical span is a second layer, kept beside it: tests/unit/team/package-round-trip.test.ts.)
    target.profile.set('Lan');
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

describe('workbench JSON import of a colleague’s file', () => {
  it('keeps the local labels (no silent rename or recolour), adds the missing ones, and lists the differences', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'colleague.json'));
    const target = freshWorkbench();
    const localBefore = target.labels.list();

    const results = importWorkbenchExport(target, 'colleague.json', exported);

    const risk = target.labels.get('RISK');
    expect(risk).toEqual(localBefore.find((label) => label.key === 'RISK'));
    expect(target.labels.get('PROPOSAL')?.hotkey).toBe('2');
    expect(target.labels.get('THREAT')).toMatchObject({ nameEn: 'Threat', color: '#abcdef' });
    const notes = results[0]?.outcome === 'imported' ? results[0].notes : [];
    expect(notes).toContain('Added the label THREAT (Threat).');
    expect(notes).toContain('Kept your label RISK as it is: colour “#e8590c” here, “#ff0000” in the file.');
    expect(notes).toContain('Kept your label RISK as it is: hotkey “1” here, “2” in the file.');
    expect(notes).toContain('Kept your label PROPOSAL as it is: hotkey “2” here, “1” in the file.');
  });

  it('is all or nothing per file: a store failure in its last article leaves nothing of the file', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'colleague.json'));
    const target = freshWorkbench();
    const labelsBefore = target.labels.list();
    // Stands in for a disk error or a kill while the third article is written.
    target.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON articles
      WHEN NEW.text = 'Bài chưa gắn nhãn.' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);

    const results = await importFile(target, {
      name: 'colleague.json',
      bytes: new TextEncoder().encode(JSON.stringify(exported)),
    });

    expect(results).toEqual([
      {
        outcome: 'skipped',
        file: 'colleague.json',
        reasonRef: { key: 'fileNotImported', params: { detail: 'disk I/O error' } },
        reason: 'Nothing of this file was imported: disk I/O error',
      },
    ]);
    expect(target.articles.list()).toEqual([]);
    expect(target.labels.list()).toEqual(labelsBefore);
    expect(target.db.prepare('SELECT count(*) FROM change_history').pluck().get()).toBe(0);
  });

  it('imported annotation id 2^53−1 does not break later creates or the article’s list', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'hostile.json'));
    exported.articles[0].annotations[0].id = Number.MAX_SAFE_INTEGER;
    const target = freshWorkbench();
    importWorkbenchExport(target, 'hostile.json', exported);

    const imported = target.annotations.list(1);
    expect(imported.map((a) => a.id).sort()).toEqual([1, 2]);
    expect(imported.find((a) => a.labelKey === 'ORG')?.importedId).toBe(Number.MAX_SAFE_INTEGER);
    const created = annotate(target, 1, 'LOC', 'Bộ Công an');
    expect(created.id).toBeLessThan(100);
    expect(target.annotations.list(1)).toHaveLength(3);
  });

  it('imported id equal to a deleted annotation’s id does not block undo of the delete', async () => {
    const target = freshWorkbench();
    // The same analyst on another machine: a twin of her own span is a duplicate. (A colleague's
    // identical span is a second layer, kept beside it: tests/unit/team/package-round-trip.test.ts.)
    target.profile.set('Lan');
    const here = addArticle(target, 'Một bài chỉ có ở đây.');
    const deleted = annotate(target, here, 'MISC', 'bài');
    target.annotations.delete(deleted.id);
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'colleague.json'));
    exported.articles[0].annotations[0].id = deleted.id;

    importWorkbenchExport(target, 'colleague.json', exported);
    expect(target.annotationRows.find(deleted.id)).toBeNull();

    const undone = target.changes.undo(here);
    expect(undone?.upserted.map((a) => a.id)).toEqual([deleted.id]);
    expect(target.annotations.list(here)).toMatchObject([{ id: deleted.id, quote: 'bài' }]);
  });

  it('records each article’s annotations as one import step, which undo removes at once', async () => {
    const exported = JSON.parse(await exportJson(annotatedWorkbench(), 'colleague.json'));
    const target = freshWorkbench();
    target.profile.set('Minh');
    importWorkbenchExport(target, 'colleague.json', exported);

    const [entry] = target.history.listForArticle(2);
    expect(entry).toMatchObject({
      origin: 'import',
      author: 'Minh',
      description: 'Import 3 annotations from colleague.json',
    });
    expect(target.history.listForArticle(2)).toHaveLength(1);
    expect(target.changes.undo(2)?.removed).toHaveLength(3);
    expect(target.annotations.list(2)).toEqual([]);
  });
});
