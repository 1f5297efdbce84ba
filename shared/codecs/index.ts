/** The export formats behind one factory, and what their files are called. */
import type { ExportFormat } from '../contract/exports';
import { fileNamePart } from '../text/file-name';
import { exportFormatSpec, type CodecDeps, type CodecOptions } from './registry';
import type { ExportCodec, ExportContext } from './types';

export { EXPORT_FORMAT_SPECS, exportFormatByName, exportFormatSpec, exportOptionsProblem } from './registry';

/**
 * e.g. marginalia-2026-11-24.jsonl, in the user's local date; a layer export names its layers
 * (marginalia-gold-2026-11-24.conll), since CoNLL has no column to say whose tags it holds.
 */
export function suggestedExportFileName(format: ExportFormat, date: Date, authors?: readonly string[]): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const layers = authors?.length ? `${authors.map((author) => fileNamePart(author, 'author')).join('+')}-` : '';
  return `marginalia-${layers}${day}${exportFormatSpec(format).extension}`;
}

export function createExportCodec(options: CodecOptions, context: ExportContext, deps: CodecDeps): ExportCodec {
  return exportFormatSpec(options.format).create(options, context, deps);
}
