import type { Database, Statement } from 'better-sqlite3';
import { RANKED_MATCHES_MAX, type SearchQuery } from '../../../shared/search/query';
import { foldVietnamese } from '../../../shared/text/fold';

/**
 * The full-text table of migration 002: title and text folded by `foldVietnamese`, for
 * accent-insensitive matching. Contentless (the text lives in `articles`; snippets and the
 * exact-phrase ranking read it from there) and keyed by the article id.
 */
export const FOLDED_TABLE = 'article_search';

/** Its terms (migration 028). */
export const SEARCH_TERMS_TABLE = 'article_search_terms';

/**
 * Writes an article's row. Every article write goes through here, in the write's own
 * transaction, so the index never disagrees with the articles.
 */
export class SearchIndex {
  private readonly putRow: Statement;

  constructor(db: Database) {
    this.putRow = db.prepare(`INSERT OR REPLACE INTO ${FOLDED_TABLE} (rowid, title, body) VALUES (?, ?, ?)`);
  }

  put(articleId: number, title: string | null, text: string): void {
    this.putFolded(articleId, foldVietnamese(title ?? ''), foldVietnamese(text));
  }

  /** `put` with title and text already folded (an import folds once for this row and the duplicate key). */
  putFolded(articleId: number, titleFolded: string, textFolded: string): void {
    this.putRow.run(articleId, titleFolded, textFolded);
  }
}

/** A title match says more about an article than the same words in its body. */
export const RANK = `bm25(${FOLDED_TABLE}, 2.0, 1.0)`;

export interface ArticleText {
  id: number;
  title: string | null;
  text: string;
}

/** Ids of matches in ranking order, and whether the query was broad (RANKED_MATCHES_MAX). */
export interface RankedIds {
  ids: number[];
  broad: boolean;
}

/** The reads of SearchService: ranked matches in the index, and the texts they point to. */
export class SearchStore {
  private readonly ranked: Statement<[{ match: string; limit: number }], number>;
  private readonly newest: Statement<[{ match: string; limit: number; excluding: string }], number>;
  private readonly pastMax: Statement<[{ match: string; max: number }], number>;
  private readonly newestUpTo: Statement<[{ match: string; limit: number }], string>;
  private readonly article: Statement<[number], ArticleText>;
  private readonly extension: Statement<[{ prefix: string }], string>;

  /** `rankedMatchesMax`: RANKED_MATCHES_MAX, smaller in tests. */
  constructor(
    db: Database,
    private readonly rankedMatchesMax = RANKED_MATCHES_MAX,
  ) {
    this.ranked = db
      .prepare<[{ match: string; limit: number }], number>(
        `SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @match ORDER BY ${RANK}, rowid LIMIT @limit`,
      )
      .pluck();
    // FTS5 walks its matches in rowid order and stops at the limit: no match is scored or sorted.
    this.newest = db
      .prepare<[{ match: string; limit: number; excluding: string }], number>(
        `SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @match
           AND rowid NOT IN (SELECT value FROM json_each(@excluding)) ORDER BY rowid DESC LIMIT @limit`,
      )
      .pluck();
    this.pastMax = db
      .prepare<[{ match: string; max: number }], number>(
        `SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET @max`,
      )
      .pluck();
    // As one JSON list: 10,001 rows one by one through the driver cost a third more than the walk.
    this.newestUpTo = db
      .prepare<[{ match: string; limit: number }], string>(
        `SELECT json_group_array(rowid) FROM (SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @match
           ORDER BY rowid DESC LIMIT @limit)`,
      )
      .pluck();
    this.article = db.prepare(`SELECT id, title, text FROM articles WHERE id = ?`);
    // From the prefix followed by U+0001, which no term holds (unicode61 separates words at
    // control characters), to the prefix followed by the last code point: the terms that extend
    // the prefix, without the prefix itself, whose occurrences would all be visited.
    this.extension = db
      .prepare<[{ prefix: string }], string>(
        `SELECT term FROM ${SEARCH_TERMS_TABLE} WHERE term >= @prefix || char(1) AND term < @prefix || char(1114111)
         LIMIT 1`,
      )
      .pluck();
  }

  /**
   * Whether more than RANKED_MATCHES_MAX articles hold the words of the FTS5 query `words` (see
   * wordsQuery). Walks at most that many matches, newest first, never the whole list.
   */
  isBroad(words: string): boolean {
    return this.pastMax.get({ match: words, max: this.rankedMatchesMax }) !== undefined;
  }

  /**
   * Article ids matching the FTS5 query `folded`, best first: those matching `adjacent` (the words
   * one after the other) before the others. Within each group by bm25; newest first when `words`
   * (every word of the query, see wordsQuery) is broad (RANKED_MATCHES_MAX). The group of the others is read only when the adjacent
   * matches do not fill `limit`: bm25 costs FTS5 a pass over every match (a word in most of
   * 100,000 articles: 60–100 ms), the adjacent ones are far fewer.
   */
  rankedIds(folded: string, adjacent: string | null, words: string, limit: number): RankedIds {
    // The newest matches of the words, one more than RANKED_MATCHES_MAX: whether the query is
    // broad, and, when it is, has no quoted part (`folded` is `words`) and the page is shorter than
    // that walk (so the walk holds the page whatever the adjacent group takes from it), the group
    // of the others too, without a second walk of the same matches (3–4 ms of a 35 ms search).
    const newestWords = newestFirst(
      JSON.parse(this.newestUpTo.get({ match: words, limit: this.rankedMatchesMax + 1 })!) as number[],
    );
    const broad = newestWords.length > this.rankedMatchesMax;
    const group = (match: string, excluding: readonly number[]) => {
      const seen = new Set(excluding);
      if (broad && match === words && limit <= newestWords.length)
        return firstNotIn(newestWords, seen, limit - excluding.length);
      if (broad)
        return this.newest.all({ match, limit: limit - excluding.length, excluding: JSON.stringify(excluding) });
      return this.ranked.all({ match, limit: limit + excluding.length }).filter((id) => !seen.has(id));
    };
    const first = adjacent === null ? [] : group(adjacent, []);
    if (first.length >= limit) return { ids: first, broad };
    return { ids: [...first, ...group(folded, first)].slice(0, limit), broad };
  }

  /**
   * `query` as the index should match it: the word being typed as a whole word when no term of
   * the index extends it (typing "an ninh", nothing else starts with "ninh"). The same articles
   * match either way, and a prefix costs FTS5 a merge of the doclists of every term it could
   * start, for each statement: 3–10 ms each for a word in most articles (a search runs two or
   * three). Snippets and the accent check keep the query as typed.
   */
  forIndex(query: SearchQuery): SearchQuery {
    const last = query.terms.at(-1);
    if (!query.lastIsPrefix || last === undefined) return query;
    return this.extension.get({ prefix: last }) === undefined ? { ...query, lastIsPrefix: false } : query;
  }

  articleText(articleId: number): ArticleText | undefined {
    return this.article.get(articleId);
  }
}

/**
 * The first `count` of `ids` not in `seen`, in order: a page of a walk of 10,001 matches, which
 * filtering whole made a first search in a process run a callback per match interpreted (~4 ms).
 */
function firstNotIn(ids: readonly number[], seen: ReadonlySet<number>, count: number): number[] {
  const found: number[] = [];
  for (let index = 0; index < ids.length && found.length < count; index++)
    if (!seen.has(ids[index]!)) found.push(ids[index]!);
  return found;
}

/** `ids` newest (greatest) first, as the walk read them: SQL does not promise an aggregate's order, so it is checked. */
function newestFirst(ids: number[]): number[] {
  for (let index = 1; index < ids.length; index++) if (ids[index]! > ids[index - 1]!) return ids.sort((x, y) => y - x);
  return ids;
}
