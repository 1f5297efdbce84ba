import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MMAP_BYTES, type OpenDatabaseOptions } from './database';
import { registerFoldFunction } from './span-indexes';

/** A read-only connection holding one read transaction: every read sees the same moment. */
export interface ReadSnapshot {
  readonly db: Database;
  /** Ends the transaction and closes the connection. */
  close(): void;
}

/**
 * Opens a second, read-only connection to the store and starts a read transaction on it, so a
 * long read (an export that awaits the disk between batches) sees one consistent state while the
 * app keeps writing through its own connection (WAL: readers never block the writer). A label
 * renamed meanwhile is renamed after the snapshot, never halfway through the file.
 */
export function openReadSnapshot(path: string, options: Pick<OpenDatabaseOptions, 'nativeBinding'> = {}): ReadSnapshot {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...options });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The snapshot is taken at the transaction's first read, not at BEGIN.
    db.prepare(`SELECT count(*) FROM labels`).get();
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    close: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

/**
 * A second, read-only connection to the store for a worker thread that only reads (the
 * suggestions worker): mapped and folding like the app's own (`openDatabase`), never migrating.
 * Reads that must see one moment run inside `db.transaction` (a read transaction here).
 */
export function openReadConnection(path: string, options: Pick<OpenDatabaseOptions, 'nativeBinding'> = {}): Database {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...options });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    registerFoldFunction(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
