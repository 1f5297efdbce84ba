import type { Migration } from './types';

/** Per-article counter tables: the column a span is counted by beside its article. */
const ARTICLE_COUNTERS = [
  { table: 'dashboard_article_label', column: 'label_key' },
  { table: 'dashboard_article_author', column: 'author' },
] as const;

/** Adds the span NEW to its article's row in each table. */
const ADD_SPAN = ARTICLE_COUNTERS.map(
  ({ table, column }) => `
    INSERT INTO ${table} (article_id, ${column}, spans) VALUES (NEW.article_id, NEW.${column}, 1)
      ON CONFLICT DO UPDATE SET spans = spans + 1;`,
).join('');

/** Takes the span OLD away; a row at zero goes, so a row means "the article has one". */
const REMOVE_SPAN = ARTICLE_COUNTERS.map(
  ({ table, column }) => `
    UPDATE ${table} SET spans = spans - 1 WHERE article_id = OLD.article_id AND ${column} = OLD.${column};
    DELETE FROM ${table} WHERE article_id = OLD.article_id AND ${column} = OLD.${column} AND spans = 0;`,
).join('');

/**
 * The dashboard under a library filter (issue 13: < 300 ms over 1,000,000 spans) reads per-article
 * counters instead of the spans in scope: spans per article × label (`dashboard_article_label`)
 * and per article × author (`dashboard_article_author`), a row only while the count is above
 * zero. Scoped by article id through their primary keys, they give the spans per label × month and
 * × source (joined to the article's facets), the label pairs per article (the rows themselves) and
 * the spans and articles per author, without reading a row of `annotations` (wide rows, one page
 * each: 0.6 s CPU for the 40,000 spans of one source out of 24). Triggers on `annotations` keep
 * them for every writer, as migration 015's counters (a label rename cascades as an update of the
 * span; an article deleted takes its spans first, migration 015).
 */
export const migration023DashboardArticleCounters: Migration = {
  version: 23,
  name: 'per-article dashboard counters',
  up(db) {
    db.exec(`
      CREATE TABLE dashboard_article_label (
        article_id INTEGER NOT NULL, label_key TEXT NOT NULL, spans INTEGER NOT NULL,
        PRIMARY KEY (article_id, label_key)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_article_author (
        article_id INTEGER NOT NULL, author TEXT NOT NULL, spans INTEGER NOT NULL,
        PRIMARY KEY (article_id, author)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO dashboard_article_label (article_id, label_key, spans)
        SELECT article_id, label_key, count(*) FROM annotations GROUP BY 1, 2;
      INSERT INTO dashboard_article_author (article_id, author, spans)
        SELECT article_id, author, count(*) FROM annotations GROUP BY 1, 2;

      CREATE TRIGGER dashboard_article_span_insert AFTER INSERT ON annotations BEGIN ${ADD_SPAN}
      END;
      CREATE TRIGGER dashboard_article_span_delete AFTER DELETE ON annotations BEGIN ${REMOVE_SPAN}
      END;
      CREATE TRIGGER dashboard_article_span_update AFTER UPDATE OF article_id, label_key, author ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.label_key IS NOT NEW.label_key OR OLD.author IS NOT NEW.author
      BEGIN ${REMOVE_SPAN} ${ADD_SPAN}
      END;
    `);
  },
};
