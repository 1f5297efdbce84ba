import type { Migration } from './types';

/** Articles' titles and dates by id (CorpusStore.lineArticles reads them through it by name). */
export const ARTICLE_LINE_INDEX = 'articles_title_and_date';

/**
 * What a concordance line shows of its article beside the hit, its title and date, in an index of
 * their own (issue 13). In `articles` they sit behind the raw and canonical texts, so reading them
 * for the 4,000 articles of a notes concordance read a table page (or an overflow chain) per
 * article: 20–35 ms CPU of a 50 ms target at 100,000 articles, 5 ms from this index. Kept by
 * SQLite for every writer; an import writes one more short entry per article.
 */
export const migration025ConcordanceLineIndex: Migration = {
  version: 25,
  name: 'article titles and dates for concordance lines',
  up(db) {
    db.exec(`CREATE INDEX ${ARTICLE_LINE_INDEX} ON articles (id, title, published_at)`);
  },
};
