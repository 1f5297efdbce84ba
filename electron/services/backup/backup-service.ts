import type { Database } from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupPreview } from '../../../shared/contract/backups';
import type { OpenDatabaseOptions } from '../store/database';
import { checkIntegrity, readSnapshotSummary, snapshotTo } from '../store/snapshots';
import {
  backupDirOf,
  backupFileName,
  findBackupFile,
  listBackupFiles,
  partialPathOf,
  removePartialBackups,
  rotateBackups,
  type BackupFile,
  type BackupReason,
} from './backup-files';

/**
 * Backups of one database file: taken with SQLite's online backup, listed newest first with
 * what each holds, rotated. Restoring is the WorkbenchHolder's job, which owns the open store.
 */
export class BackupService {
  /** Backups never change once renamed into place, so a preview is read once per file. */
  private readonly previews = new Map<string, BackupPreview>();

  constructor(
    readonly databasePath: string,
    private readonly databaseOptions: Pick<OpenDatabaseOptions, 'nativeBinding'> = {},
  ) {}

  get backupDir(): string {
    return backupDirOf(this.databasePath);
  }

  /** `snapshot`, then the new backup's preview (its integrity check and counts) for the caller to show. */
  async create(db: Database, reason: BackupReason, keep?: number): Promise<BackupInfo> {
    const fileName = await this.snapshot(db, reason, keep);
    return this.info(findBackupFile(this.databasePath, fileName) as BackupFile);
  }

  /**
   * Snapshots the open database `db` into a new backup and, for rolling backups, deletes
   * the oldest beyond `keep`; returns its file name. The copy is written under a temp name and
   * renamed. No preview: its `quick_check` reads the whole copy synchronously (2–3 s at 100,000
   * articles), which the start-up backup must not put in front of the first calls; the backup
   * list checks it when it is first shown.
   */
  async snapshot(db: Database, reason: BackupReason, keep?: number): Promise<string> {
    mkdirSync(this.backupDir, { recursive: true });
    removePartialBackups(this.databasePath);
    const fileName = this.uniqueName(reason);
    const path = join(this.backupDir, fileName);
    const partial = partialPathOf(path);
    try {
      await snapshotTo(db, partial, this.databaseOptions);
      renameSync(partial, path);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    if (reason === 'rolling' && keep !== undefined) rotateBackups(this.databasePath, keep);
    return fileName;
  }

  /** Newest first, each with its preview. */
  list(): BackupInfo[] {
    const files = listBackupFiles(this.databasePath);
    for (const cached of this.previews.keys())
      if (!files.some((file) => file.fileName === cached)) this.previews.delete(cached);
    return files.reverse().map((file) => this.info(file));
  }

  /** The backup called `fileName`, or null when there is none (never a path outside the folder). */
  find(fileName: string): (BackupInfo & { path: string }) | null {
    const file = findBackupFile(this.databasePath, fileName);
    return file ? { ...this.info(file), path: file.path } : null;
  }

  /** The newest backup that passes the integrity check and this version can open. */
  newestGood(supportedSchema: number): BackupInfo | null {
    return this.list().find((backup) => isRestorable(backup, supportedSchema)) ?? null;
  }

  private info(file: BackupFile): BackupInfo {
    let preview = this.previews.get(file.fileName);
    if (!preview) {
      preview = previewFile(file.path, this.databaseOptions);
      this.previews.set(file.fileName, preview);
    }
    return {
      fileName: file.fileName,
      createdAt: file.createdAt,
      reason: file.reason,
      sizeBytes: statSync(file.path).size,
      preview,
    };
  }

  /** Two backups in the same millisecond would collide; the later one waits a tick of the clock. */
  private uniqueName(reason: BackupReason): string {
    let date = new Date();
    const taken = new Set(listBackupFiles(this.databasePath).map((file) => file.fileName));
    while (taken.has(backupFileName(this.databasePath, reason, date))) date = new Date(date.getTime() + 1);
    return backupFileName(this.databasePath, reason, date);
  }
}

export function isRestorable(backup: BackupInfo, supportedSchema: number): boolean {
  return backup.preview.ok && (backup.preview.schemaVersion ?? Infinity) <= supportedSchema;
}

export function previewFile(path: string, options: Pick<OpenDatabaseOptions, 'nativeBinding'>): BackupPreview {
  const integrity = checkIntegrity(path, options, true);
  if (!integrity.ok)
    return {
      ok: false,
      problem: integrity.problem,
      schemaVersion: null,
      articleCount: null,
      annotationCount: null,
      newestChangeAt: null,
    };
  try {
    return { ok: true, problem: null, ...readSnapshotSummary(path, options) };
  } catch (error) {
    return {
      ok: false,
      problem: `Not a Marginalia database: ${error instanceof Error ? error.message : String(error)}`,
      schemaVersion: null,
      articleCount: null,
      annotationCount: null,
      newestChangeAt: null,
    };
  }
}
