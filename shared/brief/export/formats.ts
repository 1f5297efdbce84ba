/**
 * THE list of brief export formats: what the brief's Export menu offers, what `exportBrief`
 * accepts and what the tests loop over. The writers are keyed by the same ids: HTML and Markdown
 * are pure (`html-writer.ts`, `markdown-writer.ts`), DOCX runs in Node
 * (`BRIEF_WRITERS` in electron/services/briefs/export/brief-export-service.ts, a mapped type, so
 * a format without a writer does not compile — as `LIBRARY_FILTERS` and its SQL builders). Each
 * format's name in the UI is the i18n key `briefExport.format.<id>` (en.ts, vi.ts; the typed `t()`
 * refuses to compile an id without its key).
 */
import { z } from 'zod';

export const BRIEF_EXPORT_FORMAT_IDS = ['docx', 'html', 'markdown'] as const;
export const BriefExportFormatIdSchema = z.enum(BRIEF_EXPORT_FORMAT_IDS);
export type BriefExportFormatId = z.infer<typeof BriefExportFormatIdSchema>;

export interface BriefExportFormatSpec {
  id: BriefExportFormatId;
  /** With the dot, e.g. `.docx`. */
  extension: string;
  mime: string;
}

export const BRIEF_EXPORT_FORMATS = {
  docx: {
    id: 'docx',
    extension: '.docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  html: { id: 'html', extension: '.html', mime: 'text/html; charset=utf-8' },
  markdown: { id: 'markdown', extension: '.md', mime: 'text/markdown; charset=utf-8' },
} as const satisfies { [Id in BriefExportFormatId]: BriefExportFormatSpec & { id: Id } };

export const BRIEF_EXPORT_FORMAT_SPECS: readonly BriefExportFormatSpec[] = Object.values(BRIEF_EXPORT_FORMATS);

/**
 * A file name from the brief's title: letters (Vietnamese kept), digits, spaces turned to
 * hyphens, at most 80 characters; `brief` when nothing is left.
 */
export function briefFileName(title: string, formatId: BriefExportFormatId): string {
  const words = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s_-]+/gu, ' ')
    .trim()
    .replace(/\s+/g, '-');
  // By code point, so a letter outside the BMP is never cut in half.
  const stem = [...words].slice(0, 80).join('').replace(/-+$/, '');
  return `${stem || 'brief'}${BRIEF_EXPORT_FORMATS[formatId].extension}`;
}
