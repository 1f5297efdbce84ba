import type { Database } from 'better-sqlite3';
import type { ConcordanceQuery, Dashboard } from '../../../shared/contract/corpus';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import type { ArticleStatus } from '../../../shared/domain/schemas';
import { foldVietnamese } from '../../../shared/text/fold';
import { displayTitleOf, ownTitleOf } from './articles';
import type { LibraryStore, SqlPart } from './library';
import { monthOf } from './migrations/015-dashboard-counters';
import { ARTICLE_LINE_INDEX } from './migrations/025-concordance-line-index';
import { FOLDED_TABLE } from './search-index';
import { ANNOTATION_SEARCH_TABLE, NOTE_LINES_TABLE, SPAN_KEY_FACTOR } from './span-indexes';

export interface SpanRow {
  id: number;
  articleId: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
}

/** A span whose note may hold a phrase, with what the notes concordance shows beside it. */
export interface NoteSpan {
  id: number;
  articleId: number;
  start: number;
  end: number;
  note: string;
  /** The article's own title (null or blank: it has none) and date. */
  title: string | null;
  publishedAt: string | null;
  /** As labelsCovering gives them for the span's range. */
  labels: string[];
  identicalLabels: string[];
}

/** Beside a concordance hit: its article's title, date and (for a line cut from it) text. */
export interface LineArticle {
  displayTitle: string;
  publishedAt: string | null;
  /** '' when not asked for. */
  text: string;
}

const MONTH = monthOf('f.published_at');

/** How many frequent entity quotes are read before folding merges spellings ("Hà Nội", "HÀ NỘI"). */
const TOP_ENTITY_CANDIDATES = 2_000;
const TOP_ENTITIES = 20;

/** Reads of the concordance and the dashboard, scoped by a library filter (LibraryStore.scope). */
export class CorpusStore {
  constructor(
    private readonly db: Database,
    private readonly library: LibraryStore,
  ) {}

  /** Articles under the filter whose folded text or title holds the FTS5 `phrase`, in id order. */
  articlesWithPhrase(phrase: string, filter: LibraryFilter): number[] {
    const scope = this.library.scope(filter);
    return this.db
      .prepare(
        `SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @phrase
         ${scope ? `AND rowid IN (${scope.where})` : ''} ORDER BY rowid`,
      )
      .pluck()
      .all({ ...scope?.params, phrase }) as number[];
  }

  /**
   * What the concordance lines of `articleIds` show beside the hit: each article's display title,
   * date and, with `withText`, its text. One read for all of them (a read per article cost more
   * than the matching itself at thousands of articles).
   */
  lineArticles(articleIds: readonly number[], withText: boolean): Map<number, LineArticle> {
    const ids = JSON.stringify(articleIds);
    const rows = this.db
      .prepare(
        // Without the texts, from the index of titles and dates (migration 025): in the table they
        // sit behind the texts.
        withText
          ? `SELECT a.id, a.title, a.published_at, a.text FROM articles a
             WHERE a.id IN (SELECT value FROM json_each(?))`
          : `SELECT a.id, a.title, a.published_at, '' FROM articles a INDEXED BY ${ARTICLE_LINE_INDEX}
             WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(ids) as [id: number, title: string | null, publishedAt: string | null, text: string][];
    // The head of the text only for untitled articles: with substr() over every text, this read
    // took 20–45 ms for the 4,000 articles of a notes concordance (which shows no text); titles and
    // dates alone take 9–10 ms.
    const untitled = rows.filter(([, title]) => ownTitleOf(title) === null).map(([id]) => id);
    const heads = new Map(
      untitled.length === 0
        ? []
        : (this.db
            .prepare(
              `SELECT id, substr(text, 1, 200) AS head FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
            )
            .raw()
            .all(JSON.stringify(untitled)) as [number, string][]),
    );
    return new Map(
      rows.map(([id, title, publishedAt, text]) => [
        id,
        { displayTitle: displayTitleOf(title, heads.get(id) ?? ''), publishedAt, text },
      ]),
    );
  }

  /**
   * For each range, the labels of the spans covering it and of those with exactly that range, each
   * label once, in text order. Computed in SQL (the article index per range): reading every span of
   * thousands of articles into objects cost more than the rest of a concordance.
   */
  labelsCovering(
    ranges: readonly { articleId: number; startU16: number; endU16: number }[],
  ): { labels: string[]; identicalLabels: string[] }[] {
    const rows = this.db
      .prepare(
        // The ranges parsed once into a table: `->>` on the JSON in the join parsed it per span.
        `WITH h AS MATERIALIZED (SELECT key AS hit, value ->> 0 AS articleId, value ->> 1 AS startU16,
           value ->> 2 AS endU16 FROM json_each(?))
         SELECT h.hit, o.label_key, o.start = h.startU16 AND o."end" = h.endU16, o.start, o."end"
         FROM h JOIN annotations o INDEXED BY annotations_by_article
           ON o.article_id = h.articleId AND o.start <= h.startU16 AND o."end" >= h.endU16`,
      )
      .raw()
      .all(rangesJson(ranges)) as [hit: number, labelKey: string, identical: number, start: number, end: number][];
    // Sorted here, not by SQL: its sorter was half of this read. The join reads the hits in order
    // and each one's spans in index order (start, end, label), so this sort finds them sorted.
    rows.sort((x, y) => x[0] - y[0] || x[3] - y[3] || x[4] - y[4] || binary(x[1], y[1]));
    // Lists, not sets: a hit has a few labels, and two sets per hit were most of the garbage.
    const found = ranges.map(() => ({ labels: [] as string[], identicalLabels: [] as string[] }));
    for (const [hit, labelKey, identical] of rows) {
      const { labels, identicalLabels } = found[hit]!;
      if (!labels.includes(labelKey)) labels.push(labelKey);
      if (identical && !identicalLabels.includes(labelKey)) identicalLabels.push(labelKey);
    }
    return found;
  }

  /**
   * The spans (of `labelKey` when given) of the articles under the filter whose folded quote holds
   * the FTS5 `phrase`: one article at a time, in article order, each article's in text order. Read
   * from the index of migration 021 in its key order (article, then span), so nothing is sorted
   * first and the caller stops at its limit; the candidates are then matched word by word by the
   * caller (the index ignores punctuation between the words).
   */
  *quotesMatching(phrase: string, labelKey: string | undefined, filter: LibraryFilter): Generator<SpanRow[]> {
    const scope = this.library.scope(filter);
    const rows = this.db
      .prepare(
        `SELECT n.id, n.article_id, n.label_key, n.start, n."end", n.quote
         FROM ${ANNOTATION_SEARCH_TABLE} s JOIN annotations n ON n.id = s.rowid % ${SPAN_KEY_FACTOR}
         WHERE ${spanConditions(labelKey, scope)} ORDER BY s.rowid`,
      )
      // Rows as arrays, made into objects of one shape here: better-sqlite3 builds a row object
      // property by property, looking each column name up.
      .raw()
      .iterate(spanParams(`{quote} : ${phrase}`, labelKey, scope)) as IterableIterator<
      [number, number, string, number, number, string]
    >;
    const spans = function* (): Generator<SpanRow> {
      for (const [id, articleId, labelKey, start, end, quote] of rows)
        yield { id, articleId, labelKey, start, end, quote };
    };
    yield* byArticle(spans());
  }

  /**
   * The spans (of `labelKey` when given) of the articles under the filter whose folded note holds
   * the FTS5 `phrase`, in key order (article, then span), each with what its concordance lines
   * show beside the note: its article's title and date, and the labels covering its range.
   * Yielded a batch at a time, each batch whole articles: `batch` matches (the caller stops at its
   * limit: ask for one more than it) and the rest of the last one's article. Each batch is one
   * statement: the matches of `annotation_search` (migration 021) in key order, each span's line
   * (027: its covering labels, its article's title and date, keyed as the matches are), one row
   * of one table per hit. Joining each hit to the spans covering it (`annotations_by_article`),
   * and then to the index of titles (025), cost a third of the read, and most of a first read's
   * page faults.
   */
  *notesMatching(
    phrase: string,
    labelKey: string | undefined,
    filter: LibraryFilter,
    batch: number,
  ): Generator<NoteSpan[]> {
    const scope = this.library.scope(filter);
    // A key's high half is its article: no line is read for the articles out of scope.
    const conditions = `${spanConditions(labelKey, scope, `s.rowid / ${SPAN_KEY_FACTOR}`)}
      AND s.rowid > @after AND s.rowid < @before`;
    // The batch as ONE JSON text built by SQLite and parsed by V8: a row per hit through the
    // driver cost ~3 µs (each of its nine values set on the row one by one), more than the
    // search itself. The ids are the key's halves, taken in SQL (a key is beyond 2^53 from
    // article 2^21 on); each label list is parsed into a list of the line's own.
    const statement = this.db
      .prepare(
        `SELECT json_group_array(json_array(n.span_key / ${SPAN_KEY_FACTOR}, n.span_key % ${SPAN_KEY_FACTOR}, n.start,
           n."end", n.note, n.title, n.published_at, json(n.labels_json),
           json(coalesce(n.identical_labels_json, n.labels_json))))
         FROM (SELECT s.rowid AS key FROM ${ANNOTATION_SEARCH_TABLE} s
               ${labelKey !== undefined ? `JOIN ${NOTE_LINES_TABLE} n ON n.span_key = s.rowid` : ''}
               WHERE ${conditions} ORDER BY s.rowid LIMIT @limit) AS hit
           JOIN ${NOTE_LINES_TABLE} n ON n.span_key = hit.key`,
      )
      .pluck();
    const params = spanParams(`{note} : ${phrase}`, labelKey, scope);
    // Keys as BigInt: beyond 2^53 from article 2^21 on.
    const read = (after: bigint, before: bigint, limit: number) => {
      const rows = JSON.parse(statement.get({ ...params, after, before, limit }) as string) as NoteRow[];
      // In key order as the matches were read (checked: SQL does not promise an aggregate's order).
      return inKeyOrder(rows) ? rows : rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    };
    const firstKeyOf = (articleId: number) => BigInt(articleId) * BigInt(SPAN_KEY_FACTOR);
    let after = -1n;
    for (;;) {
      const rows = read(after, MAX_KEY, batch);
      const full = rows.length === batch;
      if (full) {
        // The rest of the last article's lines, so that every group yielded is whole; the next
        // batch begins with the next article.
        const [articleId, id] = rows.at(-1)!;
        const next = firstKeyOf(articleId + 1);
        rows.push(...read(firstKeyOf(articleId) + BigInt(id), next, -1));
        after = next - 1n;
      }
      // By index, not destructured: a first call runs this interpreted, where destructuring an
      // array walks its iterator (a tenth of a first notes concordance).
      yield rows.map((row) => ({
        id: row[1],
        articleId: row[0],
        start: row[2],
        end: row[3],
        note: row[4],
        title: row[5],
        publishedAt: row[6],
        labels: row[7],
        identicalLabels: row[8],
      }));
      if (!full) return;
    }
  }

  /** Stored spans chosen by a dashboard bar, in article and text order; at most `limit`. */
  spans(query: Extract<ConcordanceQuery, { kind: 'spans' }>, filter: LibraryFilter, limit: number): SpanRow[] {
    const scope = this.library.scope(filter);
    const conditions = [
      scope ? `n.article_id IN (${scope.where})` : '',
      query.labelKey !== undefined ? 'n.label_key = @labelKey' : '',
      query.month !== undefined ? `${MONTH} = @month` : '',
      query.source !== undefined ? `coalesce(f.source, '') = @source` : '',
      query.author !== undefined ? 'n.author = @author' : '',
      query.status !== undefined ? 'f.status = @status' : '',
    ].filter(Boolean);
    const rows = this.db
      .prepare(
        `SELECT n.id, n.article_id AS articleId, n.label_key AS labelKey, n.start, n."end", n.quote
         FROM annotations n JOIN library_facets f ON f.article_id = n.article_id
         ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
         ORDER BY n.article_id, n.start, n.id`,
      )
      .iterate({
        ...scope?.params,
        labelKey: query.labelKey,
        month: query.month,
        source: query.source,
        author: query.author,
        status: query.status,
      }) as IterableIterator<SpanRow>;
    // The quote is matched folded, which SQL cannot do; rows are streamed until the limit.
    const wanted = query.quoteFolded;
    const found: SpanRow[] = [];
    for (const row of rows) {
      if (wanted !== undefined && foldVietnamese(row.quote) !== wanted) continue;
      found.push(row);
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * The dashboard's tables: over the whole corpus from the counters of migration 015 (a few hundred
   * rows whatever the corpus size), under a library filter from the per-article counters of
   * migration 023 of the articles in scope.
   */
  dashboard(filter: LibraryFilter): Dashboard {
    const scope = this.library.scope(filter);
    return scope ? this.dashboardFromArticleCounters(scope) : this.dashboardFromCounters();
  }

  private dashboardFromCounters(): Dashboard {
    const all = <T>(sql: string) => this.db.prepare(sql).all() as T[];
    const labelsByMonth = all<{ labelKey: string; month: string; count: number }>(
      `SELECT label_key AS labelKey, month, spans AS count FROM dashboard_label_month WHERE spans > 0
       ORDER BY month, label_key`,
    );
    const analyticBySource = all<{ labelKey: string; source: string; count: number }>(
      `SELECT label_key AS labelKey, source, spans AS count FROM dashboard_label_source
       WHERE spans > 0 AND label_key IN (SELECT key FROM labels WHERE kind = 'analytic') ORDER BY count DESC`,
    );
    const entityQuotes = all<{ labelKey: string; quote: string; count: number }>(
      `SELECT label_key AS labelKey, quote, spans AS count FROM dashboard_label_quote INDEXED BY dashboard_label_quote_top
       WHERE spans > 0 AND label_key IN (SELECT key FROM labels WHERE kind = 'entity')
       ORDER BY spans DESC, label_key, quote LIMIT ${TOP_ENTITY_CANDIDATES}`,
    );
    // Two labels met in a sentence have met in its article: the sentence pairs join the article pairs.
    const coOccurrence = all<{ a: string; b: string; articles: number; sentences: number }>(
      `SELECT p.a, p.b, p.articles, coalesce(s.sentences, 0) AS sentences FROM dashboard_label_pair p
       LEFT JOIN dashboard_label_pair_sentence s ON s.a = p.a AND s.b = p.b WHERE p.articles > 0`,
    );
    const byAuthor = all<{ author: string; spans: number; articles: number }>(
      `SELECT author, spans, articles FROM dashboard_author WHERE spans > 0 ORDER BY spans DESC`,
    );
    return {
      labelsByMonth,
      analyticBySource,
      topEntities: mergeFolded(entityQuotes),
      coOccurrence: coOccurrence.sort(byPairCount),
      byAuthor,
      ...this.statusAndTotals(),
    };
  }

  /**
   * The same tables for the articles in `scope`, from the per-article counters of migration 023
   * (spans per article × label and × author) where they suffice, and the spans themselves only for
   * the entity quotes. The scope is run once, its articles read with their month, source, status
   * and span count, and the other reads name them as a list: as a subquery in each of eight
   * queries it was run eight times (a scan of the facets for a source filter).
   */
  private dashboardFromArticleCounters(scope: SqlPart): Dashboard {
    const articles = this.db
      .prepare(
        `SELECT f.article_id, ${MONTH}, coalesce(f.source, ''), f.status, f.annotation_count FROM library_facets f
         WHERE f.article_id IN (${scope.where})`,
      )
      .raw()
      .all(scope.params) as [number, string, string, ArticleStatus, number][];
    const params = { ids: JSON.stringify(articles.map(([id]) => id)) };
    const inScope = (column: string) => `${column} IN (SELECT value FROM json_each(@ids))`;
    const all = <T>(sql: string) => this.db.prepare(sql).all(params) as T[];

    const articleLabels = this.db
      .prepare(`SELECT article_id, label_key, spans FROM dashboard_article_label WHERE ${inScope('article_id')}`)
      .raw()
      .all(params) as [number, string, number][];
    const analytic = new Set(
      this.db.prepare(`SELECT key FROM labels WHERE kind = 'analytic'`).pluck().all() as string[],
    );
    const entityQuotes = all<{ labelKey: string; quote: string; count: number }>(
      // From the spans-by-article index alone (migration 024); through the (label, article) index,
      // every span was a read of its table row.
      `SELECT n.label_key AS labelKey, n.quote, count(*) AS count FROM annotations n INDEXED BY annotations_by_article
       WHERE ${inScope('n.article_id')} AND n.label_key IN (SELECT key FROM labels WHERE kind = 'entity')
       GROUP BY n.label_key, n.quote ORDER BY count DESC, n.label_key, n.quote LIMIT ${TOP_ENTITY_CANDIDATES}`,
    );
    const byAuthor = all<{ author: string; spans: number; articles: number }>(
      `SELECT author, sum(spans) AS spans, count(*) AS articles FROM dashboard_article_author
       WHERE ${inScope('article_id')} GROUP BY author ORDER BY spans DESC`,
    );
    // The labels of each sentence (migration 020), paired within the sentence through its key.
    const sentencePairs = all<{ a: string; b: string; sentences: number }>(
      `SELECT x.label_key AS a, y.label_key AS b, count(*) AS sentences FROM dashboard_sentence_label x
       JOIN dashboard_sentence_label y ON y.article_id = x.article_id AND y.sentence_start = x.sentence_start
         AND y.label_key > x.label_key
       WHERE ${inScope('x.article_id')} GROUP BY 1, 2`,
    );
    return {
      ...countByMonthAndSource(articles, articleLabels, analytic),
      topEntities: mergeFolded(entityQuotes),
      coOccurrence: countPairs(articleLabels, sentencePairs),
      byAuthor,
      ...countStatusAndTotals(articles),
    };
  }

  /** Articles per status, and the articles and spans of the whole corpus (from the facets, one row per article). */
  private statusAndTotals(): Pick<Dashboard, 'byStatus' | 'totals'> {
    const byStatus = this.db
      .prepare(`SELECT f.status, count(*) AS articles FROM library_facets f GROUP BY f.status`)
      .all() as { status: ArticleStatus; articles: number }[];
    const totals = this.db
      .prepare(`SELECT count(*) AS articles, coalesce(sum(f.annotation_count), 0) AS spans FROM library_facets f`)
      .get() as { articles: number; spans: number };
    return { byStatus, totals };
  }
}

/** A line of CorpusStore.notesMatching (027), with its article's title and date. */
type NoteRow = [
  articleId: number,
  id: number,
  start: number,
  end: number,
  note: string,
  title: string | null,
  publishedAt: string | null,
  labels: string[],
  identicalLabels: string[],
];

/** Above every span key (SQLite's largest integer). */
const MAX_KEY = 2n ** 63n - 1n;

/** Whether the lines are in key order (article, then span). */
function inKeyOrder(rows: readonly NoteRow[]): boolean {
  for (let index = 1; index < rows.length; index++) {
    const row = rows[index]!;
    const previous = rows[index - 1]!;
    if (row[0] < previous[0] || (row[0] === previous[0] && row[1] < previous[1])) return false;
  }
  return true;
}

/**
 * The conditions on the matches `s` and spans `n` of a quotes or notes search; `articleId` is the
 * SQL expression for a match's article.
 */
function spanConditions(labelKey: string | undefined, scope: SqlPart | null, articleId = 'n.article_id'): string {
  return [
    `${ANNOTATION_SEARCH_TABLE} MATCH @match`,
    labelKey !== undefined ? 'n.label_key = @labelKey' : '',
    scope ? `${articleId} IN (${scope.where})` : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

function spanParams(match: string, labelKey: string | undefined, scope: SqlPart | null): Record<string, unknown> {
  return { ...scope?.params, match, ...(labelKey !== undefined ? { labelKey } : {}) };
}

/** Spans read in key order (article, then span), one article's at a time, each in text order. */
function* byArticle<T extends { articleId: number; start: number; id: number }>(spans: Iterable<T>): Generator<T[]> {
  let group: T[] = [];
  for (const span of spans) {
    if (group.length > 0 && group[0]!.articleId !== span.articleId) {
      yield inTextOrder(group);
      group = [];
    }
    group.push(span);
  }
  if (group.length > 0) yield inTextOrder(group);
}

/** An article's spans in text order (start, then id). */
function inTextOrder<T extends { start: number; id: number }>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || a.id - b.id);
}

/** `[[articleId, startU16, endU16], …]`, written out directly: an array per range was garbage at once. */
function rangesJson(ranges: readonly { articleId: number; startU16: number; endU16: number }[]): string {
  let json = '';
  for (const { articleId, startU16, endU16 } of ranges) json += `,[${articleId},${startU16},${endU16}]`;
  return `[${json.slice(1)}]`;
}

/** A row of the scope's articles: id, month, source ('' for none), status, span count. */
type ScopeArticle = [number, string, string, ArticleStatus, number];

/** Binary order of strings, as SQLite's default collation sorts them. */
const binary = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Spans per label × month (by month, then label) and analytic spans per label × source (most
 * first), summed from the per-article label counts of the scope's articles.
 */
function countByMonthAndSource(
  articles: readonly ScopeArticle[],
  articleLabels: readonly [number, string, number][],
  analytic: ReadonlySet<string>,
): Pick<Dashboard, 'labelsByMonth' | 'analyticBySource'> {
  const articleById = new Map(articles.map((article) => [article[0], article]));
  const byMonth = new Map<string, Dashboard['labelsByMonth'][number]>();
  const bySource = new Map<string, Dashboard['analyticBySource'][number]>();
  for (const [articleId, labelKey, spans] of articleLabels) {
    const [, month, source] = articleById.get(articleId)!;
    const monthKey = `${labelKey}\u0000${month}`;
    const inMonth = byMonth.get(monthKey);
    if (inMonth) inMonth.count += spans;
    else byMonth.set(monthKey, { labelKey, month, count: spans });
    if (!analytic.has(labelKey)) continue;
    const sourceKey = `${labelKey}\u0000${source}`;
    const inSource = bySource.get(sourceKey);
    if (inSource) inSource.count += spans;
    else bySource.set(sourceKey, { labelKey, source, count: spans });
  }
  return {
    labelsByMonth: [...byMonth.values()].sort((x, y) => binary(x.month, y.month) || binary(x.labelKey, y.labelKey)),
    analyticBySource: [...bySource.values()].sort(
      (x, y) => y.count - x.count || binary(x.labelKey, y.labelKey) || binary(x.source, y.source),
    ),
  };
}

/** Articles per status (in status order) and the articles and spans of the scope. */
function countStatusAndTotals(articles: readonly ScopeArticle[]): Pick<Dashboard, 'byStatus' | 'totals'> {
  const byStatus = new Map<ArticleStatus, number>();
  let spans = 0;
  for (const [, , , status, count] of articles) {
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    spans += count;
  }
  return {
    byStatus: [...byStatus].sort(([x], [y]) => binary(x, y)).map(([status, count]) => ({ status, articles: count })),
    totals: { articles: articles.length, spans },
  };
}

/** For each pair of labels (a < b), the articles that have both, and the sentences (given). */
function countPairs(
  present: readonly (readonly [articleId: number, labelKey: string, ...rest: unknown[]])[],
  sentencePairs: readonly { a: string; b: string; sentences: number }[],
): Dashboard['coOccurrence'] {
  const labelsByArticle = new Map<number, string[]>();
  for (const [articleId, labelKey] of present) {
    const labels = labelsByArticle.get(articleId);
    if (labels) labels.push(labelKey);
    else labelsByArticle.set(articleId, [labelKey]);
  }
  const pairs = new Map<string, Dashboard['coOccurrence'][number]>();
  for (const labels of labelsByArticle.values()) {
    labels.sort();
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const key = `${labels[i]}\u0000${labels[j]}`;
        const pair = pairs.get(key);
        if (pair) pair.articles++;
        else pairs.set(key, { a: labels[i]!, b: labels[j]!, articles: 1, sentences: 0 });
      }
    }
  }
  for (const { a, b, sentences } of sentencePairs) {
    const pair = pairs.get(`${a}\u0000${b}`);
    if (pair) pair.sentences = sentences;
  }
  return [...pairs.values()].sort(byPairCount);
}

/** Most shared first, then by the two labels. */
function byPairCount(x: Dashboard['coOccurrence'][number], y: Dashboard['coOccurrence'][number]): number {
  return y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b);
}

/** Spellings of one entity ("Hà Nội", "HÀ NỘI") counted together, shown in the most common one. */
function mergeFolded(rows: readonly { labelKey: string; quote: string; count: number }[]): Dashboard['topEntities'] {
  const merged = new Map<
    string,
    { labelKey: string; quoteFolded: string; quote: string; count: number; best: number }
  >();
  for (const row of rows) {
    const quoteFolded = foldVietnamese(row.quote);
    const key = `${row.labelKey}\u0000${quoteFolded}`;
    const entry = merged.get(key);
    if (!entry)
      merged.set(key, { labelKey: row.labelKey, quoteFolded, quote: row.quote, count: row.count, best: row.count });
    else {
      entry.count += row.count;
      if (row.count > entry.best) Object.assign(entry, { quote: row.quote, best: row.count });
    }
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_ENTITIES)
    .map(({ labelKey, quoteFolded, quote, count }) => ({ labelKey, quoteFolded, quote, count }));
}
