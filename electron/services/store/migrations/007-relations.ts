import { DEFAULT_RELATION_TYPES } from '../../../../shared/domain/relations';
import type { Migration } from './types';

/**
 * Relations between two spans of one article, and their types in the schema (issue 12).
 * Version 7: 005 and 006 (labels, attributes) are written in parallel and independent of this.
 *
 * A span's relations are deleted by the change pipeline before the span (so undo restores both);
 * the ON DELETE CASCADE only covers deletions outside it (an article removed with its spans).
 */
export const migration007Relations: Migration = {
  version: 7,
  name: 'relations and relation types',
  up(db) {
    db.exec(`
      CREATE TABLE relation_types (
        key TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*'),
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        directed INTEGER NOT NULL CHECK (directed IN (0, 1)),
        head_labels_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(head_labels_json)),
        tail_labels_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tail_labels_json)),
        color TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: an exported relation id is never reused by a later relation.
      CREATE TABLE relations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type_key TEXT NOT NULL REFERENCES relation_types(key) ON UPDATE CASCADE,
        head_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tail_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        note TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'import', 'model', 'merge')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (head_id <> tail_id),
        UNIQUE (type_key, head_id, tail_id)
      ) STRICT;
      CREATE INDEX relations_by_article ON relations(article_id);
      CREATE INDEX relations_by_head ON relations(head_id);
      CREATE INDEX relations_by_tail ON relations(tail_id);
    `);
    const insertType = db.prepare(
      `INSERT INTO relation_types (key, name_vi, name_en, directed, head_labels_json, tail_labels_json, color, sort_order)
       VALUES (@key, @nameVi, @nameEn, @directed, @headLabels, @tailLabels, @color, @sortOrder)`,
    );
    for (const type of DEFAULT_RELATION_TYPES) {
      insertType.run({
        ...type,
        directed: type.directed ? 1 : 0,
        headLabels: JSON.stringify(type.headLabels),
        tailLabels: JSON.stringify(type.tailLabels),
      });
    }
  },
};
