import type { Database } from 'better-sqlite3';
import type { SearchHit } from '../../../shared/contract/articles';
import { exactPhraseTest, parseSearchQuery } from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';
import { displayTitleOf } from '../store/articles';
import { SearchStore, type ArticleText } from '../store/search-index';
import { adjacentQuery, searchMatchQuery, wordsQuery } from './fts-query';

/**
 * With diacritics in the query, exact-phrase articles are lifted from this many times the
 * page of best accent-insensitive matches. A second, accented index would find them all, but
 * would double the indexing work of every import.
 */
const EXACT_POOL_FACTOR = 4;

/** Accent-insensitive full-text search over the library (index: migration 002, store/search-index.ts). */
export class SearchService {
  private readonly store: SearchStore;

  /** `rankedMatchesMax`: RANKED_MATCHES_MAX (shared/search/query.ts), smaller in tests. */
  constructor(db: Database, rankedMatchesMax?: number) {
    this.store = new SearchStore(db, rankedMatchesMax);
  }

  /**
   * Articles containing every word of `query`, ignoring case and diacritics ("de xuat" finds
   * "đề xuất"), the last word as a prefix while it is typed ("an n" finds "an ninh"; "an ninh"
   * does not find "anh ninh"), and each quoted part as a phrase; those with the words one after
   * the other first, then by bm25 (newest first when the query is broad, see RANKED_MATCHES_MAX).
   * When the query carries diacritics, articles with the exact phrase come first. A query
   * without words returns [].
   */
  search(query: string, limit = 50): SearchHit[] {
    const parsed = parseSearchQuery(query);
    const { terms, exactPhrase, lastIsPrefix } = parsed;
    if (terms.length === 0) return [];
    const indexed = this.store.forIndex(parsed);
    const pool = this.store
      .rankedIds(
        searchMatchQuery(indexed),
        adjacentQuery(indexed),
        wordsQuery(indexed),
        exactPhrase ? limit * EXACT_POOL_FACTOR : limit,
      )
      .ids.map((id) => this.articleText(id));
    const ordered = exactPhrase ? exactFirst(pool, exactPhraseTest(exactPhrase, lastIsPrefix)) : pool;
    return ordered.slice(0, limit).map((row) => ({
      articleId: row.id,
      displayTitle: displayTitleOf(row.title, row.text.slice(0, 200)),
      ...snippetFor(row.title, row.text, parsed),
    }));
  }

  private articleText(articleId: number): ArticleText {
    const row = this.store.articleText(articleId);
    // The index is written in the same transaction as the article, so the row exists.
    if (!row) throw new Error(`Search index names article ${articleId}, which does not exist.`);
    return row;
  }
}

/** The articles whose title or text holds the exact phrase first, each group in its order. */
function exactFirst(pool: readonly ArticleText[], holdsPhrase: (text: string) => boolean): ArticleText[] {
  const exact = pool.map((row) => holdsPhrase(`${row.title ?? ''}\n${row.text}`));
  return [...pool.filter((_, index) => exact[index]), ...pool.filter((_, index) => !exact[index])];
}
