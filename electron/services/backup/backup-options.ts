import { argValue } from '../paths';

export interface BackupOptions {
  /** Minutes between checks for changes while the app runs; 0 turns timed backups off. */
  intervalMinutes: number;
  /** Rolling backups kept; older ones are deleted. */
  keep: number;
}

export const DEFAULT_BACKUP_OPTIONS: BackupOptions = { intervalMinutes: 10, keep: 10 };

/** `--backup-every MINUTES` and `--backup-keep K`; a bad value is refused with a message naming it. */
export function backupOptionsFromArgs(argv: readonly string[]): BackupOptions {
  const read = (flag: string, fallback: number, min: number): number => {
    const raw = argValue(argv, flag);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${flag} must be a number of at least ${min}, not "${raw}".`);
    return value;
  };
  return {
    intervalMinutes: read('backup-every', DEFAULT_BACKUP_OPTIONS.intervalMinutes, 0),
    keep: Math.round(read('backup-keep', DEFAULT_BACKUP_OPTIONS.keep, 1)),
  };
}
