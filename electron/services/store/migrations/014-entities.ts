import type { Migration } from './types';

/**
 * The entity registry (issue 12): entities with a canonical name and a type (a label key),
 * their aliases, and links from mention spans to them.
 * - `name_folded` and `alias_folded` hold `foldVietnamese` of the text, so "to lam" finds "Tô Lâm"
 *   the way the library search does; they are written beside the text by the store.
 * - `merged_into`: a merged entity stays as a redirect to the one it was merged into, so ids in
 *   exported files keep resolving; lists and search skip redirects.
 * - A link is one row per span (a span names one entity); it goes with its span.
 * Version 14, not the 8 first assigned: the runner applies only versions above a database's own, so a
 * database already at 12 (made before entities landed) would never get these tables under 8.
 * 13 is left to the attributes helper's migration, renumbered for the same reason.
 */
export const migration014Entities: Migration = {
  version: 14,
  name: 'entities and links',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_folded TEXT NOT NULL,
        type_label_key TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
        external_id TEXT,
        note TEXT NOT NULL DEFAULT '',
        merged_into INTEGER REFERENCES entities(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (merged_into IS NULL OR merged_into <> id)
      ) STRICT;
      CREATE INDEX entities_by_name_folded ON entities(name_folded);
      CREATE INDEX entities_by_merged_into ON entities(merged_into);

      CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
        alias_folded TEXT NOT NULL,
        PRIMARY KEY (entity_id, position)
      ) STRICT;
      CREATE INDEX entity_aliases_by_folded ON entity_aliases(alias_folded);

      CREATE TABLE entity_links (
        annotation_id INTEGER PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id)
      ) STRICT;
      CREATE INDEX entity_links_by_entity ON entity_links(entity_id);
    `);
  },
};
