import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { OpenDatabaseOptions } from './database';

/**
 * The SQL behind backups and the start-up integrity check: whole-file snapshots, their
 * contents at a glance, and whether a file is damaged. Everything else about backups (names,
 * rotation, restore) lives in electron/services/backup and never touches SQL.
 */

/** What a database file holds, read without changing it. */
export interface SnapshotSummary {
  schemaVersion: number;
  articleCount: number;
  annotationCount: number;
  /** Newest `updated_at` of an article or annotation (ISO-8601 UTC), null when empty. */
  newestChangeAt: string | null;
}

export type IntegrityResult = { ok: true } | { ok: false; problem: string };

type NativeOptions = Pick<OpenDatabaseOptions, 'nativeBinding'>;

function open(path: string, options: NativeOptions, readonly: boolean): Database {
  return new BetterSqlite3(path, {
    fileMustExist: true,
    readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * A value that changes whenever the file's content changed since the last call on this
 * connection: `data_version` moves on commits by other connections (the import worker, the
 * CLI), `total_changes()` on this connection's own writes.
 */
export function changeFingerprint(db: Database): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const ownChanges = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${dataVersion}:${ownChanges}`;
}

/**
 * Copies `db` into `destination` with SQLite's online backup (pages copied in steps, so
 * writers on this connection wait only briefly), then makes the copy a self-contained
 * rollback-journal file, so it opens read-only with no -wal/-shm beside it.
 */
export async function snapshotTo(db: Database, destination: string, options: NativeOptions = {}): Promise<void> {
  await db.backup(destination);
  const copy = open(destination, options, false);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * `PRAGMA quick_check` on a file; an unreadable or truncated file is reported, never thrown.
 * Backups are checked read-only; the live database read-write, so SQLite may first recover
 * a journal a crash left behind, as opening it would.
 */
export function checkIntegrity(path: string, options: NativeOptions = {}, readonly = false): IntegrityResult {
  if (!existsSync(path)) return { ok: false, problem: 'The file does not exist.' };
  if (statSync(path).size === 0) return { ok: false, problem: 'The file is empty.' };
  let db: Database | null = null;
  try {
    db = open(path, options, readonly);
    const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
    const messages = rows.map((row) => row.quick_check);
    if (messages.length === 1 && messages[0] === 'ok') return { ok: true };
    return { ok: false, problem: `The integrity check failed:\n${messages.join('\n')}` };
  } catch (error) {
    return { ok: false, problem: `SQLite cannot read it: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}

/** Counts and the newest change time of a (backup) file, opened read-only. */
export function readSnapshotSummary(path: string, options: NativeOptions = {}): SnapshotSummary {
  const db = open(path, options, true);
  try {
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const newest = db
      .prepare(
        `SELECT max(t) AS newest FROM (
           SELECT max(updated_at) AS t FROM articles UNION ALL SELECT max(updated_at) FROM annotations)`,
      )
      .get() as { newest: string | null };
    return {
      schemaVersion,
      articleCount: count('articles'),
      annotationCount: count('annotations'),
      newestChangeAt: newest.newest,
    };
  } finally {
    db.close();
  }
}

/**
 * Checkpoints and leaves WAL mode on a closed database, so that the main file alone holds
 * everything. Fails (returns false) while another connection, e.g. another process, still
 * has it open: replacing the file under a live connection would corrupt it.
 */
export function detachForReplace(path: string, options: NativeOptions = {}): boolean {
  const db = open(path, options, false);
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true }) as string;
    return mode === 'delete';
  } catch {
    return false;
  } finally {
    db.close();
  }
}
