import type { Database } from 'better-sqlite3';
import type { ConcordanceQuery, Dashboard } from '../../../shared/contract/corpus';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import type { ArticleStatus } from '../../../shared/domain/schemas';
import { foldVietnamese } from '../../../shared/text/fold';
import type { LibraryStore } from './library';
import { FOLDED_TABLE } from './search-index';

export interface SpanRow {
  id: number;
  articleId: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
}

/** Articles without a month: no date, a year alone, or a day and month without a year. */
const MONTH = `CASE WHEN f.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(f.published_at, 1, 7)
  ELSE 'undated' END`;

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

  /** Spans of one article, the columns the concordance needs. */
  spansOf(articleId: number): SpanRow[] {
    return this.db
      .prepare(
        `SELECT id, article_id AS articleId, label_key AS labelKey, start, "end", quote FROM annotations
         WHERE article_id = ? ORDER BY start`,
      )
      .all(articleId) as SpanRow[];
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

  dashboard(filter: LibraryFilter): Dashboard {
    const scope = this.library.scope(filter);
    const params = scope?.params ?? {};
    const inScope = (column: string) => (scope ? `${column} IN (${scope.where})` : '1');
    const all = <T>(sql: string) => this.db.prepare(sql).all(params) as T[];

    const labelsByMonth = all<{ labelKey: string; month: string; count: number }>(
      `SELECT n.label_key AS labelKey, ${MONTH} AS month, count(*) AS count
       FROM annotations n JOIN library_facets f ON f.article_id = n.article_id
       WHERE ${inScope('n.article_id')} GROUP BY n.label_key, month ORDER BY month, n.label_key`,
    );
    const analyticBySource = all<{ labelKey: string; source: string; count: number }>(
      `SELECT n.label_key AS labelKey, coalesce(f.source, '') AS source, count(*) AS count
       FROM annotations n JOIN library_facets f ON f.article_id = n.article_id
       WHERE ${inScope('n.article_id')} AND n.label_key IN (SELECT key FROM labels WHERE kind = 'analytic')
       GROUP BY n.label_key, source ORDER BY count DESC`,
    );
    const entityQuotes = all<{ labelKey: string; quote: string; count: number }>(
      `SELECT n.label_key AS labelKey, n.quote, count(*) AS count FROM annotations n
       WHERE ${inScope('n.article_id')} AND n.label_key IN (SELECT key FROM labels WHERE kind = 'entity')
       GROUP BY n.label_key, n.quote ORDER BY count DESC LIMIT ${TOP_ENTITY_CANDIDATES}`,
    );
    // Which labels each article has, from the (label, article) index; pairs are counted here:
    // a self-join of that set in SQL compared every article with every other one.
    const present = all<{ labelKey: string; articleId: number }>(
      `SELECT DISTINCT label_key AS labelKey, article_id AS articleId FROM annotations INDEXED BY annotations_by_label
       WHERE ${inScope('article_id')}`,
    );
    const byStatus = all<{ status: ArticleStatus; articles: number }>(
      `SELECT f.status, count(*) AS articles FROM library_facets f WHERE ${inScope('f.article_id')}
       GROUP BY f.status`,
    );
    const byAuthor = all<{ author: string; spans: number; articles: number }>(
      `SELECT n.author, count(*) AS spans, count(DISTINCT n.article_id) AS articles FROM annotations n
       WHERE ${inScope('n.article_id')} GROUP BY n.author ORDER BY spans DESC`,
    );
    const totals = this.db
      .prepare(
        `SELECT count(*) AS articles, coalesce(sum(f.annotation_count), 0) AS spans FROM library_facets f
         WHERE ${inScope('f.article_id')}`,
      )
      .get(params) as { articles: number; spans: number };
    return {
      labelsByMonth,
      analyticBySource,
      topEntities: mergeFolded(entityQuotes),
      coOccurrence: countPairs(present),
      byStatus,
      byAuthor,
      totals,
    };
  }
}

/** For each pair of labels (a < b), the articles that have both. */
function countPairs(present: readonly { labelKey: string; articleId: number }[]): Dashboard['coOccurrence'] {
  const labelsByArticle = new Map<number, string[]>();
  for (const { labelKey, articleId } of present) {
    const labels = labelsByArticle.get(articleId);
    if (labels) labels.push(labelKey);
    else labelsByArticle.set(articleId, [labelKey]);
  }
  const pairs = new Map<string, { a: string; b: string; articles: number }>();
  for (const labels of labelsByArticle.values()) {
    labels.sort();
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const key = `${labels[i]}\u0000${labels[j]}`;
        const pair = pairs.get(key);
        if (pair) pair.articles++;
        else pairs.set(key, { a: labels[i]!, b: labels[j]!, articles: 1 });
      }
    }
  }
  return [...pairs.values()].sort(
    (x, y) => y.articles - x.articles || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
  );
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
