import type { Database } from 'better-sqlite3';
import type { ChangeOrigin, Transition } from '../../../shared/domain/changes';
import { nowIso } from './clock';

/** One applied change set, as the history keeps it. */
export interface HistoryEntry {
  id: number;
  /** Null for a set over several articles: it is recorded but not undoable per article. */
  articleId: number | null;
  origin: ChangeOrigin;
  author: string;
  description: string;
  /** What each change did, in the order applied. */
  transitions: Transition[];
  undone: boolean;
  createdAt: string;
}

interface HistoryRow {
  id: number;
  article_id: number | null;
  origin: ChangeOrigin;
  author: string;
  description: string;
  changes_json: string;
  undone: 0 | 1;
  created_at: string;
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    origin: row.origin,
    author: row.author,
    description: row.description,
    transitions: JSON.parse(row.changes_json) as Transition[],
    undone: row.undone === 1,
    createdAt: row.created_at,
  };
}

/**
 * The change history, persisted so undo survives switching articles and restarts. Per article a
 * stack: undo takes the newest set not undone, redo the oldest undone one, and a new set
 * discards the undone ones (the abandoned redo branch).
 */
export class HistoryStore {
  constructor(private readonly db: Database) {}

  record(entry: Omit<HistoryEntry, 'id' | 'undone' | 'createdAt'>): number {
    this.db.prepare(`DELETE FROM change_history WHERE article_id IS ? AND undone = 1`).run(entry.articleId);
    const result = this.db
      .prepare(
        `INSERT INTO change_history (article_id, origin, author, description, changes_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(entry.articleId, entry.origin, entry.author, entry.description, JSON.stringify(entry.transitions), nowIso());
    return Number(result.lastInsertRowid);
  }

  /** `articleId` null: the corpus-wide stack (sets that touch no single article). */
  nextUndo(articleId: number | null): HistoryEntry | null {
    const row = this.db
      .prepare(`SELECT * FROM change_history WHERE article_id IS ? AND undone = 0 ORDER BY id DESC LIMIT 1`)
      .get(articleId) as HistoryRow | undefined;
    return row ? toEntry(row) : null;
  }

  nextRedo(articleId: number | null): HistoryEntry | null {
    const row = this.db
      .prepare(`SELECT * FROM change_history WHERE article_id IS ? AND undone = 1 ORDER BY id ASC LIMIT 1`)
      .get(articleId) as HistoryRow | undefined;
    return row ? toEntry(row) : null;
  }

  /** The article's whole history, oldest first (for tests and diagnostics). */
  listForArticle(articleId: number): HistoryEntry[] {
    const rows = this.db
      .prepare(`SELECT * FROM change_history WHERE article_id = ? ORDER BY id`)
      .all(articleId) as HistoryRow[];
    return rows.map(toEntry);
  }

  setUndone(entryId: number, undone: boolean): void {
    this.db.prepare(`UPDATE change_history SET undone = ? WHERE id = ?`).run(undone ? 1 : 0, entryId);
  }
}
