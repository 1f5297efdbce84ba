/**
 * Imports one file: extract its articles, prepare each, and store them all in ONE transaction,
 * so a failure leaves nothing of the file behind. Never throws for bad input: every outcome is
 * a result (imported, duplicate naming the article, or skipped with a plain reason).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/contract';
import { displayTitleOf } from '../store/articles';
import { importWorkbenchExport } from './workbench/workbench-import';
import type { Workbench } from '../workbench';
import { extractDocuments } from './formats';
import type { SourceDocument } from './formats/types';
import { DEFAULT_IMPORT_LIMITS, tooLargeReason, type ImportLimits } from './limits';
import { prepareArticle } from './prepare-article';
import { storeArticle } from './store-article';
import { writeTransaction } from '../store/write-transaction';

/** A file to import: the name shown in the report, and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

const skipped = (file: string, reason: string, preview?: string): ImportFileResult =>
  preview === undefined ? { outcome: 'skipped', file, reason } : { outcome: 'skipped', file, reason, preview };

const partName = (file: string, document: { part: string | null }): string =>
  document.part ? `${file} (${document.part})` : file;

/** Stores the documents of one file in one transaction; throws (and rolls back) on any store error. */
function storeDocuments(
  workbench: Workbench,
  file: string,
  documents: readonly SourceDocument[],
  fileNotes: readonly string[],
): ImportFileResult[] {
  return writeTransaction(workbench.db, (): ImportFileResult[] =>
    documents.map((document): ImportFileResult => {
      const name = partName(file, document);
      const prepared = prepareArticle(document, basename(file));
      if (!prepared.ok) return skipped(name, prepared.reason);
      const notes = [...fileNotes, ...prepared.notes];
      const stored = storeArticle(workbench.db, workbench.articles, prepared.article);
      if (stored.outcome === 'duplicate') {
        return {
          outcome: 'duplicate',
          file: name,
          articleId: stored.articleId,
          title: stored.displayTitle,
          notes: [`Same canonical text as article ${stored.articleId}, “${stored.displayTitle}”.`],
        };
      }
      const title = displayTitleOf(prepared.article.title, prepared.article.text.slice(0, 200));
      return { outcome: 'imported', file: name, articleId: stored.articleId, title, notes };
    }),
  );
}

/** Imports one file's bytes and reports what happened to each article in it. */
export async function importFile(
  workbench: Workbench,
  input: ImportInput,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ImportFileResult[]> {
  const tooLarge = tooLargeReason(input.bytes.length, limits);
  if (tooLarge) return [skipped(input.name, tooLarge)];
  const { extraction, encoding } = await extractDocuments(input.name, input.bytes);
  if (extraction.kind === 'refused') return [skipped(input.name, extraction.reason, extraction.preview)];
  try {
    // Workbench exports carry annotations: they go through the change pipeline (workbench/).
    if (extraction.kind === 'workbench-export') return importWorkbenchExport(workbench, input.name, extraction.parsed);
    const fileNotes = [...(encoding ? [`Encoding: ${encoding}.`] : []), ...extraction.notes];
    const results = storeDocuments(workbench, input.name, extraction.documents, fileNotes);
    const skippedParts = extraction.skipped.map((part) => skipped(`${input.name} (${part.part})`, part.reason));
    if (results.length === 0 && skippedParts.length === 0) return [skipped(input.name, 'The file holds no articles.')];
    return [...results, ...skippedParts];
  } catch (error) {
    return [skipped(input.name, `Nothing of this file was imported: ${(error as Error).message}`)];
  }
}

/** Reads a file from disk (refusing it by size before reading) and imports it under `name`. */
export async function importFilePath(
  workbench: Workbench,
  path: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  name: string = path,
): Promise<ImportFileResult[]> {
  let bytes: Uint8Array;
  try {
    const tooLarge = tooLargeReason(statSync(path).size, limits);
    if (tooLarge) return [skipped(name, tooLarge)];
    bytes = readFileSync(path);
  } catch (error) {
    return [skipped(name, `The file could not be read: ${(error as Error).message}`)];
  }
  return importFile(workbench, { name, bytes }, limits);
}
