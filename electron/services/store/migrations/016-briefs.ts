import type { Migration } from './types';

/**
 * Briefs (issue 16): the analyst's reports, one row each, the Lexical editor state as JSON text.
 * Citations inside the JSON point at annotations by id without a foreign key: a brief must keep
 * opening (and show the citation as orphaned) when its span or article is deleted.
 */
export const migration016Briefs: Migration = {
  version: 16,
  name: 'briefs',
  up(db) {
    db.exec(`
      CREATE TABLE briefs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        author TEXT NOT NULL,
        content_json TEXT NOT NULL CHECK (json_valid(content_json)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX briefs_by_update ON briefs(updated_at DESC, id DESC);
    `);
  },
};
