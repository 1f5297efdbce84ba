/**
 * Issue 13 (import at corpus scale): a job stores the files it has read in batches, one write
 * transaction holding many files, each file in a savepoint of its own. What the batching could
 * break, read back from SQLite: a file that fails in the middle of a batch, a cancel during a
 * batch, duplicates within one batch, and announcements of a file that was rolled back; and that
 * a batch waits until it can be filled.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract';
import { runImport, type ImportEvent, type ImportRunOptions } from '../../../electron/services/import/run-import';
import { IMPORT_WAL_AUTOCHECKPOINT_PAGES } from '../../../electron/services/store/durability';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { addArticle } from '../export/fixtures';
import { useBundledEntries } from './helpers/build-entries';
import { VIETNAMESE_ARTICLE, writeFiles } from './helpers/fixtures';

type TempWorkbench = ReturnType<typeof openTempWorkbench>;
const open: (TempWorkbench | Database.Database)[] = [];
afterEach(() =>
  open
    .splice(0)
    .reverse()
    .forEach((item) => ('dispose' in item ? item.dispose() : item.close())),
);

function workbench(): TempWorkbench {
  const opened = openTempWorkbench();
  open.push(opened);
  return opened;
}

/** A real store failure: the workbench refuses any article whose text holds "HỎNG". */
function refuseArticlesMarked(wb: TempWorkbench): void {
  wb.db.exec(`CREATE TRIGGER refuse_marked BEFORE INSERT ON articles WHEN instr(NEW.text, 'HỎNG') > 0
    BEGIN SELECT RAISE(ABORT, 'refused on purpose'); END`);
}

/** A second connection to the workbench's file: it sees only what was committed. */
function otherConnection(wb: TempWorkbench): Database.Database {
  const db = new Database(join(wb.dir, 'marginalia.db'), { readonly: true });
  open.push(db);
  return db;
}

/** A distinct article of a few paragraphs; `marker` goes into its body. */
const article = (n: number, marker = ''): string =>
  `Bản tin số ${n}\n\nHội nghị lần thứ ${n} bàn về hợp tác quốc tế và công tác đối ngoại trong năm tới ${marker}.\n\nPhóng viên ${n}`;

const count = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Every stored article has its search row and its library row, and nothing else has one. */
function expectWholeArticles(wb: TempWorkbench, articles: number): void {
  expect(count(wb.db, 'articles')).toBe(articles);
  expect(count(wb.db, 'article_search')).toBe(articles);
  expect(count(wb.db, 'library_facets')).toBe(articles);
  expect(
    wb.db.prepare(`SELECT count(*) FROM article_search WHERE rowid NOT IN (SELECT id FROM articles)`).pluck().get(),
  ).toBe(0);
}

interface Run {
  state: 'done' | 'cancelled';
  results: ImportFileResult[];
}

/**
 * Calls `onInsert(title, articlesVisible)` from inside the import's transaction, as each article
 * row is written (a trigger calling a JavaScript function): the moment a file is being stored.
 */
function onInsert(wb: TempWorkbench, onInsert: (title: string, articlesVisible: number) => void): void {
  wb.db.function('on_insert', (title: unknown, visible: unknown) => {
    onInsert(String(title), Number(visible));
    return null;
  });
  wb.db.exec(`CREATE TEMP TRIGGER probe AFTER INSERT ON articles
    BEGIN SELECT on_insert(NEW.title, (SELECT count(*) FROM articles)); END`);
}

/** Imports `folder`, handing `onResults` each report of results as its batch gives them. */
function importReporting(
  wb: TempWorkbench,
  folder: string,
  onResults: (results: ImportFileResult[]) => void,
  options: ImportRunOptions = {},
  signal = new AbortController().signal,
): Promise<Run['state']> {
  const emit = (event: ImportEvent) => {
    if (event.type === 'results') onResults(event.results);
  };
  return runImport(wb, { kind: 'paths', paths: [folder] }, { signal, emit }, options);
}

/** Imports `folder` in one batch (no time limit on it). */
async function importFolder(wb: TempWorkbench, folder: string, controller = new AbortController()): Promise<Run> {
  const results: ImportFileResult[] = [];
  const batch = { firstFiles: 1000, maxFiles: 1000, maxMs: Number.POSITIVE_INFINITY };
  const state = await importReporting(wb, folder, (each) => results.push(...each), { batch }, controller.signal);
  return { state, results };
}

describe('import batches', () => {
  const entry = useBundledEntries();

  it('a file that fails in the middle of a batch rolls back alone; the batch’s other files are stored', async () => {
    const wb = workbench();
    // A real store failure, half-way through a file of two records.
    refuseArticlesMarked(wb);
    const folder = join(wb.dir, 'in');
    writeFiles(folder, {
      '1.txt': article(1),
      '2.txt': article(2),
      '3.jsonl': `${JSON.stringify({ title: 'Bản ghi tốt', text: article(3, 'duynhat') })}\n${JSON.stringify({ title: 'Bản ghi hỏng', text: article(4, 'HỎNG') })}\n`,
      '4.txt': article(5),
    });
    const committed = otherConnection(wb);
    const seenWhenLastIsStored = { here: -1, committed: -1 };
    onInsert(wb, (title, visible) => {
      if (title === 'Bản tin số 5')
        Object.assign(seenWhenLastIsStored, { here: visible, committed: count(committed, 'articles') });
    });
    const run = await importFolder(wb, folder);
    // The failing file's neighbours were in its transaction: written here, not yet committed.
    expect(seenWhenLastIsStored).toEqual({ here: 3, committed: 0 });
    expect(run.state).toBe('done');
    expect(run.results.map((result) => [result.file, result.outcome])).toEqual([
      ['in/1.txt', 'imported'],
      ['in/2.txt', 'imported'],
      ['in/3.jsonl', 'skipped'],
      ['in/4.txt', 'imported'],
    ]);
    expect(run.results[2]).toMatchObject({ reason: expect.stringContaining('refused on purpose') });
    expect(count(committed, 'articles')).toBe(3);
    expectWholeArticles(wb, 3);
    // Nothing of the failed file: not its good first record, not in the search index.
    expect(wb.articles.list().map((summary) => summary.displayTitle)).toEqual([
      'Bản tin số 1',
      'Bản tin số 2',
      'Bản tin số 5',
    ]);
    expect(
      wb.db.prepare(`SELECT count(*) FROM article_search WHERE article_search MATCH 'duynhat'`).pluck().get(),
    ).toBe(0);
  });

  it('the last file of a batch fails after its first record: no search row of it is written at the batch’s end', async () => {
    // The articles' search rows are held until the batch's end (ArticleStore.withSearchRowsAtEnd):
    // a rolled-back article whose id no later file took must leave no row behind.
    const wb = workbench();
    refuseArticlesMarked(wb);
    const folder = join(wb.dir, 'in');
    writeFiles(folder, {
      '1.txt': article(1),
      '2.jsonl': `${JSON.stringify({ title: 'Bản ghi tốt', text: article(3, 'duynhat') })}\n${JSON.stringify({ title: 'Bản ghi hỏng', text: article(4, 'HỎNG') })}\n`,
    });
    const run = await importFolder(wb, folder);
    expect(run.results.map((result) => [result.file, result.outcome])).toEqual([
      ['in/1.txt', 'imported'],
      ['in/2.jsonl', 'skipped'],
    ]);
    expectWholeArticles(wb, 1);
    const matches = (query: string) =>
      wb.db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ?`).pluck().all(query);
    expect(matches('duynhat')).toEqual([]);
    // The stored file's row is there, written at the batch's end, and matches by folded words.
    expect(matches('"hoi nghi lan thu 1"')).toEqual(wb.articles.list().map((summary) => summary.id));
  });

  it('search rows held to a batch’s end: an article whose title changes inside the batch is indexed as it ends', () => {
    const wb = workbench();
    const id = wb.changes.batch(() =>
      wb.articles.withSearchRowsAtEnd(() => {
        const articleId = addArticle(wb, VIETNAMESE_ARTICLE, 'Tiêu đề cũ');
        wb.articles.updateMetadata(articleId, { title: 'Tiêu đề mới' });
        return articleId;
      }),
    );
    const matches = (query: string) =>
      wb.db.prepare(`SELECT rowid FROM article_search WHERE article_search MATCH ?`).pluck().all(query);
    expect(matches('title:moi')).toEqual([id]);
    expect(matches('title:cu')).toEqual([]);
  });

  it('an import pass syncs at its end and checkpoints less often; the connection is as before after it', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    writeFiles(folder, { '1.txt': article(1), '2.txt': article(2) });
    const pragmas = () => ({
      synchronous: wb.db.pragma('synchronous', { simple: true }),
      walAutocheckpoint: wb.db.pragma('wal_autocheckpoint', { simple: true }),
    });
    const before = pragmas();
    expect(before).toEqual({ synchronous: 2, walAutocheckpoint: 1000 });
    // As each batch's results are reported, inside the pass.
    const during: unknown[] = [];
    const state = await importReporting(wb, folder, () => during.push(pragmas()));
    expect(state).toBe('done');
    expect(during).toEqual([
      { synchronous: 1, walAutocheckpoint: IMPORT_WAL_AUTOCHECKPOINT_PAGES },
      { synchronous: 1, walAutocheckpoint: IMPORT_WAL_AUTOCHECKPOINT_PAGES },
    ]);
    expect(pragmas()).toEqual(before);
    // Checkpointed at the end: another connection reads both from the database file.
    expect(count(otherConnection(wb), 'articles')).toBe(2);
  });

  it('a batch begins once it can be filled: 40 files read in the extract worker are committed in batches of 1, 2, 4, 8, 16 and the 9 left', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    writeFiles(folder, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${i}.txt`, article(i)])));
    // What another connection sees committed as each batch's results come: one figure per batch.
    const committed = otherConnection(wb);
    const seen: number[] = [];
    // No time limit: a batch waits for its files however slowly they are read. The worker
    // answers file by file, each in a message of its own.
    const state = await importReporting(wb, folder, () => seen.push(count(committed, 'articles')), {
      batch: { firstFiles: 1, maxFiles: 16, maxMs: Number.POSITIVE_INFINITY },
      extractWorkerPath: entry('extractWorker.js'),
    });
    expect(state).toBe('done');
    expect([...new Set(seen)]).toEqual([1, 3, 7, 15, 31, 40]);
    expectWholeArticles(wb, 40);
  });

  it('a cancel during a batch stops it after the file being stored; those files are stored whole and reported', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    writeFiles(folder, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${i}.txt`, article(i)])));
    const controller = new AbortController();
    onInsert(wb, (title) => title === 'Bản tin số 3' && controller.abort());
    const run = await importFolder(wb, folder, controller);
    expect(run.state).toBe('cancelled');
    expect(run.results.map((result) => [result.file, result.outcome])).toEqual(
      [0, 1, 2, 3].map((i) => [`in/${i}.txt`, 'imported']),
    );
    expectWholeArticles(wb, 4);
    expect(count(otherConnection(wb), 'articles')).toBe(4);
  });

  it('duplicates within one batch: the same text is a duplicate of the first, the same body a probable one', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    const retitled = VIETNAMESE_ARTICLE.replace('Bộ Công an tổng kết', 'Tin ảnh: Bộ Công an tổng kết');
    writeFiles(folder, { 'a.txt': VIETNAMESE_ARTICLE, 'b.txt': VIETNAMESE_ARTICLE, 'c.txt': retitled });
    const committed = otherConnection(wb);
    const seenWhenLastIsStored = { here: -1, committed: -1 };
    onInsert(wb, (title, visible) => {
      if (title.startsWith('Tin ảnh'))
        Object.assign(seenWhenLastIsStored, { here: visible, committed: count(committed, 'articles') });
    });
    const run = await importFolder(wb, folder);
    expect(seenWhenLastIsStored).toEqual({ here: 2, committed: 0 });
    const [first, second, third] = run.results;
    if (first?.outcome !== 'imported') throw new Error(`a.txt: ${JSON.stringify(first)}`);
    expect(second).toMatchObject({ outcome: 'duplicate', file: 'in/b.txt', articleId: first.articleId });
    expect(third).toMatchObject({ outcome: 'imported', file: 'in/c.txt', probableDuplicateOf: first.articleId });
    expectWholeArticles(wb, 2);
  });

  it('a file rolled back inside a batch announces none of its change sets', () => {
    const wb = workbench();
    const articleId = addArticle(wb, VIETNAMESE_ARTICLE, 'Tổng kết');
    const announced: unknown[] = [];
    wb.changes.onApplied((applied) => announced.push(applied));
    const quote = 'Bộ Công an';
    const start = VIETNAMESE_ARTICLE.indexOf(quote);
    const span = (ref: string) => ({
      origin: 'import' as const,
      changes: [
        {
          kind: 'annotation.create' as const,
          ref,
          annotation: { articleId, labelKey: 'ORG', start, end: start + quote.length, quote },
        },
      ],
    });
    wb.changes.batch(() => {
      expect(() =>
        wb.changes.batch(() => {
          wb.changes.apply(span('rolled back'));
          throw new Error('the file fails after its spans');
        }),
      ).toThrow('the file fails after its spans');
      wb.changes.batch(() => wb.changes.apply(span('kept')));
    });
    expect(announced).toHaveLength(1);
    expect(wb.annotations.list(articleId)).toHaveLength(1);
  });
});
