import type { Database, Statement } from 'better-sqlite3';
import { foldVietnamese } from '../../../shared/text/fold';

/**
 * The two full-text tables of migration 002, both contentless (the text lives in `articles`;
 * snippets are cut from there) and keyed by the article id:
 * - `article_search`: title and text folded by `foldVietnamese`, for accent-insensitive matching;
 * - `article_search_exact`: title and text as written (NFC; the tokenizer lowers case), to
 *   rank articles containing the exact accented phrase first.
 */
export const FOLDED_TABLE = 'article_search';
export const EXACT_TABLE = 'article_search_exact';

/**
 * Writes an article's rows in both tables. Every article write goes through here, in the
 * write's own transaction, so the index never disagrees with the articles.
 */
export class SearchIndex {
  private readonly putFolded: Statement;
  private readonly putExact: Statement;

  constructor(db: Database) {
    this.putFolded = db.prepare(`INSERT OR REPLACE INTO ${FOLDED_TABLE} (rowid, title, body) VALUES (?, ?, ?)`);
    this.putExact = db.prepare(`INSERT OR REPLACE INTO ${EXACT_TABLE} (rowid, title, body) VALUES (?, ?, ?)`);
  }

  put(articleId: number, title: string | null, text: string): void {
    const exactTitle = (title ?? '').normalize('NFC');
    const exactText = text.normalize('NFC');
    this.putFolded.run(articleId, foldVietnamese(exactTitle), foldVietnamese(exactText));
    this.putExact.run(articleId, exactTitle, exactText);
  }
}
