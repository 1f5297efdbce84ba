import type { Database } from 'better-sqlite3';

/**
 * Runs `work` as a write transaction that takes the write lock before its first read (BEGIN
 * IMMEDIATE). A deferred transaction that reads, then writes, fails at once with
 * SQLITE_BUSY_SNAPSHOT when another connection committed in between — whatever busy_timeout
 * says — which is how an import and the user's edits on one database used to fail each other.
 * An immediate one waits for the lock (up to busy_timeout) instead. Inside an outer transaction
 * it is a savepoint of that transaction.
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  const transaction = db.transaction(work);
  return db.inTransaction ? transaction() : transaction.immediate();
}

/**
 * `writeTransaction`, except that inside an open transaction `work` runs in it with no savepoint
 * of its own: for a step of a larger unit (an imported file, in its savepoint) that is rolled
 * back whole when the step throws, so the step needs none. Savepoints are not free: an import
 * opened three per file, and they cost it more than its inserts.
 */
export function joinedWriteTransaction<T>(db: Database, work: () => T): T {
  return db.inTransaction ? work() : writeTransaction(db, work);
}
