import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contract/corpus';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/schemas';
import type { LibrarySort } from '../../../shared/corpus/library-query';
import { foldVietnamese } from '../../../shared/text/fold';
import { sentenceRanges } from '../../../shared/text/syllables';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { SearchIndex } from '../../../electron/services/store/search-index';
import { SentenceStore } from '../../../electron/services/store/sentences';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { preparedDuring, queryPlan } from '../../helpers/query-plan';
import { tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from './helpers';

/** Rows in one order whatever the ties: the counters and the scan may list equal counts differently. */
function canonical(dashboard: Dashboard): Dashboard {
  const sorted = <T>(rows: readonly T[]) => [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  return {
    labelsByMonth: sorted(dashboard.labelsByMonth),
    analyticBySource: sorted(dashboard.analyticBySource),
    topEntities: sorted(dashboard.topEntities),
    coOccurrence: sorted(dashboard.coOccurrence),
    byStatus: sorted(dashboard.byStatus),
    byAuthor: sorted(dashboard.byAuthor),
    totals: dashboard.totals,
  };
}

/**
 * Sentences holding both labels of each pair, computed here from the stored texts and spans with
 * the shared splitter, independently of the triggers of migration 020.
 */
function sentencePairsRecomputed(
  workbench: Workbench,
  articleIds: readonly number[] = workbench.corpus.libraryIds({}),
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const articleId of articleIds) {
    const starts = sentenceRanges(workbench.articles.getText(articleId)).map((sentence) => sentence.start);
    if (starts[0] !== 0) starts.unshift(0);
    const labelsBySentence = starts.map(() => new Set<string>());
    for (const span of workbench.annotations.list(articleId)) {
      starts.forEach((start, index) => {
        const end = starts[index + 1] ?? Infinity;
        const holdsStart = start <= span.start && span.start < end;
        if (holdsStart || (start > span.start && start < span.end)) labelsBySentence[index]!.add(span.labelKey);
      });
    }
    for (const labels of labelsBySentence) {
      const sorted = [...labels].sort();
      sorted.forEach((a, i) =>
        sorted.slice(i + 1).forEach((b) => {
          counts[`${a}+${b}`] = (counts[`${a}+${b}`] ?? 0) + 1;
        }),
      );
    }
  }
  return counts;
}

const LIBRARY_SORT: LibrarySort = { key: 'imported', direction: 'ascending' };

/** The month a span counts under: `YYYY-MM` of a date that has one, else `undated`. */
const monthOf = (publishedAt: string | null) =>
  publishedAt !== null && /^\d{4}-\d{2}/.test(publishedAt) ? publishedAt.slice(0, 7) : 'undated';

/**
 * The dashboard of `articleIds` recomputed here from the stored spans and articles as the services
 * list them, with no counter and no SQL; the sentence pairs from the texts (sentencePairsRecomputed).
 */
function dashboardRecomputed(workbench: Workbench, articleIds: readonly number[]): Dashboard {
  const kinds = new Map(workbench.labels.list().map((label) => [label.key, label.kind]));
  const add = (counts: Map<string, number>, key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by);
  const byMonth = new Map<string, number>();
  const bySource = new Map<string, number>();
  const quotes = new Map<string, Map<string, number>>();
  const pairs = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const authorSpans = new Map<string, number>();
  const authorArticles = new Map<string, number>();
  let spans = 0;
  for (const articleId of articleIds) {
    const article = workbench.articles.getSummary(articleId);
    add(byStatus, article.status);
    const list = workbench.annotations.list(articleId);
    spans += list.length;
    for (const span of list) {
      add(byMonth, `${span.labelKey}\u0000${monthOf(article.publishedAt)}`);
      if (kinds.get(span.labelKey) === 'analytic') add(bySource, `${span.labelKey}\u0000${article.source ?? ''}`);
      if (kinds.get(span.labelKey) === 'entity') {
        const key = `${span.labelKey}\u0000${foldVietnamese(span.quote)}`;
        add(quotes.get(key) ?? quotes.set(key, new Map()).get(key)!, span.quote);
      }
      add(authorSpans, span.author);
    }
    for (const author of new Set(list.map((span) => span.author))) add(authorArticles, author);
    const labels = [...new Set(list.map((span) => span.labelKey))].sort();
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => add(pairs, `${a}+${b}`)));
  }
  const split = (key: string) => key.split('\u0000') as [string, string];
  const sentences = sentencePairsRecomputed(workbench, articleIds);
  return {
    labelsByMonth: [...byMonth].map(([key, count]) => ({ labelKey: split(key)[0], month: split(key)[1], count })),
    analyticBySource: [...bySource].map(([key, count]) => ({ labelKey: split(key)[0], source: split(key)[1], count })),
    topEntities: [...quotes]
      .map(([key, spellings]) => {
        // The most common spelling; of two equally common, the first in binary order.
        const [quote] = [...spellings].sort(([x, m], [y, n]) => n - m || (x < y ? -1 : 1))[0]!;
        const count = [...spellings.values()].reduce((sum, n) => sum + n, 0);
        return { labelKey: split(key)[0], quoteFolded: split(key)[1], quote, count };
      })
      .sort((x, y) => y.count - x.count)
      .slice(0, 20),
    coOccurrence: [...pairs].map(([key, articles]) => {
      const [a, b] = key.split('+') as [string, string];
      return { a, b, articles, sentences: sentences[key] ?? 0 };
    }),
    byStatus: [...byStatus].map(([status, articles]) => ({ status: status as ArticleStatus, articles })),
    byAuthor: [...authorSpans].map(([author, count]) => ({
      author,
      spans: count,
      articles: authorArticles.get(author)!,
    })),
    totals: { articles: articleIds.length, spans },
  };
}

/**
 * The whole corpus from the counters (no filter), a filter keeping every article (the per-article
 * counters of migration 023) and a recomputation from the stored spans all agree; so do one
 * source's dashboard and its recomputation; and the per-sentence pairs equal a recomputation
 * from the texts.
 */
function expectCountersRight(workbench: Workbench): Dashboard {
  const fromCounters = workbench.corpus.dashboard({});
  // Every status ticked: the same articles, but a filter, so the per-article counters are read.
  const fromArticleCounters = workbench.corpus.dashboard({ status: [...ARTICLE_STATUSES] });
  expect(canonical(fromCounters)).toEqual(canonical(fromArticleCounters));
  expect(canonical(fromArticleCounters)).toEqual(
    canonical(dashboardRecomputed(workbench, workbench.corpus.libraryIds({}))),
  );
  for (const { source } of workbench.corpus.facets().sources) {
    expect(canonical(workbench.corpus.dashboard({ source: [source] }))).toEqual(
      canonical(dashboardRecomputed(workbench, workbench.corpus.libraryIds({ source: [source] }))),
    );
  }
  const bySentence = Object.fromEntries(
    fromCounters.coOccurrence
      .filter((pair) => pair.sentences > 0)
      .map((pair) => [`${pair.a}+${pair.b}`, pair.sentences]),
  );
  expect(bySentence).toEqual(sentencePairsRecomputed(workbench));
  return fromCounters;
}

describe('dashboard counters (migration 015)', () => {
  const openTemp = useTempWorkbenches();

  it('follow every kind of write: spans made, relabelled, resized, deleted, undone; dates, sources and label keys changed; articles deleted', () => {
    const workbench = openTemp();
    const a = addArticle(workbench, {
      title: 'A',
      text: 'Nguy cơ an ninh mạng ở Hà Nội. Đề xuất mới về an ninh mạng.',
      source: 'Nhân Dân',
      publishedAt: '2023-04-02',
    });
    const b = addArticle(workbench, { title: 'B', text: 'HÀ NỘI: nguy cơ lũ ở Hà Nội.', publishedAt: '2023' });
    const c = addArticle(workbench, { title: 'C', text: 'Trống ở Hà Nội, an ninh mạng.', source: 'Tuổi Trẻ' });
    addSpan(workbench, a, 'LOC', 'Hà Nội', 'Minh');
    const proposal = addSpan(workbench, a, 'PROPOSAL', 'Đề xuất mới', 'Lan');
    const flood = addSpan(workbench, b, 'RISK', 'nguy cơ lũ', 'Minh');
    addSpan(workbench, b, 'LOC', 'HÀ NỘI', 'Lan');
    expectCountersRight(workbench);

    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits });
    expect(expectCountersRight(workbench).totals).toEqual({ articles: 3, spans: 7 });

    // Relabel (a label pair goes), resize (the quote changes), delete, and the undo of each.
    const edits = [
      { kind: 'annotation.update', id: proposal, patch: { labelKey: 'RISK' } },
      {
        kind: 'annotation.update',
        id: flood,
        patch: { start: 0, end: 'HÀ NỘI: nguy cơ lũ'.length, quote: 'HÀ NỘI: nguy cơ lũ' },
      },
      { kind: 'annotation.delete', id: flood },
    ] as const;
    for (const change of edits.slice(0, 2)) {
      workbench.changes.apply({ origin: 'manual', changes: [change] });
      expectCountersRight(workbench);
    }
    workbench.changes.apply({ origin: 'manual', changes: [edits[2]] });
    expectCountersRight(workbench);
    workbench.changes.undo(b);
    workbench.changes.undo(b);
    expectCountersRight(workbench);
    workbench.changes.undo(null); // the annotate-all, across articles
    expectCountersRight(workbench);
    workbench.changes.redo(null);
    expectCountersRight(workbench);

    // An article's date and source move its spans between months and sources.
    workbench.articles.updateMetadata(a, { publishedAt: '2021-12-31', source: null });
    workbench.articles.updateMetadata(c, { publishedAt: '2024-01' });
    expect(expectCountersRight(workbench).labelsByMonth).toContainEqual({
      labelKey: 'RISK',
      month: '2021-12',
      count: 3,
    });

    // A renamed label key cascades into annotations, and a merge moves its spans.
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'label.update', key: 'LOC', patch: { key: 'PLACE' } }],
    });
    expectCountersRight(workbench);
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'label.merge', key: 'PROPOSAL', intoKey: 'RISK' }] });
    expectCountersRight(workbench);

    // No service deletes an article today; the counters still follow one deleted in SQL.
    workbench.db.prepare('DELETE FROM articles WHERE id = ?').run(b);
    const after = expectCountersRight(workbench);
    expect(after.totals).toEqual({ articles: 2, spans: 5 });
    expect(after.labelsByMonth.map((row) => row.month)).not.toContain('undated'); // b was the one undated
  });
});

describe('label pairs per sentence (migration 020)', () => {
  const openTemp = useTempWorkbenches();

  it('counts a pair once per sentence, splitting after "TP." and "1.000" only where a sentence ends, and a span across two sentences in both', () => {
    const workbench = openTemp();
    const text =
      'PGS.TS. Nguyễn Văn A nói TP. Hồ Chí Minh có 1.000 vụ lừa đảo. Bộ Công an đề xuất siết chặt. “Nguy cơ lớn.” Hà Nội cũng vậy.';
    const id = addArticle(workbench, { title: 'Câu', text });
    addSpan(workbench, id, 'PER', 'Nguyễn Văn A');
    addSpan(workbench, id, 'LOC', 'TP. Hồ Chí Minh');
    addSpan(workbench, id, 'RISK', '1.000 vụ lừa đảo');
    addSpan(workbench, id, 'ORG', 'Bộ Công an');
    // A proposal across the second and third sentences meets ORG and RISK there.
    addSpan(workbench, id, 'PROPOSAL', 'đề xuất siết chặt. “Nguy cơ lớn.”');
    addSpan(workbench, id, 'RISK', 'Nguy cơ lớn');
    const pair = (a: string, b: string) =>
      expectCountersRight(workbench).coOccurrence.find((row) => row.a === a && row.b === b);
    // "TP." and "1.000" do not end the first sentence: PER, LOC and RISK meet in it.
    expect(pair('LOC', 'PER')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('PER', 'RISK')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('ORG', 'PROPOSAL')).toMatchObject({ sentences: 1 });
    // RISK meets PROPOSAL in the third sentence only (the second RISK span); twice RISK counts once.
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('ORG', 'RISK')).toMatchObject({ articles: 1, sentences: 0 });
    expect(pair('LOC', 'ORG')).toMatchObject({ sentences: 0 });

    // Deleting a span unpairs only where its label is gone; undo brings it back.
    const risks = workbench.annotations.list(id).filter((span) => span.labelKey === 'RISK');
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id: risks[1]!.id }] });
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ sentences: 0 });
    workbench.changes.undo(id);
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ sentences: 1 });
  });
});

describe('migration 015', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('fills the counters of a database made before it from its spans', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'older.db');
    const older = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version < 15) });
    const insert = older.prepare(
      `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
       VALUES (@text, @text, @hash, @title, @source, @published, 3, 'in_progress', @at, @at)`,
    );
    const at = '2024-01-01T00:00:00Z';
    insert.run({ text: 'Hà Nội và an ninh.', hash: 'a', title: 'A', source: 'Nhân Dân', published: '2020-05-01', at });
    insert.run({ text: 'HÀ NỘI lũ.', hash: 'b', title: 'B', source: null, published: null, at });
    older
      .prepare(
        `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
         VALUES (1, 'LOC', 0, 6, 'Hà Nội', 'Lan', 'manual', @at, @at), (1, 'RISK', 10, 17, 'an ninh', 'Lan', 'manual', @at, @at),
                (2, 'LOC', 0, 6, 'HÀ NỘI', 'Minh', 'manual', @at, @at), (2, 'RISK', 7, 9, 'lũ', 'Lan', 'manual', @at, @at)`,
      )
      .run({ at });
    older.close();

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const dashboard = expectCountersRight(workbench);
    // Spellings merged by folding; of two equally common, the first in binary order is shown.
    expect(dashboard.topEntities).toEqual([{ labelKey: 'LOC', quoteFolded: 'ha noi', quote: 'HÀ NỘI', count: 2 }]);
    // Each article is one sentence, so the pair met in two sentences too (migration 020's fill).
    expect(dashboard.coOccurrence).toEqual([{ a: 'LOC', b: 'RISK', articles: 2, sentences: 2 }]);
    expect(dashboard.byAuthor).toEqual([
      { author: 'Lan', spans: 3, articles: 2 },
      { author: 'Minh', spans: 1, articles: 1 },
    ]);
  });
});

describe('migration 023: per-article counters for the filtered dashboard', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  /** A database at `version` (22 unless given) with three articles (two sources) and spans by two authors. */
  function versionAt(version = 22): string {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, `v${version}.db`);
    const v22 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= version) });
    expect(v22.pragma('user_version', { simple: true })).toBe(version);
    const insert = v22.prepare(
      `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
       VALUES (@text, @text, @hash, @title, @source, @published, 3, @status, @at, @at)`,
    );
    const at = '2024-01-01T00:00:00Z';
    insert.run({
      text: 'Hà Nội và an ninh mạng.',
      hash: 'a',
      title: 'A',
      source: 'Nhân Dân',
      published: '2020-05-01',
      status: 'done',
      at,
    });
    insert.run({ text: 'HÀ NỘI lũ.', hash: 'b', title: 'B', source: 'Tuổi Trẻ', published: null, status: 'new', at });
    insert.run({
      text: 'Đề xuất ở Hà Nội.',
      hash: 'c',
      title: 'C',
      source: 'Nhân Dân',
      published: '2021',
      status: 'new',
      at,
    });
    // As AnnotationStore does before an article's first span (the sentence pairs need them).
    const sentences = new SentenceStore(v22);
    for (const articleId of [1, 2, 3]) sentences.ensure(articleId);
    v22
      .prepare(
        `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
         VALUES (1, 'LOC', 0, 6, 'Hà Nội', 'Lan', 'manual', @at, @at), (1, 'RISK', 10, 17, 'an ninh', 'Lan', 'manual', @at, @at),
                (1, 'RISK', 10, 22, 'an ninh mạng', 'Minh', 'manual', @at, @at),
                (2, 'LOC', 0, 6, 'HÀ NỘI', 'Minh', 'manual', @at, @at), (2, 'RISK', 7, 9, 'lũ', 'Lan', 'manual', @at, @at),
                (3, 'PROPOSAL', 0, 7, 'Đề xuất', 'Lan', 'manual', @at, @at), (3, 'LOC', 11, 17, 'Hà Nội', 'Lan', 'manual', @at, @at)`,
      )
      .run({ at });
    v22.close();
    return path;
  }

  /** A counter table's rows: article id, label or author, spans. */
  const rows = (workbench: Workbench, table: string) =>
    workbench.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all() as [number, string, number][];

  it('fills the counters of a version-22 database from its spans, and every filtered dashboard reads right', () => {
    const workbench = openWorkbench(versionAt());
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(rows(workbench, 'dashboard_article_label')).toEqual([
      [1, 'LOC', 1],
      [1, 'RISK', 2],
      [2, 'LOC', 1],
      [2, 'RISK', 1],
      [3, 'LOC', 1],
      [3, 'PROPOSAL', 1],
    ]);
    expect(rows(workbench, 'dashboard_article_author')).toEqual([
      [1, 'Lan', 2],
      [1, 'Minh', 1],
      [2, 'Lan', 1],
      [2, 'Minh', 1],
      [3, 'Lan', 2],
    ]);
    const nhanDan = workbench.corpus.dashboard({ source: ['Nhân Dân'] });
    expect(canonical(nhanDan)).toEqual(canonical(dashboardRecomputed(workbench, [1, 3])));
    expect(nhanDan.byAuthor).toEqual([
      { author: 'Lan', spans: 4, articles: 2 },
      { author: 'Minh', spans: 1, articles: 1 },
    ]);
    expect(nhanDan.labelsByMonth).toEqual([
      { labelKey: 'LOC', month: '2020-05', count: 1 },
      { labelKey: 'RISK', month: '2020-05', count: 2 },
      { labelKey: 'LOC', month: 'undated', count: 1 },
      { labelKey: 'PROPOSAL', month: 'undated', count: 1 },
    ]);
    expect(nhanDan.byStatus).toEqual([
      { status: 'done', articles: 1 },
      { status: 'new', articles: 1 },
    ]);
    expectCountersRight(workbench);
    // A filter keeping no article: empty tables, not an error.
    expect(workbench.corpus.dashboard({ source: ['Không có'] })).toMatchObject({
      labelsByMonth: [],
      coOccurrence: [],
      byAuthor: [],
      totals: { articles: 0, spans: 0 },
    });
  });

  it('keeps a row only while its count is above zero, through the pipeline, undo and an author change', () => {
    const workbench = openWorkbench(versionAt());
    cleanups.unshift(() => workbench.close());
    const [risk] = workbench.annotations.list(2).filter((span) => span.labelKey === 'RISK');
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id: risk!.id }] });
    expect(rows(workbench, 'dashboard_article_label').filter(([articleId]) => articleId === 2)).toEqual([
      [2, 'LOC', 1],
    ]);
    expect(rows(workbench, 'dashboard_article_author').filter(([articleId]) => articleId === 2)).toEqual([
      [2, 'Minh', 1],
    ]);
    workbench.changes.undo(2);
    expect(rows(workbench, 'dashboard_article_label').filter(([articleId]) => articleId === 2)).toEqual([
      [2, 'LOC', 1],
      [2, 'RISK', 1],
    ]);
    // No service changes a span's author; a writer in SQL moves its count all the same.
    workbench.db.prepare(`UPDATE annotations SET author = 'Thảo' WHERE article_id = 3`).run();
    expect(rows(workbench, 'dashboard_article_author').filter(([articleId]) => articleId === 3)).toEqual([
      [3, 'Thảo', 2],
    ]);
    expectCountersRight(workbench);
  });

  it('the filtered dashboard reads no row of annotations, the entity quotes from an index, the counters by primary key (query plan)', () => {
    const workbench = openWorkbench(versionAt());
    cleanups.unshift(() => workbench.close());
    const prepared = preparedDuring(workbench.db, () => workbench.corpus.dashboard({ source: ['Nhân Dân'] }));
    const plans = prepared.map((sql) => ({ sql, plan: queryPlan(workbench.db, sql, { ids: '[1]', source0: 'x' }) }));
    const reading = (table: string) => plans.filter(({ sql }) => new RegExp(`FROM ${table}\\b`).test(sql));
    // The entity quotes, from the spans-by-article index alone (migration 024).
    expect(reading('annotations')).toHaveLength(1);
    expect(reading('annotations')[0]!.plan).toMatch(
      /SEARCH n USING COVERING INDEX annotations_by_article \(article_id=\?\)/,
    );
    for (const table of ['dashboard_article_label', 'dashboard_article_author']) {
      expect(reading(table)).toHaveLength(1);
      expect(reading(table)[0]!.plan).toMatch(new RegExp(`SEARCH ${table} USING PRIMARY KEY \\(article_id=\\?\\)`));
    }
    // Every read names the scope's articles as a list; the filter itself runs once.
    expect(plans.filter(({ sql }) => sql.includes('@source0'))).toHaveLength(1);
    for (const { plan } of plans) expect(plan).not.toMatch(/SCAN (annotations|n|dashboard_article_\w+)\b/);
  });
});

describe('migration 024: spans by article with their label and quote; facets by source', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('rebuilds the index of a version-23 database, and the concordance labels and dashboards read it', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'v23.db');
    const v23 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 23) });
    const insert = v23.prepare(
      `INSERT INTO articles (raw_text, text, content_hash, title, source, word_count, imported_at, updated_at)
       VALUES (@text, @text, @hash, @title, @source, 3, @at, @at)`,
    );
    const at = '2024-01-01T00:00:00Z';
    const text = 'Bộ Công an cảnh báo an ninh mạng ở Hà Nội.';
    insert.run({ text, hash: 'a', title: 'A', source: 'Nhân Dân', at });
    insert.run({ text, hash: 'b', title: 'B', source: 'Tuổi Trẻ', at });
    // As an import writes them: the concordance finds its candidates in the full-text index.
    const index = new SearchIndex(v23);
    index.put(1, 'A', text);
    index.put(2, 'B', text);
    const sentences = new SentenceStore(v23);
    for (const articleId of [1, 2]) sentences.ensure(articleId);
    const span = v23.prepare(
      `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'Lan', 'manual', @at, @at)`,
    );
    const add = (articleId: number, labelKey: string, quote: string) =>
      span.run(articleId, labelKey, text.indexOf(quote), text.indexOf(quote) + quote.length, quote, { at });
    add(1, 'ORG', 'Bộ Công an');
    add(1, 'RISK', 'an ninh mạng');
    add(1, 'RISK', 'cảnh báo an ninh mạng');
    add(2, 'LOC', 'Hà Nội');
    v23.close();

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      (workbench.db.pragma('index_info(annotations_by_article)') as { name: string }[]).map((column) => column.name),
    ).toEqual(['article_id', 'start', 'end', 'label_key', 'quote']);
    expect(
      workbench.corpus.queryLibrary({ filter: { source: ['Nhân Dân'] }, sort: LIBRARY_SORT, offset: 0, limit: 10 }),
    ).toMatchObject({
      total: 1,
      rows: [{ id: 1 }],
    });
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh' }, {}, 10);
    expect(hits.map((hit) => [hit.articleId, hit.labels, hit.identicalLabels])).toEqual([
      [1, ['RISK'], []],
      [2, [], []],
    ]);
    expect(workbench.corpus.dashboard({ source: ['Nhân Dân'] }).topEntities).toEqual([
      { labelKey: 'ORG', quoteFolded: 'bo cong an', quote: 'Bộ Công an', count: 1 },
    ]);
    expectCountersRight(workbench);
  });

  const openTemp = useTempWorkbenches();

  it('the labels covering the concordance hits are read from the index alone (query plan)', () => {
    const workbench = openTemp();
    const id = addArticle(workbench, { title: 'A', text: 'Trời mưa ở Hà Nội.' });
    addSpan(workbench, id, 'LOC', 'Hà Nội');
    const prepared = preparedDuring(workbench.db, () =>
      workbench.corpus.concordance({ kind: 'text', query: 'Hà Nội' }, {}, 10),
    );
    const labels = prepared.find((sql) => sql.includes('JOIN annotations o'))!;
    const plan = queryPlan(workbench.db, labels, '[]');
    expect(plan).toMatch(/SEARCH o USING COVERING INDEX annotations_by_article \(article_id=\? AND start<\?\)/);
  });
});

describe('the library filtered by source', () => {
  const openTemp = useTempWorkbenches();

  it('counts and scopes by the source index, not a scan of the facets (query plan)', () => {
    const workbench = openTemp();
    addArticle(workbench, { title: 'A', text: 'Một.', source: 'Nhân Dân' });
    addArticle(workbench, { title: 'B', text: 'Hai.', source: 'Tuổi Trẻ' });
    let page: unknown;
    const prepared = preparedDuring(workbench.db, () => {
      page = workbench.corpus.queryLibrary({
        filter: { source: ['Tuổi Trẻ'] },
        sort: LIBRARY_SORT,
        offset: 0,
        limit: 10,
      });
      workbench.corpus.dashboard({ source: ['Tuổi Trẻ'] });
    });
    expect(page).toMatchObject({ total: 1, rows: [{ title: 'B' }] });
    const reads = prepared.filter((sql) => sql.includes('@source0'));
    expect(reads.length).toBeGreaterThanOrEqual(3); // the count, the page, the dashboard's scope
    for (const sql of reads) {
      const plan = queryPlan(workbench.db, sql, { source0: 'x', limit: 1, offset: 0 });
      expect(plan).toMatch(/SEARCH f USING (COVERING )?INDEX library_facets_by_source \(source=\?\)/);
      expect(plan).not.toMatch(/SCAN f\b/);
    }
  });
});
