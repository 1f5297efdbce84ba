import {
  ANNOTATION_SEARCH_TABLE,
  ATTRIBUTE_VALUES_TABLE,
  FOLD_FUNCTION,
  SPAN_KEY_FACTOR,
  spanSearchKey,
} from '../span-indexes';
import type { Migration } from './types';

/** The rows of the span NEW in the attribute values table: one per value, a list's items apart. */
const ADD_VALUES = `
  INSERT INTO ${ATTRIBUTE_VALUES_TABLE} (annotation_id, article_id, label_key, attribute_key, value_type, value)
    SELECT NEW.id, NEW.article_id, NEW.label_key, k.key, item.type, item.value
    FROM json_each(NEW.attributes_json) AS k, json_each(NEW.attributes_json, k.fullkey) AS item;`;

const ADD_TEXTS = `
  SELECT RAISE(ABORT, 'annotation_search: article or annotation id beyond 2^32')
    WHERE NEW.id >= ${SPAN_KEY_FACTOR} OR NEW.article_id >= ${SPAN_KEY_FACTOR};
  INSERT INTO ${ANNOTATION_SEARCH_TABLE} (rowid, quote, note)
    VALUES (${spanSearchKey('NEW')}, ${FOLD_FUNCTION}(NEW.quote), ${FOLD_FUNCTION}(NEW.note));`;

/**
 * Indexes for the corpus's span searches (issue 13), kept by triggers on `annotations` so every
 * writer (the pipeline with its undo and redo, imports, article deletes and label renames that
 * cascade into spans) keeps them right without knowing they exist:
 * - `annotation_attribute_values`: each attribute value of each span as a row (a list's items one
 *   by one, as `json_each` walks them), so the library's "has attribute value" filter reads an
 *   index instead of parsing the JSON of every span of the label (0.3–0.6 s at 1,000,000 spans);
 * - `annotation_search`: quotes and notes folded for accent-insensitive full-text search, as
 *   `article_search` (migration 002) holds texts, so the concordance in quotes and notes reads
 *   the matching spans only (it folded every span of the label, or every note, in TypeScript).
 *   Its rowid is the article id and the annotation id in one (spanSearchKey), so matches come in
 *   article order without a sort and the concordance can stop at its limit.
 *   Folding needs the SQL function of span-indexes.ts, registered by openDatabase.
 */
export const migration021SpanSearchIndexes: Migration = {
  version: 21,
  name: 'span attribute values and quote and note search',
  up(db) {
    const largest = db.prepare(`SELECT max(max(id), max(article_id)) FROM annotations`).pluck().get() as number | null;
    if (largest !== null && largest >= SPAN_KEY_FACTOR) {
      throw new Error(
        `Migration 021: an annotation or article id (${largest}) is beyond 2^32; the span search key cannot hold it.`,
      );
    }
    db.exec(`
      CREATE TABLE ${ATTRIBUTE_VALUES_TABLE} (
        annotation_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        label_key TEXT NOT NULL,
        attribute_key TEXT NOT NULL,
        value_type TEXT NOT NULL,               -- json_each's type: text, integer, real, true, false
        value ANY                               -- json_each's value (true/false as 1/0)
      ) STRICT;
      INSERT INTO ${ATTRIBUTE_VALUES_TABLE} (annotation_id, article_id, label_key, attribute_key, value_type, value)
        SELECT n.id, n.article_id, n.label_key, k.key, item.type, item.value
        FROM annotations n, json_each(n.attributes_json) AS k, json_each(n.attributes_json, k.fullkey) AS item
        WHERE n.attributes_json <> '{}';
      CREATE INDEX annotation_attribute_values_lookup
        ON ${ATTRIBUTE_VALUES_TABLE} (label_key, attribute_key, article_id, value_type, value);
      CREATE INDEX annotation_attribute_values_by_annotation ON ${ATTRIBUTE_VALUES_TABLE} (annotation_id);

      CREATE TRIGGER annotation_attribute_values_insert AFTER INSERT ON annotations
        WHEN NEW.attributes_json <> '{}'
      BEGIN ${ADD_VALUES}
      END;
      CREATE TRIGGER annotation_attribute_values_update AFTER UPDATE OF article_id, label_key, attributes_json
        ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.label_key IS NOT NEW.label_key
          OR OLD.attributes_json IS NOT NEW.attributes_json
      BEGIN
        DELETE FROM ${ATTRIBUTE_VALUES_TABLE} WHERE annotation_id = OLD.id;
        ${ADD_VALUES}
      END;
      CREATE TRIGGER annotation_attribute_values_delete AFTER DELETE ON annotations
        WHEN OLD.attributes_json <> '{}'
      BEGIN
        DELETE FROM ${ATTRIBUTE_VALUES_TABLE} WHERE annotation_id = OLD.id;
      END;

      CREATE VIRTUAL TABLE ${ANNOTATION_SEARCH_TABLE} USING fts5(
        quote, note, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO ${ANNOTATION_SEARCH_TABLE} (rowid, quote, note)
        SELECT ${spanSearchKey('annotations')}, ${FOLD_FUNCTION}(quote), ${FOLD_FUNCTION}(note) FROM annotations;

      CREATE TRIGGER annotation_search_insert AFTER INSERT ON annotations BEGIN ${ADD_TEXTS}
      END;
      CREATE TRIGGER annotation_search_update AFTER UPDATE OF article_id, quote, note ON annotations
        WHEN OLD.article_id IS NOT NEW.article_id OR OLD.quote IS NOT NEW.quote OR OLD.note IS NOT NEW.note
      BEGIN
        DELETE FROM ${ANNOTATION_SEARCH_TABLE} WHERE rowid = ${spanSearchKey('OLD')};
        ${ADD_TEXTS}
      END;
      CREATE TRIGGER annotation_search_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM ${ANNOTATION_SEARCH_TABLE} WHERE rowid = ${spanSearchKey('OLD')};
      END;
    `);
  },
};
