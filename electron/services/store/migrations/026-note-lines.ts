import { NOTE_LINES_TABLE, NOTES_INDEX, SPAN_KEY_FACTOR, spanSearchKey } from '../span-indexes';
import type { Migration } from './types';

/**
 * The labels of the spans covering note line `row` (a name for a NOTE_LINES_TABLE row), each
 * once, in text order: ordered by the first covering span of each label in (start, end) order,
 * then by label, as CorpusStore.labelsCovering lists them for a range.
 */
const coveringLabels = (row: string) => `(SELECT json_group_array(label_key ORDER BY first, label_key) FROM (
    SELECT o.label_key, min(o.start * ${SPAN_KEY_FACTOR} + o."end") AS first FROM annotations o
    WHERE o.article_id = ${row}.article_id AND o.start <= ${row}.start AND o."end" >= ${row}."end"
    GROUP BY o.label_key))`;

/** The labels of the spans with exactly the range of note line `row`, each once, by label. */
const identicalLabels = (row: string) => `(SELECT json_group_array(DISTINCT o.label_key ORDER BY o.label_key)
    FROM annotations o WHERE o.article_id = ${row}.article_id AND o.start = ${row}.start AND o."end" = ${row}."end")`;

/** The line of span `row` (NEW or OLD) when it has a note; its labels are filled by recover(). */
const addLine = (row: string) => `
  INSERT INTO ${NOTE_LINES_TABLE} (span_key, annotation_id, article_id, label_key, start, "end", note, labels_json,
    identical_labels_json)
  SELECT ${spanSearchKey(row)}, ${row}.id, ${row}.article_id, ${row}.label_key, ${row}.start, ${row}."end", ${row}.note,
    '[]', '[]' WHERE ${row}.note <> '';`;

/** The labels of the lines inside the range of span `row` (NEW or OLD): the ones it covers or stopped covering. */
const recover = (row: string) => `
  UPDATE ${NOTE_LINES_TABLE} SET labels_json = ${coveringLabels(NOTE_LINES_TABLE)},
    identical_labels_json = ${identicalLabels(NOTE_LINES_TABLE)}
  WHERE span_key BETWEEN ${row}.article_id * ${SPAN_KEY_FACTOR} AND ${row}.article_id * ${SPAN_KEY_FACTOR} + ${SPAN_KEY_FACTOR - 1}
    AND start >= ${row}.start AND "end" <= ${row}."end";`;

/**
 * The notes concordance's lines in a table of their own (issue 13): each span with a note, in the
 * order of the quote and note index (article, then span), with the labels covering it already
 * listed. The concordance read them with a join per hit into `annotations_by_article`, whose
 * pages (1,000,000 spans, written span by span) lie scattered over the file: a first query for
 * a phrase in notes across the corpus ("báo số 3", 4,212 hits) touched ~2,400 pages of it not yet
 * mapped, each a page fault of 20–50 µs on this machine, and the join was a third of a warm
 * query. Now a hit is one row of this table, next to its neighbours.
 *
 * Triggers keep it for every writer (the pipeline with undo and redo, imports, article deletes and
 * label renames that cascade into spans): a span written, moved, relabelled or deleted changes its
 * own line and the labels of the lines inside its range. It replaces the index of migration 022
 * (the spans with a note), which only the notes concordance read.
 */
export const migration026NoteLines: Migration = {
  version: 26,
  name: 'notes concordance lines with their covering labels',
  up(db) {
    db.exec(`
      CREATE TABLE ${NOTE_LINES_TABLE} (
        span_key INTEGER PRIMARY KEY,           -- spanSearchKey: article id × 2^32 + span id
        annotation_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        label_key TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        note TEXT NOT NULL,
        labels_json TEXT NOT NULL,              -- labels of the spans covering it, in text order
        identical_labels_json TEXT NOT NULL     -- labels of the spans with exactly its range
      ) STRICT;
      INSERT INTO ${NOTE_LINES_TABLE} (span_key, annotation_id, article_id, label_key, start, "end", note, labels_json,
        identical_labels_json)
      SELECT ${spanSearchKey('n')}, n.id, n.article_id, n.label_key, n.start, n."end", n.note, ${coveringLabels('n')},
        ${identicalLabels('n')}
      FROM annotations n WHERE n.note <> '' ORDER BY 1;
      DROP INDEX ${NOTES_INDEX};

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
    `);
  },
};
