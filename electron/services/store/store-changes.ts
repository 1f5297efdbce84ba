import type { Database, Statement } from 'better-sqlite3';

export interface ArticleMark {
  id: number;
  updatedAt: string;
}

/**
 * What the store watcher reads to tell that, and where, another connection changed the store.
 * Every write touches its article's `updated_at` (ISO text, sortable, indexed), so "which
 * articles changed" is "which `updated_at` moved"; the article count tells removals.
 */
export class StoreChangeStore {
  private readonly marksSince: Statement<[string], ArticleMark>;
  private readonly markOf: Statement<[number], ArticleMark>;
  private readonly count: Statement<[], { n: number }>;
  private readonly ownChanges: Statement<[], { n: number }>;

  constructor(private readonly db: Database) {
    this.marksSince = db.prepare(`SELECT id, updated_at AS updatedAt FROM articles WHERE updated_at >= ?`);
    this.markOf = db.prepare(`SELECT id, updated_at AS updatedAt FROM articles WHERE id = ?`);
    this.count = db.prepare(`SELECT count(*) AS n FROM articles`);
    this.ownChanges = db.prepare(`SELECT total_changes() AS n`);
  }

  /** Changes only when ANOTHER connection commits; a cheap read of a counter. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Rows this connection has written since it opened: moves only with our own writes. */
  localChanges(): number {
    return (this.ownChanges.get() as { n: number }).n;
  }

  /** Uses the index articles_by_updated_at: a range read, not a scan of every article. */
  articleMarksSince(updatedAtIso: string): ArticleMark[] {
    return this.marksSince.all(updatedAtIso);
  }

  articleMark(id: number): ArticleMark | undefined {
    return this.markOf.get(id);
  }

  articleCount(): number {
    return (this.count.get() as { n: number }).n;
  }
}
