import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * The label editor's schema (issue 11):
 * - `labels` gains `parent_key` (the hierarchy: RISK › CYBER), `hidden` (off the palette, its
 *   annotations kept) and `guideline`; a hotkey may be any printable key (`c`, `C` = Shift+C, `7`),
 *   no longer only a digit;
 * - the default sublabels are added under RISK, PROPOSAL and ORG, to new and existing databases
 *   alike (a key the database already has is left as it is).
 *
 * The old hotkey CHECK cannot be dropped in place, so `labels` is rebuilt; `annotations`
 * references it, and renaming a table rewrites the references to it while foreign keys are on
 * (they cannot be switched off inside the migration transaction), so `annotations` is rebuilt too,
 * as migration 003 did: same columns, ids and AUTOINCREMENT sequence, the reference now to the
 * new `labels`. No table references `annotations` yet at version 5.
 */
export const migration005LabelSchema: Migration = {
  version: 5,
  name: 'label hierarchy, hotkeys and guidelines',
  up(db) {
    db.exec(`
      ALTER TABLE labels RENAME TO labels_v4;
      CREATE TABLE labels (
        key TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        color TEXT NOT NULL,
        hotkey TEXT UNIQUE CHECK (hotkey IS NULL OR (length(hotkey) = 1 AND unicode(hotkey) BETWEEN 33 AND 126)),
        kind TEXT NOT NULL CHECK (kind IN ('analytic', 'entity')),
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL,
        parent_key TEXT REFERENCES labels(key) ON UPDATE CASCADE CHECK (parent_key IS NULL OR parent_key <> key),
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        guideline TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO labels (key, name_vi, name_en, color, hotkey, kind, description, sort_order)
        SELECT key, name_vi, name_en, color, hotkey, kind, description, sort_order FROM labels_v4;
      CREATE INDEX labels_by_parent ON labels(parent_key);
    `);
    rebuildAnnotations(db);
    db.exec(`DROP TABLE labels_v4`);
    seedSublabels(db);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`Migration 005: ${broken.length} rows reference missing rows.`);
  },
};

function rebuildAnnotations(db: Database): void {
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
      SELECT id, article_id, label_key, start, "end", quote, note, author, origin, imported_id, created_at, updated_at
      FROM annotations ORDER BY id;
    -- Deleted ids are never handed out again (undo brings them back): carry the sequence over.
    DELETE FROM sqlite_sequence WHERE name = 'annotations_new';
    INSERT INTO sqlite_sequence (name, seq) SELECT 'annotations_new', max(
      coalesce((SELECT max(id) FROM annotations_new), 0),
      coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'annotations'), 0));
    DROP TABLE annotations;
    ALTER TABLE annotations_new RENAME TO annotations;
    CREATE INDEX annotations_by_article ON annotations(article_id, start, "end");
  `);
}

/**
 * The default sublabels, in the parent's colour family so the tree reads at a glance. No hotkeys:
 * the analyst gives keys to the ones used most.
 */
const SUBLABELS = [
  { parent: 'RISK', key: 'CYBER', nameVi: 'An ninh mạng', nameEn: 'Cyber', color: '#d9480f' },
  { parent: 'RISK', key: 'ESPIONAGE', nameVi: 'Gián điệp', nameEn: 'Espionage', color: '#c92a2a' },
  { parent: 'RISK', key: 'CRIME', nameVi: 'Tội phạm', nameEn: 'Crime', color: '#a61e4d' },
  {
    parent: 'RISK',
    key: 'NON_TRADITIONAL',
    nameVi: 'An ninh phi truyền thống',
    nameEn: 'Non-traditional security',
    color: '#f08c00',
  },
  { parent: 'PROPOSAL', key: 'COOPERATION', nameVi: 'Hợp tác', nameEn: 'Cooperation', color: '#37b24d' },
  { parent: 'PROPOSAL', key: 'LEGAL', nameVi: 'Pháp lý', nameEn: 'Legal', color: '#2b8a3e' },
  { parent: 'PROPOSAL', key: 'TRAINING', nameVi: 'Đào tạo', nameEn: 'Training', color: '#66a80f' },
  { parent: 'ORG', key: 'STATE_BODY', nameVi: 'Cơ quan nhà nước', nameEn: 'State body', color: '#99345f' },
  { parent: 'ORG', key: 'FOREIGN', nameVi: 'Tổ chức nước ngoài', nameEn: 'Foreign organisation', color: '#d6336c' },
  {
    parent: 'ORG',
    key: 'INTERNATIONAL',
    nameVi: 'Tổ chức quốc tế',
    nameEn: 'International organisation',
    color: '#862e9c',
  },
] as const;

function seedSublabels(db: Database): void {
  const parentOf = db.prepare<[string], { kind: string; sort_order: number }>(
    `SELECT kind, sort_order FROM labels WHERE key = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO labels (key, name_vi, name_en, color, hotkey, kind, description, sort_order, parent_key)
     VALUES (@key, @nameVi, @nameEn, @color, NULL, @kind, @description, @sortOrder, @parent)
     ON CONFLICT(key) DO NOTHING`,
  );
  SUBLABELS.forEach((sub, index) => {
    const parent = parentOf.get(sub.parent);
    if (!parent) return; // the analyst removed the parent before this version: nothing to refine
    insert.run({
      ...sub,
      kind: parent.kind,
      description: `${sub.nameEn} (${sub.parent}).`,
      sortOrder: 100 + index,
    });
  });
}
