import { numberOption, type OptionsSpec } from '../command-line';

export interface BackupOptions {
  /** Minutes between checks for changes while the app runs; 0 turns timed backups off. */
  intervalMinutes: number;
  /** Rolling backups kept; older ones are deleted. */
  keep: number;
}

export const DEFAULT_BACKUP_OPTIONS: BackupOptions = { intervalMinutes: 10, keep: 10 };

/** `--backup-every MINUTES` and `--backup-keep K`, accepted by `npm run serve` and `npm start`. */
export const BACKUP_OPTIONS = {
  'backup-every': { type: 'string' },
  'backup-keep': { type: 'string' },
} as const satisfies OptionsSpec;

/** Backup options from the parsed BACKUP_OPTIONS; a bad value is a UsageError naming the flag. */
export function backupOptionsFromOptions(values: { 'backup-every'?: string; 'backup-keep'?: string }): BackupOptions {
  const every = numberOption('backup-every', values['backup-every'], { min: 0 });
  const keep = numberOption('backup-keep', values['backup-keep'], { min: 1, integer: true });
  return {
    intervalMinutes: every ?? DEFAULT_BACKUP_OPTIONS.intervalMinutes,
    keep: keep ?? DEFAULT_BACKUP_OPTIONS.keep,
  };
}
