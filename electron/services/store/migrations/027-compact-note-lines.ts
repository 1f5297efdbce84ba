import { NOTE_LINES_TABLE, SPAN_KEY_FACTOR, spanSearchKey } from '../span-indexes';
import type { Migration } from './types';

/** `key` (a span key column) is one of article `id`'s (an SQL expression). */
const keyOfArticle = (key: string, id: string) =>
  `${key} BETWEEN ${id} * ${SPAN_KEY_FACTOR} AND ${id} * ${SPAN_KEY_FACTOR} + ${SPAN_KEY_FACTOR - 1}`;

/**
 * The labels of the spans covering note line `row` (a name for a NOTE_LINES_TABLE row, whose
 * article is its key's high half), each once, in text order: ordered by the first covering span
 * of each label in (start, end) order, then by label, as CorpusStore.labelsCovering lists them.
 */
const coveringLabels = (row: string) => `(SELECT json_group_array(label_key ORDER BY first, label_key) FROM (
    SELECT o.label_key, min(o.start * ${SPAN_KEY_FACTOR} + o."end") AS first FROM annotations o
    WHERE o.article_id = ${row}.span_key / ${SPAN_KEY_FACTOR} AND o.start <= ${row}.start AND o."end" >= ${row}."end"
    GROUP BY o.label_key))`;

/** The labels of the spans with exactly the range of note line `row`, each once, by label. */
const identicalLabels = (row: string) => `(SELECT json_group_array(DISTINCT o.label_key ORDER BY o.label_key)
    FROM annotations o WHERE o.article_id = ${row}.span_key / ${SPAN_KEY_FACTOR} AND o.start = ${row}.start
      AND o."end" = ${row}."end")`;

/** The line of span `row` (NEW) when it has a note, with its article's title and date; its labels are filled by recover(). */
const addLine = (row: string) => `
  INSERT INTO ${NOTE_LINES_TABLE} (span_key, label_key, start, "end", note, labels_json, identical_labels_json, title,
    published_at)
  SELECT ${spanSearchKey(row)}, ${row}.label_key, ${row}.start, ${row}."end", ${row}.note, '[]', NULL, a.title,
    a.published_at
  FROM articles a WHERE a.id = ${row}.article_id AND ${row}.note <> '';`;

/**
 * The labels of the lines inside the range of span `row` (NEW or OLD): the ones it covers or
 * stopped covering. Each line's two lists are computed once; the identical labels are stored only
 * when they differ from the covering ones (NULL: the same list).
 */
const recover = (row: string) => `
  UPDATE ${NOTE_LINES_TABLE} SET labels_json = c.labels, identical_labels_json = nullif(c.identical, c.labels)
  FROM (SELECT l.span_key AS line, ${coveringLabels('l')} AS labels, ${identicalLabels('l')} AS identical
        FROM ${NOTE_LINES_TABLE} l
        WHERE ${keyOfArticle('l.span_key', `${row}.article_id`)}
          AND l.start >= ${row}.start AND l."end" <= ${row}."end") AS c
  WHERE ${NOTE_LINES_TABLE}.span_key = c.line;`;

/**
 * The notes concordance's lines, smaller and with their article's title and date (issue 13,
 * sixth speed pass). Migration 026's lines were read by key, one per hit, each joined to the
 * index of titles and dates (025) for its article: for a phrase spread over the corpus ("báo số
 * 3": 4,212 hits in 4,212 articles) that is two lookups per hit in two structures of ~1,400 and
 * ~2,100 pages scattered over the file, and a first call in a process paid a page fault for most
 * of their pages (20–50 µs each on the bench machine). Now a hit is one row of one table:
 * - the article's title and date are copied into its lines, kept by a trigger on `articles`
 *   (a title or date edited rewrites the article's lines) and by the span triggers (a line
 *   written takes its article's);
 * - the span and article ids are not stored: both are the key's halves (spanSearchKey);
 * - the identical labels are NULL when they are the covering ones (most lines).
 *
 * Triggers keep it for every writer as 026's did (the pipeline with undo and redo, imports,
 * article deletes and label renames that cascade into spans).
 */
export const migration027CompactNoteLines: Migration = {
  version: 27,
  name: 'notes concordance lines with titles and dates, without the ids',
  up(db) {
    db.exec(`
      DROP TRIGGER note_lines_insert;
      DROP TRIGGER note_lines_update;
      DROP TRIGGER note_lines_delete;
      CREATE TABLE note_lines_027 (
        span_key INTEGER PRIMARY KEY,           -- spanSearchKey: article id × 2^32 + span id
        label_key TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        note TEXT NOT NULL,
        labels_json TEXT NOT NULL,              -- labels of the spans covering it, in text order
        identical_labels_json TEXT,             -- labels of the spans with exactly its range; NULL: labels_json
        title TEXT,                             -- its article's
        published_at TEXT
      ) STRICT;
      INSERT INTO note_lines_027 (span_key, label_key, start, "end", note, labels_json, identical_labels_json, title,
        published_at)
      SELECT n.span_key, n.label_key, n.start, n."end", n.note, n.labels_json,
        nullif(n.identical_labels_json, n.labels_json), a.title, a.published_at
      FROM ${NOTE_LINES_TABLE} n JOIN articles a ON a.id = n.article_id ORDER BY n.span_key;
      DROP TABLE ${NOTE_LINES_TABLE};
      ALTER TABLE note_lines_027 RENAME TO ${NOTE_LINES_TABLE};

      CREATE TRIGGER note_lines_insert AFTER INSERT ON annotations BEGIN
        ${addLine('NEW')}
        ${recover('NEW')}
      END;
      CREATE TRIGGER note_lines_update AFTER UPDATE OF article_id, label_key, start, "end", note ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.label_key IS NOT NEW.label_key OR OLD.start IS NOT NEW.start
          OR OLD."end" IS NOT NEW."end" OR OLD.note IS NOT NEW.note
      BEGIN
        DELETE FROM ${NOTE_LINES_TABLE} WHERE span_key = ${spanSearchKey('OLD')};
        ${addLine('NEW')}
        ${recover('OLD')}
        ${recover('NEW')}
      END;
      CREATE TRIGGER note_lines_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM ${NOTE_LINES_TABLE} WHERE span_key = ${spanSearchKey('OLD')};
        ${recover('OLD')}
      END;
      CREATE TRIGGER note_lines_article_update AFTER UPDATE OF title, published_at ON articles
        WHEN OLD.title IS NOT NEW.title OR OLD.published_at IS NOT NEW.published_at
      BEGIN
        UPDATE ${NOTE_LINES_TABLE} SET title = NEW.title, published_at = NEW.published_at
        WHERE ${keyOfArticle('span_key', 'NEW.id')};
      END;
    `);
  },
};
