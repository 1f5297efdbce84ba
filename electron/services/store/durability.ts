import type { Database } from 'better-sqlite3';

/**
 * Pages of WAL an import pass lets grow before SQLite checkpoints it (64 MB at 4 KB pages; the
 * default is 1,000). Each checkpoint syncs the log and the database and copies every page the
 * log holds: with the default, every batch of files (about 7 MB) paid both, and the pages a
 * batch rewrites (the search index's segments, the library's indexes) were copied every time.
 */
export const IMPORT_WAL_AUTOCHECKPOINT_PAGES = 16_384;

/**
 * Runs an import pass. Files are committed in batches (run-import.ts: up to 256 files or 50 ms
 * per transaction, each file in its own savepoint, so all of it or nothing), and the WAL is
 * fsynced once at the end of the pass instead of at every commit (and when it passes
 * IMPORT_WAL_AUTOCHECKPOINT_PAGES, at a checkpoint): a crash of the process mid-import loses the
 * batch not yet committed, a power cut the files committed since the last sync — whole files,
 * never part of one — and a finished import is as durable as any other write. This is what keeps
 * 10,000 files within the benchmark's budget.
 */
export async function withBatchDurability<T>(db: Database, run: () => Promise<T>): Promise<T> {
  const end = beginBatchDurability(db);
  try {
    return await run();
  } finally {
    end();
  }
}

/** `withBatchDurability` as two calls (the import bench's raw reference commits the same way): returns its end. */
export function beginBatchDurability(db: Database): () => void {
  const previous = db.pragma('synchronous', { simple: true }) as number;
  const previousCheckpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${IMPORT_WAL_AUTOCHECKPOINT_PAGES}`);
  return () => {
    db.pragma(`synchronous = ${previous}`);
    db.pragma(`wal_autocheckpoint = ${previousCheckpointPages}`);
    // With WAL, a checkpoint syncs the log before copying it and the database after.
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}
