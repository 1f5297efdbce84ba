import { numberOption, type OptionsSpec } from '../command-line';

/** Configurable import limits; past them a file (or a whole request) is refused with a clear error. */
export interface ImportLimits {
  /** Largest file imported, in bytes (default 20 MB). */
  maxFileBytes: number;
  /** Most files one import may hold after walking folders (default 100,000). */
  maxFiles: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxFileBytes: 20 * 1024 * 1024, maxFiles: 100_000 };

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

export function tooLargeReason(size: number, limits: ImportLimits): string | null {
  if (size <= limits.maxFileBytes) return null;
  return `The file is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxFileBytes)}.`;
}

/** `--max-file-mb N` and `--max-files N`, accepted by the CLI, `npm run serve` and `npm start`. */
export const IMPORT_LIMIT_OPTIONS = {
  'max-file-mb': { type: 'string' },
  'max-files': { type: 'string' },
} as const satisfies OptionsSpec;

/**
 * Limits from the parsed IMPORT_LIMIT_OPTIONS, the defaults otherwise. A value that is not a
 * positive number is a UsageError naming the flag.
 */
export function importLimitsFromOptions(values: { 'max-file-mb'?: string; 'max-files'?: string }): ImportLimits {
  const positive = { min: 0, minExclusive: true };
  const fileMb = numberOption('max-file-mb', values['max-file-mb'], positive);
  const files = numberOption('max-files', values['max-files'], positive);
  return {
    maxFileBytes: fileMb === undefined ? DEFAULT_IMPORT_LIMITS.maxFileBytes : Math.round(fileMb * 1024 * 1024),
    maxFiles: files === undefined ? DEFAULT_IMPORT_LIMITS.maxFiles : Math.round(files),
  };
}
