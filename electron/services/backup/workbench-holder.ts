import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, DatabaseHealth, RestoreResult } from '../../../shared/contract/backups';
import { ApiError } from '../../../shared/contract/errors';
import type { OpenDatabaseOptions } from '../store/database';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { checkIntegrity, detachForReplace } from '../store/snapshots';
import { openWorkbench, type Workbench } from '../workbench';
import { partialPathOf } from './backup-files';
import { DEFAULT_BACKUP_OPTIONS, type BackupOptions } from './backup-options';
import { BackupScheduler } from './backup-scheduler';
import { BackupService, isRestorable } from './backup-service';

export interface WorkbenchHolderOptions {
  databaseOptions?: Pick<OpenDatabaseOptions, 'nativeBinding'>;
  backup?: BackupOptions;
  /** Rolling backups while open (off for one-shot CLI commands). */
  scheduleBackups?: boolean;
  log?: (message: string) => void;
}

type Listener = (workbench: Workbench) => void;
/** May finish asynchronously (a worker thread with a connection of its own ends); the close waits. */
type CloseListener = (workbench: Workbench) => void | Promise<void>;

/**
 * The one open workbench of a front end, which a restore may replace. Handlers ask it for
 * `current()` on every call instead of keeping a workbench, so after a restore they use the
 * new store; `onOpen` tells the rest (job lists, the events route) that it changed.
 *
 * A database that fails the start-up integrity check is never opened: the holder stays
 * `damaged`, every call but the backup ones is refused, and the front end shows recovery.
 */
export class WorkbenchHolder {
  readonly backups: BackupService;
  private workbench: Workbench | null = null;
  private scheduler: BackupScheduler | null = null;
  private problem: string | null = null;
  private restoring = false;
  private readonly listeners = new Set<Listener>();
  private readonly beforeClose = new Set<CloseListener>();
  private readonly options: Required<Omit<WorkbenchHolderOptions, 'databaseOptions'>> & WorkbenchHolderOptions;

  private constructor(
    readonly databasePath: string,
    options: WorkbenchHolderOptions,
  ) {
    this.options = {
      backup: DEFAULT_BACKUP_OPTIONS,
      scheduleBackups: true,
      log: (message) => console.error(message),
      ...options,
    };
    this.backups = new BackupService(databasePath, options.databaseOptions ?? {});
  }

  /**
   * Checks the file (`quick_check`) and opens it, or stays damaged. A missing file is a new
   * database. Other open errors (a newer schema) are thrown as before.
   */
  static open(databasePath: string, options: WorkbenchHolderOptions = {}): WorkbenchHolder {
    const holder = new WorkbenchHolder(databasePath, options);
    if (existsSync(databasePath)) {
      const integrity = checkIntegrity(databasePath, options.databaseOptions ?? {});
      if (!integrity.ok) {
        holder.problem = integrity.problem;
        return holder;
      }
    }
    holder.attach(openWorkbench(databasePath, holder.databaseOptions));
    return holder;
  }

  private get databaseOptions(): Pick<OpenDatabaseOptions, 'nativeBinding'> {
    return this.options.databaseOptions ?? {};
  }

  health(): DatabaseHealth {
    return {
      status: this.workbench ? 'ok' : 'damaged',
      databasePath: this.databasePath,
      problem: this.problem,
    };
  }

  /** The open workbench; refused while the database is damaged. */
  current(): Workbench {
    if (!this.workbench && this.restoring) throw ApiError.of('rejected', 'restoring');
    if (!this.workbench)
      throw ApiError.of('unsupported', 'databaseDamaged', {
        path: this.databasePath,
        problem: this.problem ?? 'unknown problem',
      });
    return this.workbench;
  }

  /** The open workbench or null (damaged). */
  get currentOrNull(): Workbench | null {
    return this.workbench;
  }

  /** Called with each workbench opened after this call (restores); returns an unsubscribe. */
  onOpen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called before a workbench is closed (restore, shutdown), e.g. to dispose its job lists. */
  onClose(listener: CloseListener): () => void {
    this.beforeClose.add(listener);
    return () => this.beforeClose.delete(listener);
  }

  /** A holder over a workbench someone else opened (tests, tools); no timed backups unless asked. */
  static adopt(workbench: Workbench, options: WorkbenchHolderOptions = {}): WorkbenchHolder {
    const holder = new WorkbenchHolder(workbench.databasePath, {
      databaseOptions: workbench.databaseOptions,
      scheduleBackups: false,
      ...options,
    });
    holder.attach(workbench);
    return holder;
  }

  /** Starts rolling backups of the open workbench (after seeding, so the first one has it). */
  startBackups(): Promise<void> {
    if (!this.workbench || !this.options.scheduleBackups || this.scheduler) return Promise.resolve();
    this.scheduler = new BackupScheduler(this.workbench.db, this.backups, this.options.backup, this.options.log);
    return this.scheduler.start();
  }

  /** A backup now (CLI `backup create`). */
  createBackup(): Promise<BackupInfo> {
    return this.backups.create(this.current().db, 'manual');
  }

  newestGoodBackup(): BackupInfo | null {
    return this.backups.newestGood(LATEST_SCHEMA_VERSION);
  }

  /**
   * Replaces the database with a backup: checks the backup, keeps the current file as a
   * before-restore backup (or, when damaged, moves it aside as `.damaged`), closes the store,
   * copies the backup in under a temp name, renames it over the database, and reopens.
   * Refused while another program (a second window, the CLI) has the database open.
   */
  async restore(fileName: string): Promise<RestoreResult> {
    if (this.restoring) throw ApiError.of('rejected', 'restoreRunning');
    const backup = this.backups.find(fileName);
    if (!backup) throw ApiError.of('not_found', 'backupNotFound', { fileName });
    if (!isRestorable(backup, LATEST_SCHEMA_VERSION))
      throw ApiError.of('rejected', 'backupNotRestorable', {
        fileName,
        problem: backup.preview.problem ?? 'it was written by a newer version',
      });
    this.restoring = true;
    try {
      const keptAs = await this.setCurrentAside();
      this.replaceWith(backup.path);
      this.problem = null;
      this.attach(openWorkbench(this.databasePath, this.databaseOptions));
      await this.startBackups();
      return { restoredFrom: fileName, keptAs };
    } finally {
      this.restoring = false;
    }
  }

  /**
   * A healthy database is backed up and closed (its name returned); a damaged one is moved
   * into the backups folder. Either way nothing is lost and the path is free to replace.
   */
  private async setCurrentAside(): Promise<string | null> {
    const workbench = this.workbench;
    if (!workbench) {
      this.moveDamagedAside();
      return null;
    }
    const kept = await this.backups.create(workbench.db, 'before-restore');
    await this.closeWorkbench();
    if (!detachForReplace(this.databasePath, this.databaseOptions)) {
      this.attach(openWorkbench(this.databasePath, this.databaseOptions));
      await this.startBackups();
      throw ApiError.of('rejected', 'databaseOpenElsewhere', { path: this.databasePath });
    }
    return kept.fileName;
  }

  /** Copies under a temp name, syncs, then renames: the database path never holds half a file. */
  private replaceWith(backupPath: string): void {
    const partial = partialPathOf(this.databasePath);
    try {
      copyFileSync(backupPath, partial);
      syncFile(partial);
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(this.databasePath + suffix, { force: true });
      renameSync(partial, this.databasePath);
    } catch (error) {
      rmSync(partial, { force: true });
      // The old file is untouched (healthy) or kept in backups/ (damaged): reopen what is there.
      if (existsSync(this.databasePath)) this.attach(openWorkbench(this.databasePath, this.databaseOptions));
      else this.problem = `The restore failed and the damaged file is in ${this.backups.backupDir}.`;
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.closeWorkbench();
  }

  private attach(workbench: Workbench): void {
    this.workbench = workbench;
    for (const listener of this.listeners) listener(workbench);
  }

  private async closeWorkbench(): Promise<void> {
    await this.scheduler?.stop();
    this.scheduler = null;
    const workbench = this.workbench;
    if (!workbench) return;
    await Promise.all([...this.beforeClose].map((listener) => listener(workbench)));
    this.workbench = null;
    workbench.close();
  }

  /** The damaged file and its journals are kept for inspection, out of the backup list. */
  private moveDamagedAside(): void {
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    mkdirSync(this.backups.backupDir, { recursive: true });
    const target = join(this.backups.backupDir, `damaged-${stamp}.db.damaged`);
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      if (existsSync(this.databasePath + suffix)) renameSync(this.databasePath + suffix, target + suffix);
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
