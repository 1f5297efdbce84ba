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
const RANK = `bm25(${FOLDED_TABLE}, 2.0, 1.0)`;

/**
 * 0 for an article whose words stand one after the other (`@adjacent`, an FTS5 phrase; NULL for
 * a one-word query), 1 otherwise: the first ORDER BY term of a relevance order. The subquery runs
 * once per statement.
 */
export const adjacentFirst = (idColumn: string): string =>
  `CASE WHEN @adjacent IS NOT NULL AND ${idColumn} IN
     (SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH coalesce(@adjacent, '""')) THEN 0 ELSE 1 END`;

export interface ArticleText {
  id: number;
  title: string | null;
  text: string;
}

/** The reads of SearchService: ranked matches in the index, and the texts they point to. */
export class SearchStore {
  private readonly ranked: Statement<[{ folded: string; adjacent: string | null; limit: number }], { id: number }>;
  private readonly article: Statement<[number], ArticleText>;

  constructor(db: Database) {
    this.ranked = db.prepare(
      `SELECT rowid AS id FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @folded
       ORDER BY ${adjacentFirst('rowid')}, ${RANK}, rowid LIMIT @limit`,
    );
    this.article = db.prepare(`SELECT id, title, text FROM articles WHERE id = ?`);
  }

  /**
   * Article ids matching the FTS5 query `folded`, best first: those matching `adjacent` (the words
   * one after the other) before the others, then by bm25.
   */
  rankedIds(folded: string, adjacent: string | null, limit: number): number[] {
    return this.ranked.all({ folded, adjacent, limit }).map(({ id }) => id);
  }

  articleText(articleId: number): ArticleText | undefined {
    return this.article.get(articleId);
  }
}
