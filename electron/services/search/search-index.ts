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
  private readonly putFolded: Statement;

  constructor(db: Database) {
    this.putFolded = db.prepare(`INSERT OR REPLACE INTO ${FOLDED_TABLE} (rowid, title, body) VALUES (?, ?, ?)`);
  }

  put(articleId: number, title: string | null, text: string): void {
    this.putFolded.run(articleId, foldVietnamese(title ?? ''), foldVietnamese(text));
  }
}
