import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench } from '../../../electron/services/workbench';
import { insertOldArticle } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao về nguy cơ tấn công mạng.';

/** A database as version 4 left it: the default labels (hotkeys 0–9), two annotations, one deleted id. */
function buildVersion4(path: string): void {
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
  const articleId = insertOldArticle(db, TEXT);
  const insert = db.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Lan', 'manual', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  const span = (label: string, quote: string) => {
    const start = TEXT.indexOf(quote);
    return Number(insert.run(articleId, label, start, start + quote.length, quote).lastInsertRowid);
  };
  span('PER', 'Lương Tam Quang');
  span('ORG', 'Bộ Ngoại giao');
  const gone = span('RISK', 'nguy cơ');
  db.prepare(`DELETE FROM annotations WHERE id = ?`).run(gone);
  db.close();
}

describe('migration 005 (label hierarchy, hotkeys, guidelines)', () => {
  it('keeps labels and annotations, seeds the sublabels, and accepts letter hotkeys', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'v4.db');
    buildVersion4(path);

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    expect(workbench.db.pragma('foreign_key_check')).toEqual([]);
    const labels = workbench.labels.list();
    expect(labels.find((label) => label.key === 'PER')).toMatchObject({
      hotkey: '3',
      parentKey: null,
      hidden: false,
      guideline: '',
    });
    const children = (parent: string) => labels.filter((label) => label.parentKey === parent).map((label) => label.key);
    expect(children('RISK')).toEqual(['CYBER', 'ESPIONAGE', 'CRIME', 'NON_TRADITIONAL']);
    expect(children('PROPOSAL')).toEqual(['COOPERATION', 'LEGAL', 'TRAINING']);
    expect(children('ORG')).toEqual(['STATE_BODY', 'FOREIGN', 'INTERNATIONAL']);
    expect(labels.find((label) => label.key === 'CYBER')?.kind).toBe('analytic');

    const annotations = workbench.annotationRows.listForArticle(1);
    expect(annotations.map((annotation) => [annotation.id, annotation.labelKey, annotation.author])).toEqual([
      [1, 'PER', 'Lan'],
      [2, 'ORG', 'Lan'],
    ]);
    // The AUTOINCREMENT sequence came along: the deleted id 3 is never handed out again.
    const created = workbench.changes.apply({
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'n',
          annotation: {
            articleId: 1,
            labelKey: 'CYBER',
            start: TEXT.indexOf('tấn công mạng'),
            end: TEXT.indexOf('tấn công mạng') + 13,
            quote: 'tấn công mạng',
          },
        },
      ],
    });
    expect(created.createdIds.n).toBe(4);
    // The old 0–9 CHECK is gone; references still hold (a rename cascades to annotations).
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'label.update', key: 'PER', patch: { hotkey: 'k', key: 'PERSON' } }],
    });
    expect(workbench.annotationRows.get(1).labelKey).toBe('PERSON');
    expect(() => workbench.labels.delete('ORG')).toThrow(/FOREIGN KEY/);
  });
});
