import type { Migration } from './types';

/**
 * An index on `articles.updated_at`, so the store watcher can ask "which articles changed since
 * T" by a range read. Without it that question scans every row, and `updated_at` sits after the
 * texts, in overflow pages: about a second at 10,000 articles.
 * Version 4: 3 is the change history (issue 8), written in parallel.
 */
export const migration004ArticleChangeIndex: Migration = {
  version: 4,
  name: 'index of article changes',
  up(db) {
    db.exec(`CREATE INDEX articles_by_updated_at ON articles(updated_at)`);
  },
};
