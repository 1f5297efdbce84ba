import BetterSqlite3, { type Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerFoldFunction } from './span-indexes';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export interface OpenDatabaseOptions {
  /**
   * Path of a better_sqlite3.node built for the running runtime. Electron passes its own
   * build so that the Node build in node_modules stays usable by the tests (either order).
   */
  nativeBinding?: string;
  /** For tests of the migration runner. */
  migrations?: readonly Migration[];
}

/** Thrown when the file was written by a newer Marginalia; we never downgrade a user's data. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The database ${path} was written by a newer version of Marginalia (schema ${fileVersion}; ` +
        `this version understands up to ${supportedVersion}). Update Marginalia, or open another database with --db.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

/** How much of the file reads map: SQLite's limit in this build (2 GB); the rest is read as before. */
export const MMAP_BYTES = 2_147_418_112;

/**
 * Opens (creating if needed) the store at `path` and migrates it to the latest schema.
 * Durability: WAL with synchronous=FULL, so a committed action survives a crash or power loss.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Reads straight from the file's pages in the OS cache instead of a read() and a copy into
    // SQLite's own cache (16 MB, a fraction of a corpus): a search or concordance that touches
    // pages not yet in that cache (the first call of a query) spent most of its time in those
    // reads. Writes still go through the journal (SQLite writes no page through the map).
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    // Before migrating: migration 021's backfill and triggers fold through it.
    registerFoldFunction(db);
    migrate(db, path, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database, path: string, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? LATEST_SCHEMA_VERSION;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new NewerDatabaseError(path, current, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  // All pending steps in one transaction: a failure leaves the file at its old version.
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}
