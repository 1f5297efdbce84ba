import type { Database } from 'better-sqlite3';
import { changeFingerprint } from '../store/snapshots';
import type { BackupOptions } from './backup-options';
import type { BackupService } from './backup-service';

/**
 * Rolling backups of one open database: one at start, then one every interval, but only
 * when the file changed since the last backup (an idle app leaves the rotation alone).
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastFingerprint: string | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly service: BackupService,
    private readonly options: BackupOptions,
    private readonly log: (message: string) => void,
  ) {}

  /** Takes the start-up backup and arms the timer. */
  start(): Promise<void> {
    if (this.options.intervalMinutes > 0) {
      this.timer = setInterval(() => void this.backupIfChanged(), this.options.intervalMinutes * 60_000);
      // A pending backup timer must not keep a CLI process or a test alive.
      this.timer.unref();
    }
    return this.backupIfChanged();
  }

  /** A backup when the database changed since the last one; one at a time. */
  backupIfChanged(): Promise<void> {
    this.running = this.running.then(async () => {
      if (!this.db.open) return;
      const fingerprint = changeFingerprint(this.db);
      if (fingerprint === this.lastFingerprint) return;
      try {
        await this.service.snapshot(this.db, 'rolling', this.options.keep);
        this.lastFingerprint = fingerprint;
      } catch (error) {
        this.log(
          `Backup of ${this.service.databasePath} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
    return this.running;
  }

  /** Stops the timer and waits for a backup in progress, so the database can be closed. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
