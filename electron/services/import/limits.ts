import type { MessageRef } from '../../../shared/messages/backend-messages';
import { numberOption, type OptionsSpec } from '../command-line';

/** Configurable import limits; past them a file (or a whole request) is refused with a clear error. */
export interface ImportLimits {
  /** Largest file imported, in bytes (default 20 MB). */
  maxFileBytes: number;
  /** Most files one import may hold after walking folders (default 100,000). */
  maxFiles: number;
  /** Most records (CSV rows, JSONL lines, JSON items, workbench articles) one file may hold (default 100,000). */
  maxRecordsPerFile: number;
  /** Longest time reading one file may take before it is stopped (default 60 s). */
  maxExtractSeconds: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxFiles: 100_000,
  maxRecordsPerFile: 100_000,
  maxExtractSeconds: 60,
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/** Why a file of `size` bytes is refused, or null when it is within the limit. */
export function tooLargeReason(size: number, limits: ImportLimits): MessageRef | null {
  if (size <= limits.maxFileBytes) return null;
  return { key: 'fileTooLarge', params: { size: formatBytes(size), limit: formatBytes(limits.maxFileBytes) } };
}

/**
 * `--max-file-mb N`, `--max-files N`, `--max-records N` and `--max-extract-seconds N`, accepted
 * by the CLI, `npm run serve` and `npm start`.
 */
export const IMPORT_LIMIT_OPTIONS = {
  'max-file-mb': { type: 'string' },
  'max-files': { type: 'string' },
  'max-records': { type: 'string' },
  'max-extract-seconds': { type: 'string' },
} as const satisfies OptionsSpec;

/**
 * Limits from the parsed IMPORT_LIMIT_OPTIONS, the defaults otherwise. A value that is not a
 * positive number is a UsageError naming the flag.
 */
export function importLimitsFromOptions(values: {
  'max-file-mb'?: string;
  'max-files'?: string;
  'max-records'?: string;
  'max-extract-seconds'?: string;
}): ImportLimits {
  const positive = { min: 0, minExclusive: true };
  const fileMb = numberOption('max-file-mb', values['max-file-mb'], positive);
  const files = numberOption('max-files', values['max-files'], positive);
  const records = numberOption('max-records', values['max-records'], positive);
  const seconds = numberOption('max-extract-seconds', values['max-extract-seconds'], positive);
  return {
    maxFileBytes: fileMb === undefined ? DEFAULT_IMPORT_LIMITS.maxFileBytes : Math.round(fileMb * 1024 * 1024),
    maxFiles: files === undefined ? DEFAULT_IMPORT_LIMITS.maxFiles : Math.round(files),
    maxRecordsPerFile: records === undefined ? DEFAULT_IMPORT_LIMITS.maxRecordsPerFile : Math.round(records),
    maxExtractSeconds: seconds ?? DEFAULT_IMPORT_LIMITS.maxExtractSeconds,
  };
}
