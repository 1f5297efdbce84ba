/**
 * Imports one file: extract its articles, prepare each, and store them all in ONE transaction,
 * so a failure leaves nothing of the file behind. Never throws for bad input: every outcome is
 * a result (imported, duplicate naming the article, or skipped with a plain reason).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/contract';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';
import { displayTitleOf } from '../store/articles';
import { importWorkbenchExport } from './workbench/workbench-import';
import type { Workbench } from '../workbench';
import { printableFileName } from './file-names';
import { thisThreadExtractor, type Extractor } from './extraction/extractors';
import type { SourceDocument } from './formats/types';
import { DEFAULT_IMPORT_LIMITS, tooLargeReason, type ImportLimits } from './limits';
import { addPeerAnnotations } from './peer-annotations';
import { prepareArticle } from './prepare-article';
import { ProbableDuplicates } from './probable-duplicates';
import { storeArticle } from './store-article';

/** A file to import: the name shown in the report, and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

const skipped = (file: string, reason: string, preview?: string): ImportFileResult =>
  preview === undefined ? { outcome: 'skipped', file, reason } : { outcome: 'skipped', file, reason, preview };

/** A skipped file whose reason is a catalogue message (shown in the UI's language). */
export const skippedFor = (file: string, reason: MessageRef): ImportFileResult => ({
  outcome: 'skipped',
  file,
  reason: englishMessage(reason.key, reason.params),
  reasonRef: reason,
});

const partName = (file: string, document: { part: string | null }): string =>
  document.part ? `${file} (${document.part})` : file;

/** Stores the documents of one file in one transaction; throws (and rolls back) on any store error. */
function storeDocuments(
  workbench: Workbench,
  file: string,
  documents: readonly SourceDocument[],
  fileNotes: readonly string[],
  duplicates: ProbableDuplicates,
): ImportFileResult[] {
  // One IMMEDIATE transaction for the file (changes.batch starts it like writeTransaction does);
  // imported spans are change sets inside it.
  return workbench.changes.batch((): ImportFileResult[] =>
    documents.map((document): ImportFileResult => {
      const name = partName(file, document);
      const prepared = prepareArticle(document, basename(file));
      if (!prepared.ok) return skipped(name, prepared.reason);
      const notes = [...fileNotes, ...prepared.notes];
      const probable = duplicates.find(prepared.article.text);
      const stored = storeArticle(workbench.db, workbench.articles, prepared.article);
      // Spans from another tool go onto the article, new or already here.
      const spanNotes = document.annotations
        ? addPeerAnnotations(workbench, stored.articleId, document.rawText, document.annotations, file)
        : [];
      if (stored.outcome === 'duplicate') {
        return {
          outcome: 'duplicate',
          file: name,
          articleId: stored.articleId,
          title: stored.displayTitle,
          notes: [`Same canonical text as article ${stored.articleId}, “${stored.displayTitle}”.`, ...spanNotes],
        };
      }
      notes.push(...spanNotes);
      const title = displayTitleOf(prepared.article.title, prepared.article.text.slice(0, 200));
      if (probable) {
        notes.push(
          `Probable duplicate of article ${probable.articleId}, “${probable.title}”: the same text once markup and chrome are removed. Keep both, or delete one.`,
        );
      }
      duplicates.add(stored.articleId, title, prepared.article.text);
      const result: ImportFileResult = { outcome: 'imported', file: name, articleId: stored.articleId, title, notes };
      return probable ? { ...result, probableDuplicateOf: probable.articleId } : result;
    }),
  );
}

/** What one import job shares between its files. */
export interface ImportRun {
  limits: ImportLimits;
  /** Probable duplicates seen so far; built from the workbench when not given. */
  duplicates?: ProbableDuplicates;
  /** Where files are read: by default on this thread, without a time limit (./extraction). */
  extractor?: Extractor;
}

/**
 * Imports one file's bytes and reports what happened to each article in it. Extraction never
 * throws: a file that breaks a parser, takes too long, holds too many records or is cut off by
 * Cancel is skipped with a message naming it, nothing of it is stored, and the batch goes on.
 */
export async function importFile(
  workbench: Workbench,
  input: ImportInput,
  run: ImportRun = { limits: DEFAULT_IMPORT_LIMITS },
): Promise<ImportFileResult[]> {
  const file = printableFileName(input.name);
  const tooLarge = tooLargeReason(input.bytes.length, run.limits);
  if (tooLarge) return [skippedFor(file, tooLarge)];
  const extracted = await (run.extractor ?? thisThreadExtractor).extract(input.name, input.bytes, run.limits);
  if (extracted.kind === 'failed') return [skippedFor(file, extracted.reason)];
  if (extracted.kind === 'cancelled') return [skippedFor(file, { key: 'fileReadCancelled', params: { file } })];
  const { extraction, encoding, notes } = extracted;
  try {
    if (extraction.kind === 'refused') return [skipped(file, extraction.reason, extraction.preview)];
    // Workbench exports carry annotations: they go through the change pipeline (workbench/).
    if (extraction.kind === 'workbench-export') return importWorkbenchExport(workbench, file, extraction.parsed);
    const fileNotes = [...(encoding ? [`Encoding: ${encoding}.`] : []), ...notes, ...extraction.notes];
    run.duplicates ??= ProbableDuplicates.of(workbench);
    const results = storeDocuments(workbench, file, extraction.documents, fileNotes, run.duplicates);
    const skippedParts = extraction.skipped.map((part) => skipped(`${file} (${part.part})`, part.reason));
    if (results.length === 0 && skippedParts.length === 0)
      return [skippedFor(file, { key: 'fileHoldsNoArticles', params: {} })];
    return [...results, ...skippedParts];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [skippedFor(file, { key: 'fileNotImported', params: { detail } })];
  }
}

/** Reads a file from disk (refusing it by size before reading) and imports it under `name`. */
export async function importFilePath(
  workbench: Workbench,
  path: string,
  run: ImportRun = { limits: DEFAULT_IMPORT_LIMITS },
  name: string = path,
): Promise<ImportFileResult[]> {
  let bytes: Uint8Array;
  try {
    const tooLarge = tooLargeReason(statSync(path).size, run.limits);
    if (tooLarge) return [skippedFor(printableFileName(name), tooLarge)];
    bytes = readFileSync(path);
  } catch (error) {
    return [
      skippedFor(printableFileName(name), { key: 'fileUnreadable', params: { detail: (error as Error).message } }),
    ];
  }
  return importFile(workbench, { name, bytes }, run);
}
