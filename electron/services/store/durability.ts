import type { Database } from 'better-sqlite3';

/**
 * Runs an import batch. Each file still commits in its own transaction (atomic: all of it or nothing), but the WAL is
 * fsynced once at the end of the batch instead of at every commit: a power cut mid-import can
 * lose the last files whole, never part of one, and a finished import is as durable as any
 * other write. This is what keeps 10,000 files within the benchmark's budget.
 */
export async function withBatchDurability<T>(db: Database, run: () => Promise<T>): Promise<T> {
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return await run();
  } finally {
    db.pragma(`synchronous = ${previous}`);
    // With WAL, a checkpoint syncs the log before copying it and the database after.
    db.pragma('wal_checkpoint(PASSIVE)');
  }
}
