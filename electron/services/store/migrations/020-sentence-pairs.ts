import { SentenceStore } from '../sentences';
import type { Migration } from './types';

/**
 * The sentences a span (`row`, NEW or OLD) touches: from the one holding its start to the last one
 * starting before its end. A span across two sentences counts in both.
 */
const touched = (row: 'NEW' | 'OLD') => `
  SELECT s.start FROM article_sentences s
  WHERE s.article_id = ${row}.article_id AND s.start < ${row}."end"
    AND s.start >= (SELECT max(start) FROM article_sentences WHERE article_id = ${row}.article_id AND start <= ${row}.start)`;

/**
 * Adds the span NEW to its sentences' label sets; a label new to a sentence pairs with every
 * other label there (one more sentence for each pair).
 */
const ADD_SPAN = `
  INSERT INTO dashboard_label_pair_sentence (a, b, sentences)
    SELECT min(NEW.label_key, o.label_key), max(NEW.label_key, o.label_key), count(*)
    FROM dashboard_sentence_label o
    WHERE o.article_id = NEW.article_id AND o.label_key <> NEW.label_key AND o.sentence_start IN (${touched('NEW')})
      AND NOT EXISTS (SELECT 1 FROM dashboard_sentence_label m
        WHERE m.article_id = NEW.article_id AND m.sentence_start = o.sentence_start AND m.label_key = NEW.label_key)
    GROUP BY o.label_key
    ON CONFLICT DO UPDATE SET sentences = sentences + excluded.sentences;
  INSERT INTO dashboard_sentence_label (article_id, sentence_start, label_key, spans)
    SELECT NEW.article_id, t.start, NEW.label_key, 1 FROM (${touched('NEW')}) t WHERE true
    ON CONFLICT DO UPDATE SET spans = spans + 1;`;

/**
 * Takes the span OLD away; a label gone from a sentence unpairs from the labels left there. Every
 * statement names the sentences, so each reads a few primary-key entries, not the article's rows.
 */
const REMOVE_SPAN = `
  UPDATE dashboard_sentence_label SET spans = spans - 1
    WHERE article_id = OLD.article_id AND sentence_start IN (${touched('OLD')}) AND label_key = OLD.label_key;
  INSERT INTO dashboard_label_pair_sentence (a, b, sentences)
    SELECT min(OLD.label_key, o.label_key), max(OLD.label_key, o.label_key), -count(*)
    FROM dashboard_sentence_label z
    JOIN dashboard_sentence_label o ON o.article_id = z.article_id AND o.sentence_start = z.sentence_start
      AND o.label_key <> z.label_key
    WHERE z.article_id = OLD.article_id AND z.sentence_start IN (${touched('OLD')}) AND z.label_key = OLD.label_key
      AND z.spans = 0
    GROUP BY o.label_key
    ON CONFLICT DO UPDATE SET sentences = sentences + excluded.sentences;
  DELETE FROM dashboard_sentence_label WHERE article_id = OLD.article_id AND sentence_start IN (${touched('OLD')})
    AND label_key = OLD.label_key AND spans = 0;`;

/**
 * Label pairs per sentence on the dashboard (issue 13 §4: "label co-occurrence within sentences"),
 * kept as cheap as the per-article counters of migration 015: `article_sentences` holds where each
 * sentence of an annotated article starts (written in TypeScript by SentenceStore before the
 * article's first span, since SQL has no sentence splitter); `dashboard_sentence_label` which
 * labels each sentence holds (with their span counts), and `dashboard_label_pair_sentence` in how
 * many sentences each pair of labels meets. Triggers on `annotations` keep them for every writer
 * (label renames cascade as updates). Existing annotated articles get their sentences here.
 */
export const migration020SentencePairs: Migration = {
  version: 20,
  name: 'label pairs per sentence',
  up(db) {
    db.exec(`
      CREATE TABLE article_sentences (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        PRIMARY KEY (article_id, start)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_sentence_label (
        article_id INTEGER NOT NULL, sentence_start INTEGER NOT NULL, label_key TEXT NOT NULL, spans INTEGER NOT NULL,
        PRIMARY KEY (article_id, sentence_start, label_key)
      ) WITHOUT ROWID, STRICT;
      CREATE TABLE dashboard_label_pair_sentence (
        a TEXT NOT NULL, b TEXT NOT NULL, sentences INTEGER NOT NULL, PRIMARY KEY (a, b)
      ) WITHOUT ROWID, STRICT;
    `);
    const sentences = new SentenceStore(db);
    const annotated = db.prepare(`SELECT DISTINCT article_id FROM annotations`).pluck().all() as number[];
    for (const articleId of annotated) sentences.ensure(articleId);
    db.exec(`
      INSERT INTO dashboard_sentence_label (article_id, sentence_start, label_key, spans)
        SELECT n.article_id, s.start, n.label_key, count(*) FROM annotations n
        JOIN article_sentences s ON s.article_id = n.article_id AND s.start < n."end"
          AND s.start >= (SELECT max(start) FROM article_sentences WHERE article_id = n.article_id AND start <= n.start)
        GROUP BY 1, 2, 3;
      INSERT INTO dashboard_label_pair_sentence (a, b, sentences)
        SELECT x.label_key, y.label_key, count(*) FROM dashboard_sentence_label x
        JOIN dashboard_sentence_label y ON y.article_id = x.article_id AND y.sentence_start = x.sentence_start
          AND y.label_key > x.label_key
        GROUP BY 1, 2;

      CREATE TRIGGER dashboard_sentence_span_insert AFTER INSERT ON annotations BEGIN ${ADD_SPAN}
      END;
      CREATE TRIGGER dashboard_sentence_span_delete AFTER DELETE ON annotations BEGIN ${REMOVE_SPAN}
      END;
      CREATE TRIGGER dashboard_sentence_span_update AFTER UPDATE OF article_id, label_key, start, "end" ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.label_key IS NOT NEW.label_key
          OR OLD.start IS NOT NEW.start OR OLD."end" IS NOT NEW."end"
      BEGIN ${REMOVE_SPAN} ${ADD_SPAN}
      END;
    `);
  },
};
