import type { Database, Statement } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract/articles';
import { containsExactPhrase, parseSearchQuery } from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';
import { displayTitleOf } from '../store/articles';
import { allPrefixesQuery } from './fts-query';
import { FOLDED_TABLE } from './search-index';

/** A title match says more about an article than the same words in its body. */
const RANK = `bm25(${FOLDED_TABLE}, 2.0, 1.0)`;

/**
 * With diacritics in the query, exact-phrase articles are lifted from this many times the
 * page of best accent-insensitive matches. A second, accented index would find them all, but
 * would double the indexing work of every import.
 */
const EXACT_POOL_FACTOR = 4;

interface ArticleText {
  id: number;
  title: string | null;
  text: string;
}

/** Accent-insensitive full-text search over the library (index: migration 002, SearchIndex). */
export class SearchService {
  private readonly ranked: Statement<[{ folded: string; limit: number }], { id: number }>;
  private readonly article: Statement<[number], ArticleText>;

  constructor(db: Database) {
    this.ranked = db.prepare(
      `SELECT rowid AS id FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @folded
       ORDER BY ${RANK}, rowid LIMIT @limit`,
    );
    this.article = db.prepare(`SELECT id, title, text FROM articles WHERE id = ?`);
  }

  /**
   * Articles containing every word of `query` as a word prefix, ignoring case and diacritics
   * ("de xuat" finds "đề xuất"), best first by bm25. When the query carries diacritics, articles
   * with the exact phrase come first. A query without words returns [].
   */
  search(query: string, limit = 50): SearchHit[] {
    const { terms, exactPhrase } = parseSearchQuery(query);
    if (terms.length === 0) return [];
    const folded = allPrefixesQuery(terms);
    const pool = this.ranked
      .all({ folded, limit: exactPhrase ? limit * EXACT_POOL_FACTOR : limit })
      .map(({ id }) => this.articleText(id));
    const ordered = exactPhrase
      ? [
          ...pool.filter((row) => containsExactPhrase(`${row.title ?? ''}\n${row.text}`, exactPhrase)),
          ...pool.filter((row) => !containsExactPhrase(`${row.title ?? ''}\n${row.text}`, exactPhrase)),
        ]
      : pool;
    return ordered.slice(0, limit).map((row) => ({
      articleId: row.id,
      displayTitle: displayTitleOf(row.title, row.text.slice(0, 200)),
      ...snippetFor(row.title, row.text, terms),
    }));
  }

  private articleText(articleId: number): ArticleText {
    const row = this.article.get(articleId);
    // The index is written in the same transaction as the article, so the row exists.
    if (!row) throw new Error(`Search index names article ${articleId}, which does not exist.`);
    return row;
  }
}
