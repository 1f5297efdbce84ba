import { argValue } from '../paths';

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

/**
 * Limits from `--max-file-mb N` and `--max-files N` (CLI, `npm run serve`, `npm start`), the
 * defaults otherwise. A value that is not a positive number is refused with a message naming it.
 */
export function importLimitsFromArgs(argv: readonly string[]): ImportLimits {
  const positive = (flag: string, fallback: number, scale: number): number => {
    const raw = argValue(argv, flag);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flag} must be a positive number, not "${raw}".`);
    return Math.round(value * scale);
  };
  return {
    maxFileBytes: positive('max-file-mb', DEFAULT_IMPORT_LIMITS.maxFileBytes, 1024 * 1024),
    maxFiles: positive('max-files', DEFAULT_IMPORT_LIMITS.maxFiles, 1),
  };
}
