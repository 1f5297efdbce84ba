import type { Migration } from './types';

/**
 * The month a span counts under on the dashboard: `YYYY-MM` of a publication date that has one,
 * else `undated` (no date, a year alone). `published` is an SQL expression. The triggers below
 * and the dashboard's scan over a filtered library (store/corpus.ts) use this one definition.
 */
export const monthOf = (published: string): string =>
  `CASE WHEN ${published} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(${published}, 1, 7) ELSE 'undated' END`;

/**
 * Adds (`sign` 1) or takes away (-1) the span `row` (NEW or OLD) in every counter. `others` are the
 * article's other spans: an author's article count and a label pair count only when the span is
 * the first (or was the last) of its author or label in the article.
 */
function countSpan(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const others = `article_id = ${row}.article_id AND id <> ${row}.id`;
  return `
    INSERT INTO dashboard_label_month (label_key, month, spans)
      SELECT ${row}.label_key, ${monthOf('published_at')}, ${sign} FROM library_facets WHERE article_id = ${row}.article_id
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans;
    INSERT INTO dashboard_label_source (label_key, source, spans)
      SELECT ${row}.label_key, coalesce(source, ''), ${sign} FROM library_facets WHERE article_id = ${row}.article_id
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans;
    INSERT INTO dashboard_label_quote (label_key, quote, spans) VALUES (${row}.label_key, ${row}.quote, ${sign})
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans;
    INSERT INTO dashboard_author (author, spans, articles)
      SELECT ${row}.author, ${sign},
        CASE WHEN EXISTS (SELECT 1 FROM annotations WHERE author = ${row}.author AND ${others}) THEN 0 ELSE ${sign} END
      WHERE true
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans, articles = articles + excluded.articles;
    INSERT INTO dashboard_label_pair (a, b, articles)
      SELECT min(${row}.label_key, other.label_key), max(${row}.label_key, other.label_key), ${sign}
      FROM (SELECT DISTINCT label_key FROM annotations WHERE ${others} AND label_key <> ${row}.label_key) other
      WHERE NOT EXISTS (SELECT 1 FROM annotations WHERE label_key = ${row}.label_key AND ${others})
      ON CONFLICT DO UPDATE SET articles = articles + excluded.articles;`;
}

/** Moves an article's spans from its old month or source (`row` OLD, -1) to its new one (NEW, 1). */
function countArticle(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `
    INSERT INTO dashboard_label_month (label_key, month, spans)
      SELECT label_key, ${monthOf(`${row}.published_at`)}, ${sign} * count(*) FROM annotations
      WHERE article_id = ${row}.article_id GROUP BY label_key
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans;
    INSERT INTO dashboard_label_source (label_key, source, spans)
      SELECT label_key, coalesce(${row}.source, ''), ${sign} * count(*) FROM annotations
      WHERE article_id = ${row}.article_id GROUP BY label_key
      ON CONFLICT DO UPDATE SET spans = spans + excluded.spans;`;
}

/**
 * The dashboard over the whole corpus reads counters, not the spans (issue 13: < 300 ms over
 * 1,000,000 spans; scanning `annotations` took seconds): spans per label × month, per label ×
 * source, per label × quote (the top entities), per author (with the articles they annotated),
 * and articles per pair of labels found together. Triggers keep them right for every writer (the
 * pipeline, imports, label renames cascading into `annotations`, other connections) and follow an
 * article's date or source when it changes. A count that falls to zero stays as a row; readers
 * skip it.
 *
 * An article deleted takes its spans away first (BEFORE DELETE), while its facets still say which
 * month and source they counted under; the cascades that follow find nothing left.
 */
export const migration015DashboardCounters: Migration = {
  version: 15,
  name: 'dashboard counters',
  up(db) {
    db.exec(`
      CREATE TABLE dashboard_label_month (
        label_key TEXT NOT NULL, month TEXT NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (label_key, month)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_label_source (
        label_key TEXT NOT NULL, source TEXT NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (label_key, source)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_label_quote (
        label_key TEXT NOT NULL, quote TEXT NOT NULL, spans INTEGER NOT NULL, PRIMARY KEY (label_key, quote)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX dashboard_label_quote_top ON dashboard_label_quote (spans DESC, label_key, quote);
      CREATE TABLE dashboard_author (
        author TEXT PRIMARY KEY, spans INTEGER NOT NULL, articles INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_label_pair (
        a TEXT NOT NULL, b TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (a, b)
      ) WITHOUT ROWID, STRICT;

      INSERT INTO dashboard_label_month (label_key, month, spans)
        SELECT n.label_key, ${monthOf('f.published_at')}, count(*)
        FROM annotations n JOIN library_facets f ON f.article_id = n.article_id GROUP BY 1, 2;
      INSERT INTO dashboard_label_source (label_key, source, spans)
        SELECT n.label_key, coalesce(f.source, ''), count(*)
        FROM annotations n JOIN library_facets f ON f.article_id = n.article_id GROUP BY 1, 2;
      INSERT INTO dashboard_label_quote (label_key, quote, spans)
        SELECT label_key, quote, count(*) FROM annotations GROUP BY 1, 2;
      INSERT INTO dashboard_author (author, spans, articles)
        SELECT author, count(*), count(DISTINCT article_id) FROM annotations GROUP BY 1;
      INSERT INTO dashboard_label_pair (a, b, articles)
        WITH present AS MATERIALIZED (SELECT DISTINCT article_id, label_key FROM annotations)
        SELECT x.label_key, y.label_key, count(*) FROM present x
        JOIN present y ON y.article_id = x.article_id AND y.label_key > x.label_key GROUP BY 1, 2;

      CREATE TRIGGER dashboard_span_insert AFTER INSERT ON annotations BEGIN ${countSpan('NEW', 1)}
      END;
      CREATE TRIGGER dashboard_span_delete AFTER DELETE ON annotations BEGIN ${countSpan('OLD', -1)}
      END;
      CREATE TRIGGER dashboard_span_update AFTER UPDATE OF article_id, label_key, quote, author ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.label_key IS NOT NEW.label_key
          OR OLD.quote IS NOT NEW.quote OR OLD.author IS NOT NEW.author
      BEGIN ${countSpan('OLD', -1)} ${countSpan('NEW', 1)}
      END;
      CREATE TRIGGER dashboard_article_moved AFTER UPDATE OF published_at, source ON library_facets
        WHEN OLD.published_at IS NOT NEW.published_at OR OLD.source IS NOT NEW.source
      BEGIN ${countArticle('OLD', -1)} ${countArticle('NEW', 1)}
      END;
      CREATE TRIGGER dashboard_article_delete BEFORE DELETE ON articles BEGIN
        DELETE FROM annotations WHERE article_id = OLD.id;
      END;
    `);
  },
};
