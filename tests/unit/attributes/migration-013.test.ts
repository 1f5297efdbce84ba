import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../electron/services/store/articles';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { contentHashOf } from '../../../electron/services/import/store-article';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Thứ trưởng Lương Tam Quang cảnh báo nguy cơ tấn công mạng.';

/**
 * A database as main left it at version 12 (labels, relations, corpus, duplicate keys, assist; no
 * attributes), with two annotations: what a user's database is before 013.
 */
function buildVersion12(path: string): void {
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 12) });
  const articleId = new ArticleStore(db).insert({
    rawText: TEXT,
    text: TEXT,
    trimmedText: null,
    contentHash: contentHashOf(TEXT),
    title: 'Cảnh báo',
    source: null,
    byline: null,
    url: null,
    publishedAt: null,
    fileName: null,
  });
  const insert = db.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'ghi chú', 'Lan', 'manual', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  for (const [labelKey, quote] of [
    ['RISK', 'nguy cơ tấn công mạng'],
    ['PER', 'Lương Tam Quang'],
  ] as const) {
    const start = TEXT.indexOf(quote);
    insert.run(articleId, labelKey, start, start + quote.length, quote);
  }
  expect(db.pragma('user_version', { simple: true })).toBe(12);
  db.close();
}

describe('migration 013: attributes and document fields', () => {
  it('comes after every earlier migration, so a database at 12 still gets it', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions.indexOf(13)).toBe(versions.indexOf(12) + 1);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(13);
  });

  it('keeps every annotation (no attributes set), seeds the defaults, and the new values work', () => {
    const { dir, dispose } = tempDir();
    const path = join(dir, 'v12.db');
    buildVersion12(path);
    const workbench = openWorkbench(path);
    cleanups.push(() => {
      workbench.close();
      dispose();
    });
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const [person, risk] = workbench.annotations.list(1);
    expect(risk).toEqual({
      id: 1,
      articleId: 1,
      labelKey: 'RISK',
      start: TEXT.indexOf('nguy cơ'),
      end: TEXT.indexOf('nguy cơ') + 'nguy cơ tấn công mạng'.length,
      quote: 'nguy cơ tấn công mạng',
      note: 'ghi chú',
      author: 'Lan',
      origin: 'manual',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(person).toMatchObject({ id: 2, labelKey: 'PER' });
    expect(workbench.attributeDefs.listForLabel('RISK').map((def) => def.key)).toEqual([
      'severity',
      'domain',
      'time_ref',
    ]);
    expect(workbench.fieldDefs.list().map((def) => def.key)).toEqual([
      'topics',
      'country_focus',
      'doc_type',
      'summary',
    ]);

    workbench.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'annotation.update', id: 1, patch: { attributes: { severity: 'high' } } },
        { kind: 'fieldValue.set', articleId: 1, key: 'doc_type', value: 'speech' },
      ],
    });
    expect(workbench.annotationRows.get(1).attributes).toEqual({ severity: 'high' });
    expect(workbench.articleFields.valuesOf(1)).toEqual({ doc_type: 'speech' });
    // The table's own check refuses a value that is not a JSON object, whoever writes it.
    expect(() => workbench.db.prepare(`UPDATE annotations SET attributes_json = '[1]' WHERE id = 2`).run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(workbench.db.pragma('foreign_key_check')).toEqual([]);
  });
});
