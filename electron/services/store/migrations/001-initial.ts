import type { Migration } from './types';

/**
 * The first schema: articles, labels, annotations and the persisted undo log.
 * Offsets are UTF-16 code units on `articles.text` (the canonical text).
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        raw_text TEXT NOT NULL,                 -- exactly as decoded at import
        text TEXT NOT NULL,                     -- canonical: NFC, LF, plain spaces, no invisibles
        content_hash TEXT NOT NULL UNIQUE,      -- sha-256 of the canonical text before trimming
        title TEXT,
        source TEXT,
        byline TEXT,
        url TEXT,
        published_at TEXT,
        file_name TEXT,
        trimmed_text TEXT,                      -- site chrome cut off the end at import
        word_count INTEGER NOT NULL CHECK (word_count >= 0),
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE labels (
        key TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        color TEXT NOT NULL,
        hotkey TEXT UNIQUE CHECK (hotkey IS NULL OR (length(hotkey) = 1 AND hotkey BETWEEN '0' AND '9')),
        kind TEXT NOT NULL CHECK (kind IN ('analytic', 'entity')),
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL
      ) STRICT;

      -- AUTOINCREMENT: an exported annotation id is never reused by a later annotation.
      CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        label_key TEXT NOT NULL REFERENCES labels(key) ON UPDATE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        quote TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'import', 'model')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX annotations_by_article ON annotations(article_id, start, "end");

      -- One row per annotation action. Undo reverts the newest row not undone; redo re-applies
      -- the oldest undone row; a new action discards the undone rows (the redo branch).
      CREATE TABLE annotation_history (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before_json TEXT,                       -- the annotation before (null for create)
        after_json TEXT,                        -- the annotation after (null for delete)
        description TEXT NOT NULL,
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX annotation_history_by_article ON annotation_history(article_id, undone, id);
    `);

    const insertLabel = db.prepare(
      `INSERT INTO labels (key, name_vi, name_en, color, hotkey, kind, description, sort_order)
       VALUES (@key, @nameVi, @nameEn, @color, @hotkey, @kind, @description, @sortOrder)`,
    );
    DEFAULT_LABELS.forEach((label, sortOrder) => insertLabel.run({ ...label, sortOrder }));
  },
};

/**
 * The default schema for security and foreign-affairs news. Colours are picked to stay
 * distinguishable from each other as backgrounds (analytic) and as underlines (entities).
 */
const DEFAULT_LABELS = [
  {
    key: 'RISK',
    nameVi: 'Nguy cơ',
    nameEn: 'Risk',
    color: '#e8590c',
    hotkey: '1',
    kind: 'analytic',
    description: 'A threat, danger or challenge the text names, e.g. "5 nguy cơ lớn…".',
  },
  {
    key: 'PROPOSAL',
    nameVi: 'Đề xuất',
    nameEn: 'Proposal',
    color: '#2f9e44',
    hotkey: '2',
    kind: 'analytic',
    description: 'A proposal, recommendation or direction, e.g. "Thứ nhất…", "đề nghị…".',
  },
  {
    key: 'PER',
    nameVi: 'Người',
    nameEn: 'Person',
    color: '#1c7ed6',
    hotkey: '3',
    kind: 'entity',
    description: 'A person by name, without the title: "Lương Tam Quang".',
  },
  {
    key: 'TITLE',
    nameVi: 'Chức danh',
    nameEn: 'Title',
    color: '#7048e8',
    hotkey: '4',
    kind: 'entity',
    description: 'A rank or position, tagged apart from the name: "Thứ trưởng Bộ Công an".',
  },
  {
    key: 'ORG',
    nameVi: 'Tổ chức',
    nameEn: 'Organisation',
    color: '#c2255c',
    hotkey: '5',
    kind: 'entity',
    description: 'A body, ministry, party, force or company: "Bộ Ngoại giao".',
  },
  {
    key: 'LOC',
    nameVi: 'Địa điểm',
    nameEn: 'Place',
    color: '#0c8599',
    hotkey: '6',
    kind: 'entity',
    description: 'A place or country: "Hà Nội", "Việt Nam".',
  },
  {
    key: 'DATE',
    nameVi: 'Thời gian',
    nameEn: 'Date',
    color: '#e67700',
    hotkey: '7',
    kind: 'entity',
    description: 'A date, time or period: "sáng 10/1", "năm 2019".',
  },
  {
    key: 'LAW',
    nameVi: 'Văn bản',
    nameEn: 'Law or policy',
    color: '#5c940d',
    hotkey: '8',
    kind: 'entity',
    description: 'A legal or policy document: "Nghị quyết Đại hội XIII".',
  },
  {
    key: 'EVENT',
    nameVi: 'Sự kiện',
    nameEn: 'Event',
    color: '#9c36b5',
    hotkey: '9',
    kind: 'entity',
    description: 'A named event: "Hội nghị Ngoại giao lần thứ 30".',
  },
  {
    key: 'MISC',
    nameVi: 'Khác',
    nameEn: 'Other',
    color: '#868e96',
    hotkey: '0',
    kind: 'entity',
    description: 'Any other named thing worth tagging.',
  },
] as const;
