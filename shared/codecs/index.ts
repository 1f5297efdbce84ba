/** The export formats behind one factory, and what their files are called. */
import type { ExportFormat } from '../contract/exports';
import { exportFormatSpec, type CodecDeps, type CodecOptions } from './registry';
import type { ExportCodec, ExportContext } from './types';

export { EXPORT_FORMAT_SPECS, exportFormatByName, exportFormatSpec, exportOptionsProblem } from './registry';

/** e.g. marginalia-2026-11-24.jsonl, in the user's local date. */
export function suggestedExportFileName(format: ExportFormat, date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `marginalia-${day}${exportFormatSpec(format).extension}`;
}

export function createExportCodec(options: CodecOptions, context: ExportContext, deps: CodecDeps): ExportCodec {
  return exportFormatSpec(options.format).create(options, context, deps);
}
