import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { ARTICLE_LINE_INDEX } from '../../../electron/services/store/migrations/025-concordance-line-index';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { preparedDuring, queryPlan } from '../../helpers/query-plan';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Cảnh báo nguy cơ an ninh mạng tăng. Bộ Công an đề xuất tăng cường hợp tác quốc tế.';

/** A database at version 24: a titled and an untitled article, each with a span whose note says "Nguồn". */
function version24(): { path: string; titled: number; untitled: number } {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v24.db');
  const v24 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 24) });
  expect(v24.pragma('user_version', { simple: true })).toBe(24);
  const insertArticle = v24.prepare(
    `INSERT INTO articles (raw_text, text, content_hash, title, published_at, word_count, imported_at, updated_at)
     VALUES (@text, @text, @hash, @title, @publishedAt, 10, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  );
  const insertSpan = v24.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
     VALUES (?, 'RISK', ?, ?, ?, 'Nguồn: Bộ Công an', 'Lan', 'manual', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  );
  const article = (title: string | null, publishedAt: string | null, hash: string) => {
    const id = Number(insertArticle.run({ text: TEXT, hash, title, publishedAt }).lastInsertRowid);
    const start = TEXT.indexOf('an ninh mạng');
    insertSpan.run(id, start, start + 'an ninh mạng'.length, 'an ninh mạng');
    return id;
  };
  const titled = article('Một', '2023-04-01', 'a');
  const untitled = article(null, null, 'b');
  v24.close();
  return { path, titled, untitled };
}

const noteLines = (workbench: Workbench) =>
  workbench.corpus
    .concordance({ kind: 'notes', query: 'nguồn' }, {}, 10)
    .hits.map((hit) => [hit.articleId, hit.displayTitle, hit.publishedAt, hit.labels]);

describe('migration 025: the titles and dates of concordance lines in an index of their own', () => {
  it('indexes the articles of a version-24 database, and the notes concordance names them from it', () => {
    const { path, titled, untitled } = version24();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const indexed = workbench.db
      .prepare(`SELECT id, title, published_at FROM articles INDEXED BY ${ARTICLE_LINE_INDEX} ORDER BY id`)
      .raw()
      .all();
    expect(indexed).toEqual([
      [titled, 'Một', '2023-04-01'],
      [untitled, null, null],
    ]);
    expect(noteLines(workbench)).toEqual([
      [titled, 'Một', '2023-04-01', ['RISK']],
      // An untitled article is named by its text, read only for it.
      [untitled, expect.stringMatching(/^Cảnh báo nguy cơ/), null, ['RISK']],
    ]);
  });

  it('the notes concordance reads matches, lines and titles from indexes, in one statement without a sort (query plan)', () => {
    const { path } = version24();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const prepared = preparedDuring(workbench.db, () => noteLines(workbench));
    const read = prepared.find((sql) => sql.includes('MATCH @match'))!;
    const plan = queryPlan(workbench.db, read, { match: 'x', after: 0, before: 1, limit: 1 });
    expect(plan).toMatch(/SCAN s VIRTUAL TABLE/);
    // The spans' lines with their covering labels (migration 026), and since 027 with their
    // article's title and date: the index of titles is no longer joined per hit.
    expect(plan).toMatch(/SEARCH n USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(new RegExp(ARTICLE_LINE_INDEX));
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // Besides it, only the untitled article is read (its display title, from the head of its text).
    const others = prepared.filter((sql) => /\barticles\b/.test(sql) && sql !== read);
    expect(others.filter((sql) => sql.includes('substr(text'))).toHaveLength(1);
    expect(others).toHaveLength(2);
  });

  it('the labels covering text hits are read from the spans index without a sort (query plan)', () => {
    const { path } = version24();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const prepared = preparedDuring(workbench.db, () =>
      workbench.corpus.concordance({ kind: 'text', query: 'an ninh' }, {}, 10),
    );
    const covering = prepared.find((sql) => sql.includes('json_each') && sql.includes('annotations_by_article'))!;
    const plan = queryPlan(workbench.db, covering, '[]');
    expect(plan).toMatch(/SEARCH o USING COVERING INDEX annotations_by_article/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
