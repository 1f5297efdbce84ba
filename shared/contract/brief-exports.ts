import { z } from 'zod';
import { defineCall } from './call';
import { BriefExportFormatIdSchema } from '../brief/export/formats';
import { BriefSectionKindSchema, SerializedLexicalNodeSchema } from '../brief/sections/section-nodes';
import { LibraryFilterSchema } from '../corpus/library-query';

/** The language of the words an export or a section writes itself (notes, "proposer not recorded"). */
export const BriefLanguageSchema = z.enum(['en', 'vi']);

export const ExportBriefResultSchema = z.discriminatedUnion('state', [
  /** Electron, CLI: written where the user chose. */
  z.object({ state: z.literal('written'), fileName: z.string(), path: z.string(), missingCitations: z.number().int() }),
  /** Browser host: ready at `downloadUrl` (token in the query string) for ten minutes, served once. */
  z.object({
    state: z.literal('download'),
    fileName: z.string(),
    downloadUrl: z.string(),
    missingCitations: z.number().int(),
  }),
  /** The user closed the save dialog. */
  z.object({ state: z.literal('cancelled') }),
]);
export type ExportBriefResult = z.infer<typeof ExportBriefResultSchema>;

export const briefExportCalls = {
  /**
   * Writes a brief as DOCX, HTML or Markdown. Without `path`, Electron asks where with its save
   * dialog and the browser host prepares a download; a `path` must come from that dialog.
   * `missingCitations` counts citations whose span or article is gone (exported from the snapshot).
   */
  exportBrief: defineCall(
    z
      .object({
        briefId: z.number().int().positive(),
        formatId: BriefExportFormatIdSchema,
        path: z.string().min(1).optional(),
        language: BriefLanguageSchema.default('vi'),
      })
      .strict(),
    ExportBriefResultSchema,
  ),
  /**
   * Lexical nodes for a brief from the spans under a library filter: per label a heading and a
   * list of citations (with proposers for proposals), capped per label with a "N more" line.
   */
  generateBriefSection: defineCall(
    z
      .object({
        kind: BriefSectionKindSchema,
        filter: LibraryFilterSchema.default({}),
        language: BriefLanguageSchema.default('vi'),
      })
      .strict(),
    z.object({
      nodes: z.array(SerializedLexicalNodeSchema),
      /** Citations in the nodes, and spans under the filter in all. */
      listed: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
    }),
  ),
};
