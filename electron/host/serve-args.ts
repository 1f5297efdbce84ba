import { DB_OPTION, numberOption, parseCommandLine } from '../services/command-line';
import { BACKUP_OPTIONS, backupOptionsFromOptions, type BackupOptions } from '../services/backup/backup-options';
import { IMPORT_LIMIT_OPTIONS, importLimitsFromOptions, type ImportLimits } from '../services/import/limits';

export const DEFAULT_PORT = 4780;
export const SERVE_USAGE =
  'Usage: npm run serve -- [--db PATH] [--port N] [--open] [--max-file-mb N] [--max-files N] [--max-records N] [--max-extract-seconds N] [--backup-every MINUTES] [--backup-keep K]';

const OPTIONS = {
  ...DB_OPTION,
  ...IMPORT_LIMIT_OPTIONS,
  ...BACKUP_OPTIONS,
  port: { type: 'string' },
  open: { type: 'boolean' },
} as const;

export interface ServeOptions {
  db: string | undefined;
  /** undefined: the default port, falling back to a free one when it is taken. */
  port: number | undefined;
  open: boolean;
  importLimits: ImportLimits;
  backup: BackupOptions;
}

/** The serve command line, or a UsageError naming the bad flag. */
export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const { values } = parseCommandLine(argv, OPTIONS);
  return {
    db: values.db,
    port: numberOption('port', values.port, { min: 0, max: 65535, integer: true }),
    open: values.open ?? false,
    importLimits: importLimitsFromOptions(values),
    backup: backupOptionsFromOptions(values),
  };
}
