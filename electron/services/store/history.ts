import type { Database } from 'better-sqlite3';
import type { Annotation } from '../../../shared/domain/schemas';
import { nowIso } from './clock';

export type HistoryAction = 'create' | 'update' | 'delete';

export interface HistoryEntry {
  id: number;
  articleId: number;
  action: HistoryAction;
  before: Annotation | null;
  after: Annotation | null;
  description: string;
}

interface HistoryRow {
  id: number;
  article_id: number;
  action: HistoryAction;
  before_json: string | null;
  after_json: string | null;
  description: string;
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    action: row.action,
    before: row.before_json ? (JSON.parse(row.before_json) as Annotation) : null,
    after: row.after_json ? (JSON.parse(row.after_json) as Annotation) : null,
    description: row.description,
  };
}

/**
 * The per-article undo log, persisted so it survives switching articles and restarts.
 * A stack: undo takes the newest entry not undone, redo the oldest undone one, and a new
 * action discards the undone entries (the abandoned redo branch).
 */
export class HistoryStore {
  constructor(private readonly db: Database) {}

  record(entry: Omit<HistoryEntry, 'id'>): void {
    this.db.prepare(`DELETE FROM annotation_history WHERE article_id = ? AND undone = 1`).run(entry.articleId);
    this.db
      .prepare(
        `INSERT INTO annotation_history (article_id, action, before_json, after_json, description, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.articleId,
        entry.action,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        entry.description,
        nowIso(),
      );
  }

  nextUndo(articleId: number): HistoryEntry | null {
    const row = this.db
      .prepare(`SELECT * FROM annotation_history WHERE article_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1`)
      .get(articleId) as HistoryRow | undefined;
    return row ? toEntry(row) : null;
  }

  nextRedo(articleId: number): HistoryEntry | null {
    const row = this.db
      .prepare(`SELECT * FROM annotation_history WHERE article_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1`)
      .get(articleId) as HistoryRow | undefined;
    return row ? toEntry(row) : null;
  }

  setUndone(entryId: number, undone: boolean): void {
    this.db.prepare(`UPDATE annotation_history SET undone = ? WHERE id = ?`).run(undone ? 1 : 0, entryId);
  }
}
