import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { SearchIndex } from '../../../electron/services/store/search-index';
import { migration001Initial } from '../../../electron/services/store/migrations/001-initial';
import { migration002Search } from '../../../electron/services/store/migrations/002-search';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { insertOldArticle } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT_1 = 'Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao tại Hà Nội.';
const TEXT_2 = 'Hội nghị Ngoại giao lần thứ 30 diễn ra năm 2024.';

/** An annotation as schema 2 stored it (and as its history JSON held it): no author. */
interface OldAnnotation {
  id: number;
  articleId: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  origin: 'manual' | 'import' | 'model';
  createdAt: string;
  updatedAt: string;
}

function oldSpan(id: number, articleId: number, text: string, labelKey: string, quote: string): OldAnnotation {
  const start = text.indexOf(quote);
  const time = `2026-01-0${id}T00:00:00.000Z`;
  return {
    id,
    articleId,
    labelKey,
    start,
    end: start + quote.length,
    quote,
    note: '',
    origin: 'manual',
    createdAt: time,
    updatedAt: time,
  };
}

/**
 * A schema-2 database as the previous release left it:
 * article 1: A created, B created, A relabelled PER → TITLE, then C created and B deleted, both
 * undone (the redo branch); article 2: D created, E created and deleted (its id 5 must never
 * come back as a new id).
 */
/** A database built by migrations 001 and 002 only, with the given article texts. */
function openVersion2(path: string, texts: readonly string[]): Database {
  const db = openDatabase(path, { migrations: [migration001Initial, migration002Search] });
  // Search rows as migration 002 backfills them, for articles written by the old release.
  const search = new SearchIndex(db);
  const ids = texts.map((text) => {
    const id = insertOldArticle(db, text);
    search.put(id, null, text);
    return id;
  });
  expect(ids).toEqual(texts.map((_, index) => index + 1));
  return db;
}

function buildVersion2Database(path: string): void {
  const db = openVersion2(path, [TEXT_1, TEXT_2]);

  const a = oldSpan(1, 1, TEXT_1, 'PER', 'Lương Tam Quang');
  const aTitle = { ...a, labelKey: 'TITLE', updatedAt: '2026-01-09T00:00:00.000Z' };
  const b = oldSpan(2, 1, TEXT_1, 'ORG', 'Bộ Ngoại giao');
  const c = oldSpan(3, 1, TEXT_1, 'LOC', 'Hà Nội');
  const d = { ...oldSpan(4, 2, TEXT_2, 'EVENT', 'Hội nghị Ngoại giao lần thứ 30'), origin: 'model' as const };
  const e = oldSpan(5, 2, TEXT_2, 'DATE', 'năm 2024');
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, article_id, label_key, start, "end", quote, note, origin, created_at, updated_at)
     VALUES (@id, @articleId, @labelKey, @start, @end, @quote, @note, @origin, @createdAt, @updatedAt)`,
  );
  const deleteAnnotation = db.prepare(`DELETE FROM annotations WHERE id = ?`);
  // Every id ever handed out (C and E are gone now) moved the AUTOINCREMENT sequence to 5.
  for (const row of [aTitle, b, c, d, e]) insertAnnotation.run(row);
  deleteAnnotation.run(c.id);
  deleteAnnotation.run(e.id);

  const insertHistory = db.prepare(
    `INSERT INTO annotation_history (article_id, action, before_json, after_json, description, undone, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '2026-01-10T00:00:00.000Z')`,
  );
  const json = (value: OldAnnotation | null) => (value ? JSON.stringify(value) : null);
  const history: [number, string, OldAnnotation | null, OldAnnotation | null, string, 0 | 1][] = [
    [1, 'create', null, a, 'Tag PER “Lương Tam Quang”', 0],
    [1, 'create', null, b, 'Tag ORG “Bộ Ngoại giao”', 0],
    [2, 'create', null, d, 'Tag EVENT “Hội nghị Ngoại giao lần thứ 30”', 0],
    [1, 'update', a, aTitle, 'Relabel “Lương Tam Quang” PER → TITLE', 0],
    [2, 'create', null, e, 'Tag DATE “năm 2024”', 0],
    [1, 'create', null, c, 'Tag LOC “Hà Nội”', 1],
    [2, 'delete', e, null, 'Delete DATE “năm 2024”', 0],
    [1, 'delete', b, null, 'Delete ORG “Bộ Ngoại giao”', 1],
  ];
  for (const [articleId, action, before, after, description, undone] of history) {
    insertHistory.run(articleId, action, json(before), json(after), description, undone);
  }
  expect(db.pragma('user_version', { simple: true })).toBe(2);
  db.close();
}

function migrated(): { workbench: Workbench; db: Database } {
  const { dir, dispose } = tempDir();
  const path = join(dir, 'v2.db');
  buildVersion2Database(path);
  const workbench = openWorkbench(path);
  cleanups.push(() => {
    workbench.close();
    dispose();
  });
  return { workbench, db: workbench.db };
}

describe('migration 003: change history, author and origin', () => {
  it('carries every annotation over with its id, an empty author, and the new columns', () => {
    const { workbench, db } = migrated();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(workbench.annotations.list(1)).toEqual([
      {
        id: 1,
        articleId: 1,
        labelKey: 'TITLE',
        start: 11,
        end: 26,
        quote: 'Lương Tam Quang',
        note: '',
        author: '',
        origin: 'manual',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-09T00:00:00.000Z',
      },
      expect.objectContaining({ id: 2, labelKey: 'ORG', quote: 'Bộ Ngoại giao', author: '' }),
    ]);
    expect(workbench.annotations.list(2)).toEqual([
      expect.objectContaining({ id: 4, labelKey: 'EVENT', origin: 'model', author: '' }),
    ]);
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'annotations'`).pluck().get() as string;
    expect(table).toMatch(/author TEXT NOT NULL/);
    expect(table).toMatch(/'merge'/);
    expect(table).toMatch(/STRICT$/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'annotation_history'`).get()).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('turns each old history row into one set of one change, keeping ids, order and undone flags', () => {
    const { workbench } = migrated();
    const article1 = workbench.history.listForArticle(1);
    expect(article1.map((entry) => [entry.id, entry.undone, entry.transitions.map((t) => t.kind)])).toEqual([
      [1, false, ['annotation.create']],
      [2, false, ['annotation.create']],
      [4, false, ['annotation.update']],
      [6, true, ['annotation.create']],
      [8, true, ['annotation.delete']],
    ]);
    expect(article1[2]).toMatchObject({
      origin: 'manual',
      author: '',
      description: 'Relabel “Lương Tam Quang” PER → TITLE',
      createdAt: '2026-01-10T00:00:00.000Z',
      transitions: [
        { before: { id: 1, labelKey: 'PER', author: '' }, after: { id: 1, labelKey: 'TITLE', author: '' } },
      ],
    });
    expect(article1[0]?.transitions[0]?.before).toBeNull();
    expect(article1[4]?.transitions[0]?.after).toBeNull();
    expect(workbench.history.listForArticle(2).map((entry) => entry.id)).toEqual([3, 5, 7]);
  });

  it('undo and redo work on the migrated history, in the old order', () => {
    const { workbench } = migrated();
    const { changes, annotations } = workbench;
    expect(changes.historyState(1)).toEqual({
      canUndo: true,
      canRedo: true,
      undoDescription: 'Relabel “Lương Tam Quang” PER → TITLE',
      redoDescription: 'Tag LOC “Hà Nội”',
    });
    expect(changes.redo(1)?.upserted).toMatchObject([{ id: 3, labelKey: 'LOC', author: '' }]);
    expect(changes.redo(1)?.removed).toEqual([2]);
    expect(changes.redo(1)).toBeNull();
    expect(annotations.list(1).map((a) => [a.id, a.labelKey])).toEqual([
      [1, 'TITLE'],
      [3, 'LOC'],
    ]);
    expect(changes.undo(1)?.upserted.map((a) => a.id)).toEqual([2]);
    expect(changes.undo(1)?.removed).toEqual([3]);
    expect(changes.undo(1)?.upserted).toMatchObject([{ id: 1, labelKey: 'PER' }]);
    expect(annotations.list(1).map((a) => [a.id, a.labelKey])).toEqual([
      [1, 'PER'],
      [2, 'ORG'],
    ]);

    // Article 2: undoing the delete brings E back under its own id.
    expect(changes.undo(2)?.upserted).toMatchObject([{ id: 5, labelKey: 'DATE' }]);
    expect(annotations.list(2).map((a) => a.id)).toEqual([4, 5]);
  });

  it('keeps the AUTOINCREMENT sequence: a deleted annotation’s id is never handed out again', () => {
    const { workbench } = migrated();
    const quote = 'Bộ Ngoại giao';
    const start = TEXT_1.indexOf(quote);
    const created = workbench.annotations.create({
      articleId: 1,
      labelKey: 'MISC', // not ORG: an ORG span on this range exists, and a twin is refused
      start,
      end: start + quote.length,
      quote,
    });
    expect(created.id).toBe(6);
    expect(workbench.annotationRows.get(6)).toMatchObject({ quote, author: workbench.profile.get().displayName });
  });

  it('repairs a database where an imported annotation id of 2^53−1 broke every later create', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'broken.db');
    const old = openVersion2(path, [TEXT_1]);
    const insert = old.prepare(
      `INSERT INTO annotations (id, article_id, label_key, start, "end", quote, note, origin, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, '', 'manual', 'then', 'then')`,
    );
    const span = (labelKey: string, quote: string) => {
      const start = TEXT_1.indexOf(quote);
      return [labelKey, start, start + quote.length, quote] as const;
    };
    insert.run(1, ...span('PER', 'Lương Tam Quang'));
    insert.run(Number.MAX_SAFE_INTEGER, ...span('ORG', 'Bộ Ngoại giao')); // from a hostile file
    insert.run(2n ** 53n, ...span('LOC', 'Hà Nội')); // the next create, committed under an unsafe id
    old.close();

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.annotations.list(1).map((a) => [a.id, a.labelKey, a.importedId])).toEqual([
      [1, 'PER', undefined],
      [2, 'ORG', Number.MAX_SAFE_INTEGER],
      [3, 'LOC', undefined],
    ]);
    const quote = 'Thứ trưởng';
    expect(
      workbench.annotations.create({ articleId: 1, labelKey: 'TITLE', start: 0, end: quote.length, quote }).id,
    ).toBe(4);
  });
});
