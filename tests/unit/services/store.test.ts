import BetterSqlite3 from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NewerDatabaseError, openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { importFilePath } from '../../../electron/services/import/import-service';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { openWorkbench } from '../../../electron/services/workbench';
import { SEEDS_DIR, tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
function freshDbPath(): string {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  return join(dir, 'store.db');
}

describe('store migrations', () => {
  it('migrates an empty file to the latest schema with durable pragmas', () => {
    const db = openDatabase(freshDbPath());
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      // The full-text indexes (migrations 002 and 021) are FTS5's virtual tables and their shadow
      // tables, never STRICT.
      .prepare(
        `SELECT name, sql FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_search%'
           AND name NOT LIKE 'annotation_search%'`,
      )
      .all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual([
      'adjudication_decisions',
      'annotation_attribute_values',
      'annotations',
      'article_fields',
      'article_sentences',
      'articles',
      'assist_names',
      'assist_patterns',
      'assist_rejections',
      'assist_stored_suggestions',
      'attribute_defs',
      'briefs',
      'change_history',
      'dashboard_article_author',
      'dashboard_article_label',
      'dashboard_author',
      'dashboard_label_month',
      'dashboard_label_pair',
      'dashboard_label_pair_sentence',
      'dashboard_label_quote',
      'dashboard_label_source',
      'dashboard_sentence_label',
      'entities',
      'entity_aliases',
      'entity_links',
      'field_defs',
      'labels',
      'library_facets',
      'note_lines',
      'relation_types',
      'relations',
      'settings',
    ]);
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/);
  });

  it('seeds the default label schema with distinct colours and hotkeys', () => {
    const workbench = openWorkbench(freshDbPath());
    cleanups.unshift(() => workbench.close());
    const all = workbench.labels.list();
    // The sublabels (migration 005) come after the ten top-level labels.
    const labels = all.filter((l) => l.parentKey === null);
    expect(all.slice(0, 10)).toEqual(labels);
    expect(new Set(all.map((l) => l.color)).size).toBe(all.length);
    expect(labels.map((l) => l.key)).toEqual([
      'RISK',
      'PROPOSAL',
      'PER',
      'TITLE',
      'ORG',
      'LOC',
      'DATE',
      'LAW',
      'EVENT',
      'MISC',
    ]);
    expect(new Set(labels.map((l) => l.color)).size).toBe(labels.length);
    expect(labels.map((l) => l.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
    expect(labels.find((l) => l.key === 'RISK')).toMatchObject({ nameVi: 'Nguy cơ', kind: 'analytic' });
  });

  it('refuses a database written by a newer version, naming the file, and leaves it untouched', () => {
    const path = freshDbPath();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(path)).toThrow(path);
    const check = new BetterSqlite3(path);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    check.close();
  });

  it('rolls a failing migration back completely', () => {
    const path = freshDbPath();
    const failing = [
      { version: 1, name: 'ok', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(path, { migrations: failing })).toThrow('boom');
    const check = new BetterSqlite3(path);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'`).get()).toEqual({ n: 0 });
    check.close();
  });
});

describe('seed corpus', () => {
  it('imports the five seeds once and never duplicates them', async () => {
    const path = freshDbPath();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const first = await seedIfEmpty(workbench, SEEDS_DIR);
    expect(first?.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(await seedIfEmpty(workbench, SEEDS_DIR)).toBeNull();
    const again = (
      await Promise.all(readdirSync(SEEDS_DIR).map((name) => importFilePath(workbench, join(SEEDS_DIR, name))))
    ).flat();
    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(workbench.articles.list()).toHaveLength(5);
  });
});
