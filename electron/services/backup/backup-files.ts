import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Where backups live and how they are named: `backups/` beside the database, one file per
 * backup, `<database stem>-<UTC time>-<reason>.db`, e.g. `marginalia-20261129T170802123Z-rolling.db`.
 * The time sorts as text, so the newest backup is the last name. A backup is written under a
 * `.partial` name and renamed when complete, so a half-written file is never listed.
 */
export const BACKUP_REASONS = ['rolling', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupFile {
  fileName: string;
  path: string;
  /** ISO-8601 UTC, from the name (not the file's mtime, which copies change). */
  createdAt: string;
  reason: BackupReason;
}

const PARTIAL_SUFFIX = '.partial';
const NAME_PATTERN = /^(.+)-(\d{8}T\d{9}Z)-(rolling|manual|before-restore)\.db$/;

export function backupDirOf(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

function stemOf(databasePath: string): string {
  return basename(databasePath, extname(databasePath));
}

/** `2026-11-29T17:08:02.123Z` → `20261129T170802123Z` (and back in `parseBackupName`). */
function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function expandTime(compact: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(compact);
  if (!m) throw new Error(`Not a backup time: ${compact}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

export function backupFileName(databasePath: string, reason: BackupReason, date: Date): string {
  return `${stemOf(databasePath)}-${compactTime(date)}-${reason}.db`;
}

export function partialPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}${PARTIAL_SUFFIX}`);
}

/** The backups of this database, oldest first. Other files in the folder are ignored. */
export function listBackupFiles(databasePath: string): BackupFile[] {
  const dir = backupDirOf(databasePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stem = stemOf(databasePath);
  return names
    .map((fileName) => ({ fileName, match: NAME_PATTERN.exec(fileName) }))
    .filter(({ match }) => match !== null && match[1] === stem)
    .map(({ fileName, match }) => ({
      fileName,
      path: join(dir, fileName),
      createdAt: expandTime((match as RegExpExecArray)[2] as string),
      reason: (match as RegExpExecArray)[3] as BackupReason,
    }))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

/**
 * The listed backup called `fileName`, or null. Callers name backups, never paths, so a
 * request cannot reach a file outside the backups folder.
 */
export function findBackupFile(databasePath: string, fileName: string): BackupFile | null {
  return listBackupFiles(databasePath).find((file) => file.fileName === fileName) ?? null;
}

/** Deletes the oldest rolling backups beyond `keep`; manual and before-restore ones stay. */
export function rotateBackups(databasePath: string, keep: number): string[] {
  const rolling = listBackupFiles(databasePath).filter((file) => file.reason === 'rolling');
  const removed = rolling.slice(0, Math.max(0, rolling.length - keep));
  for (const file of removed) rmSync(file.path, { force: true });
  return removed.map((file) => file.fileName);
}

/** Leftovers of backups interrupted by a crash. */
export function removePartialBackups(databasePath: string): void {
  const dir = backupDirOf(databasePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith('.') && name.endsWith(PARTIAL_SUFFIX)) rmSync(join(dir, name), { force: true });
}

export function fileSize(path: string): number {
  return statSync(path).size;
}
