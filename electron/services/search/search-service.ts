import type { Database, Statement } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract/articles';
import { parseSearchQuery } from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';
import { displayTitleOf } from '../store/articles';
import { allPrefixesQuery, phrasePrefixQuery } from './fts-query';
import { EXACT_TABLE, FOLDED_TABLE } from './search-index';

/** A title match says more about an article than the same words in its body. */
const RANK = `bm25(${FOLDED_TABLE}, 2.0, 1.0)`;

/** Accent-insensitive full-text search over the library (index: migration 002, SearchIndex). */
export class SearchService {
  private readonly ranked: Statement<[{ folded: string; limit: number }], { id: number }>;
  private readonly rankedExactFirst: Statement<[{ folded: string; exact: string; limit: number }], { id: number }>;
  private readonly article: Statement<[number], { title: string | null; text: string }>;

  constructor(db: Database) {
    this.ranked = db.prepare(
      `SELECT rowid AS id FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @folded
       ORDER BY ${RANK}, rowid LIMIT @limit`,
    );
    this.rankedExactFirst = db.prepare(
      `SELECT rowid AS id FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @folded
       ORDER BY rowid IN (SELECT rowid FROM ${EXACT_TABLE} WHERE ${EXACT_TABLE} MATCH @exact) DESC,
         ${RANK}, rowid
       LIMIT @limit`,
    );
    this.article = db.prepare(`SELECT title, text FROM articles WHERE id = ?`);
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
    const ids = exactPhrase
      ? this.rankedExactFirst.all({ folded, exact: phrasePrefixQuery(exactPhrase), limit })
      : this.ranked.all({ folded, limit });
    return ids.map(({ id }) => this.hitFor(id, terms));
  }

  private hitFor(articleId: number, terms: readonly string[]): SearchHit {
    const row = this.article.get(articleId);
    // The index is written in the same transaction as the article, so the row exists.
    if (!row) throw new Error(`Search index names article ${articleId}, which does not exist.`);
    return {
      articleId,
      displayTitle: displayTitleOf(row.title, row.text.slice(0, 200)),
      ...snippetFor(row.title, row.text, terms),
    };
  }
}
