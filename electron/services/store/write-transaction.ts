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
