import type { Database, Statement } from 'better-sqlite3';
import { foldVietnamese } from '../../../shared/text/fold';

/**
 * The full-text table of migration 002: title and text folded by `foldVietnamese`, for
 * accent-insensitive matching. Contentless (the text lives in `articles`; snippets and the
 * exact-phrase ranking read it from there) and keyed by the article id.
 */
export const FOLDED_TABLE = 'article_search';

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

/** The reads of SearchService: ranked matches in the index, and the texts they point to. */
export class SearchStore {
  private readonly ranked: Statement<[{ match: string; limit: number }], number>;
  private readonly article: Statement<[number], ArticleText>;

  constructor(db: Database) {
    this.ranked = db
      .prepare<[{ match: string; limit: number }], number>(
        `SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @match ORDER BY ${RANK}, rowid LIMIT @limit`,
      )
      .pluck();
    this.article = db.prepare(`SELECT id, title, text FROM articles WHERE id = ?`);
  }

  /**
   * Article ids matching the FTS5 query `folded`, best first: those matching `adjacent` (the words
   * one after the other) before the others, each group by bm25. The group of the others is ranked
   * only when the adjacent matches do not fill `limit`: bm25 costs FTS5 a pass over every match
   * (a word in most of 100,000 articles: 60–100 ms), the adjacent ones are far fewer.
   */
  rankedIds(folded: string, adjacent: string | null, limit: number): number[] {
    const first = adjacent === null ? [] : this.ranked.all({ match: adjacent, limit });
    if (first.length >= limit) return first;
    const seen = new Set(first);
    const rest = this.ranked.all({ match: folded, limit: limit + first.length }).filter((id) => !seen.has(id));
    return [...first, ...rest].slice(0, limit);
  }

  articleText(articleId: number): ArticleText | undefined {
    return this.article.get(articleId);
  }
}
