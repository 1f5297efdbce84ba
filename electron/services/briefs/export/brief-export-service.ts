import type { CitationSnapshot, ResolvedCitation } from '../../../../shared/brief/citation';
import {
  BriefContentError,
  buildBriefDocument,
  citationsIn,
  type BriefDocument,
  type BriefLanguage,
} from '../../../../shared/brief/export/brief-document';
import { BRIEF_EXPORT_FORMATS, briefFileName, type BriefExportFormatId } from '../../../../shared/brief/export/formats';
import { writeBriefHtml } from '../../../../shared/brief/export/html-writer';
import { writeBriefMarkdown } from '../../../../shared/brief/export/markdown-writer';
import { ApiError } from '../../../../shared/contract/errors';
import { AtomicFile } from '../../export/atomic-file';
import { writeBriefDocx } from './docx-writer';

/** A stored brief as the exports need it (the brief store's `get`). */
export interface BriefForExport {
  title: string;
  author: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** Lexical's serialized editor state, parsed from JSON. */
  content: unknown;
}

export interface BriefSource {
  /** Throws ApiError not_found for a brief that does not exist. */
  get(briefId: number): BriefForExport;
}

/** What each citation shows now, by annotation id (the brief store's `resolveCitations`). */
export interface CitationResolver {
  resolve(citations: readonly CitationSnapshot[]): Map<number, ResolvedCitation>;
}

export interface BriefExportDeps {
  briefs: BriefSource;
  citations: CitationResolver;
}

type BriefWriter = (doc: BriefDocument) => string | Promise<string | Uint8Array>;

/** One writer per format of the registry (shared/brief/export/formats.ts); a missing one does not compile. */
const BRIEF_WRITERS: { [Id in BriefExportFormatId]: BriefWriter } = {
  docx: writeBriefDocx,
  html: writeBriefHtml,
  markdown: writeBriefMarkdown,
};

export interface RenderedBrief {
  fileName: string;
  mime: string;
  bytes: string | Uint8Array;
  /** Citations whose span or article is gone, shown from the brief's snapshot and marked. */
  missingCitations: number;
}

/** A brief in one format, in memory (a brief is a few pages, never a corpus). */
export async function renderBrief(
  deps: BriefExportDeps,
  briefId: number,
  formatId: BriefExportFormatId,
  language: BriefLanguage,
): Promise<RenderedBrief> {
  const brief = deps.briefs.get(briefId);
  let doc: BriefDocument;
  try {
    const resolved = deps.citations.resolve(citationsIn(brief.content));
    const { title, author, createdAt, updatedAt } = brief;
    doc = buildBriefDocument({ title, author, createdAt, updatedAt }, brief.content, resolved, language);
  } catch (error) {
    if (error instanceof BriefContentError)
      throw ApiError.of('rejected', 'briefContentInvalid', { briefId, path: error.path, reason: error.reason });
    throw error;
  }
  return {
    fileName: briefFileName(brief.title, formatId),
    mime: BRIEF_EXPORT_FORMATS[formatId].mime,
    bytes: await BRIEF_WRITERS[formatId](doc),
    missingCitations: doc.notes.filter((note) => note.state !== 'live').length,
  };
}

/** Writes the rendered brief to `path` through a temp file renamed into place (never half a file). */
export async function writeRenderedBrief(rendered: RenderedBrief, path: string): Promise<void> {
  const file = await AtomicFile.create(path);
  try {
    await file.write(rendered.bytes);
    await file.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
}
