import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * The change pipeline's schema:
 * - `annotations` gains `author` (who made it; '' for rows made before profiles existed),
 *   `imported_id` (the id an imported annotation had in its file; ids are never reused from files)
 *   and the origin 'merge';
 * - `annotation_history` (one row per annotation action) becomes `change_history`: one row per
 *   change set, its changes as JSON `[{kind, before, after}]`. Each old row becomes a set of one
 *   change, keeping its id, so undo/redo order and undone flags carry over unchanged;
 * - `settings`: small key/value preferences of this workbench (the profile's display name).
 *
 * The annotations table is STRICT with CHECKs, so it is rebuilt (SQLite's documented table
 * rebuild, https://www.sqlite.org/lang_altertable.html#otheralter). `PRAGMA foreign_keys` cannot
 * change inside the migration transaction, and need not: no table references `annotations`, so
 * dropping it deletes no child rows, and the copied rows satisfy their own references (checked
 * with foreign_key_check before commit). Ids are copied as they are (except ids a file forced
 * near 2^53, see LARGEST_KEPT_ID) and the AUTOINCREMENT sequence is carried over, so no deleted
 * id is ever handed out again.
 */
export const migration003ChangeHistory: Migration = {
  version: 3,
  name: 'change history, author and origin',
  up(db) {
    rebuildAnnotations(db);
    db.exec(`
      CREATE TABLE change_history (
        id INTEGER PRIMARY KEY,
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,   -- null: a set over several articles
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'model', 'merge')),
        author TEXT NOT NULL,
        description TEXT NOT NULL,
        changes_json TEXT NOT NULL,             -- [{kind, before, after}] in the order applied
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX change_history_by_article ON change_history(article_id, undone, id);

      INSERT INTO change_history (id, article_id, origin, author, description, changes_json, undone, created_at)
        SELECT id, article_id, 'manual', '', description,
          json_array(json_object(
            'kind', 'annotation.' || action,
            'before', ${withAuthor('before_json')},
            'after', ${withAuthor('after_json')})),
          undone, created_at
        FROM annotation_history ORDER BY id;
      DROP TABLE annotation_history;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

/** An old history snapshot (JSON text or NULL) as a JSON value with the `author` every annotation now has. */
function withAuthor(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN json('null') ELSE json_set(${column}, '$.author', '') END`;
}

/**
 * Ids above this came from imported files: earlier versions kept a file's ids, and an id near
 * 2^53 made every later id unsafe for JavaScript (creates answered errors for good). Such rows get
 * new ids, their old id kept as `imported_id` (when JavaScript can hold it). Far above any id a
 * workbench hands out itself.
 */
const LARGEST_KEPT_ID = 2 ** 52;

function rebuildAnnotations(db: Database): void {
  const historyId = `json_extract(coalesce(after_json, before_json), '$.id')`;
  // All in SQL: an unsafe id would lose precision on its way through JavaScript.
  db.exec(`
    CREATE TABLE annotations_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      label_key TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
      start INTEGER NOT NULL CHECK (start >= 0),
      "end" INTEGER NOT NULL CHECK ("end" > start),
      quote TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      author TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('manual', 'import', 'model', 'merge')),
      imported_id INTEGER CHECK (imported_id IS NULL OR imported_id > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO annotations_new (id, article_id, label_key, start, "end", quote, note, author, origin, imported_id,
        created_at, updated_at)
      SELECT id, article_id, label_key, start, "end", quote, note, '', origin, NULL, created_at, updated_at
      FROM annotations WHERE id <= ${LARGEST_KEPT_ID} ORDER BY id;

    -- The next id passes every id ever handed out (deleted ones too: undo brings them back).
    DELETE FROM sqlite_sequence WHERE name = 'annotations_new';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'annotations_new', max(
      coalesce((SELECT max(id) FROM annotations_new), 0),
      coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'annotations' AND seq <= ${LARGEST_KEPT_ID}), 0),
      coalesce((SELECT max(${historyId}) FROM annotation_history WHERE ${historyId} <= ${LARGEST_KEPT_ID}), 0));

    INSERT INTO annotations_new (article_id, label_key, start, "end", quote, note, author, origin, imported_id,
        created_at, updated_at)
      SELECT article_id, label_key, start, "end", quote, note, '', origin,
        CASE WHEN id <= ${Number.MAX_SAFE_INTEGER} THEN id END, created_at, updated_at
      FROM annotations WHERE id > ${LARGEST_KEPT_ID} ORDER BY id;

    DROP TABLE annotations;
    ALTER TABLE annotations_new RENAME TO annotations;
    CREATE INDEX annotations_by_article ON annotations(article_id, start, "end");
  `);
  const broken = db.pragma('foreign_key_check(annotations)') as unknown[];
  if (broken.length > 0) throw new Error(`Migration 003: ${broken.length} annotations reference missing rows.`);
}
