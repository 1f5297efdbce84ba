import type { Database } from 'better-sqlite3';

/**
 * Runs an import pass. Files are committed in batches (run-import.ts: up to 256 files or 50 ms
 * per transaction, each file in its own savepoint, so all of it or nothing), and the WAL is
 * fsynced once at the end of the pass instead of at every commit: a crash of the process
 * mid-import loses the batch not yet committed, a power cut the files committed since the last
 * sync — whole files, never part of one — and a finished import is as durable as any other
 * write. This is what keeps 10,000 files within the benchmark's budget.
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
