/**
 * Imports one file: extract its articles, prepare each, and store them all in ONE transaction,
 * so a failure leaves nothing of the file behind. Never throws for bad input: every outcome is
 * a result (imported, duplicate naming the article, or skipped with a plain reason). A file that
 * raises questions (./review.ts) is rolled back and held until they are answered.
 */
import { basename } from 'node:path';
import type { ImportFileResult, ReviewQuestion } from '../../../shared/contract';
import { displayTitleOf } from '../store/articles';
import { importWorkbenchExport } from './workbench/workbench-import';
import type { Workbench } from '../workbench';
import { printableFileName } from './file-names';
import { thisThreadExtractor, type Extractor } from './extraction/extractors';
import type { ExtractOutcome, ExtractSource } from './extraction/extract-file';
import type { SourceDocument } from './formats/types';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { addPeerAnnotations } from './peer-annotations';
import { prepareArticle, type Preparation } from './prepare-article';
import { FileReview, ReviewNeeded, suggestedChoice, type Decide } from './review';
import { importAnnotationRows } from './annotation-rows';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import { notesOf, skippedFor } from './skipped';
import { storeArticle } from './store-article';

/** A file to import: the name shown in the report, and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

const partName = (file: string, document: { part: string | null }): string =>
  document.part ? `${file} (${document.part})` : file;

/** How many spans of each label a file's documents bring, for the label questions. */
function peerLabelCounts(documents: readonly SourceDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of documents.flatMap((document) => document.annotations?.spans ?? []))
    counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  return counts;
}

/**
 * Stores the documents of one file in one transaction; throws (and rolls back) on any store error
 * or open question. `prepared` holds the documents already prepared where the file was read.
 */
function storeDocuments(
  workbench: Workbench,
  file: string,
  documents: readonly SourceDocument[],
  prepared: readonly Preparation[] | null,
  fileNotes: readonly MessageRef[],
  review: FileReview,
  questionPrefix: string,
): ImportFileResult[] {
  const labelCounts = peerLabelCounts(documents);
  // One IMMEDIATE transaction for the file (changes.batch starts it like writeTransaction does);
  // imported spans are change sets inside it.
  return workbench.changes.batch((): ImportFileResult[] => {
    /** Articles this file stored so far: a probable duplicate of one of them is "earlier in this file". */
    const storedHere = new Set<number>();
    const results = documents.map((document, index): ImportFileResult => {
      const name = partName(file, document);
      const preparation = prepared?.[index] ?? prepareArticle(document, basename(file));
      if (!preparation.ok) return skippedFor(name, preparation.reason);
      const { article } = preparation;
      const notes = [...fileNotes, ...preparation.notes];
      const title = displayTitleOf(article.title, article.text.slice(0, 200));
      const exact = workbench.articles.findIdByHash(article.contentHash);
      const probable = exact ? null : workbench.articles.findByDuplicateKey(article.derived.duplicateKey);
      if (probable) {
        const inThisFile = storedHere.has(probable.id);
        const choice = review.ask({
          kind: 'probableDuplicate',
          id: `${questionPrefix}duplicate:${document.part ?? ''}`,
          file: name,
          title,
          duplicateOf: { articleId: inThisFile ? null : probable.id, title: probable.displayTitle },
        });
        if (choice.choice === 'skip') {
          return skippedFor(name, {
            key: 'fileDuplicateSkippedByUser',
            params: { id: probable.id, title: probable.displayTitle },
          });
        }
      }
      const stored = storeArticle(workbench.db, workbench.articles, { ...article, rawText: document.rawText });
      // Spans from another tool go onto the article, new or already here.
      const spanNotes = document.annotations
        ? addPeerAnnotations(workbench, stored.articleId, document.rawText, document.annotations, {
            fileName: file,
            review,
            labelCounts,
          })
        : [];
      if (stored.outcome === 'duplicate') {
        return {
          outcome: 'duplicate',
          file: name,
          articleId: stored.articleId,
          title: stored.displayTitle,
          ...notesOf([
            { key: 'noteSameText', params: { id: stored.articleId, title: stored.displayTitle } },
            ...spanNotes,
          ]),
        };
      }
      storedHere.add(stored.articleId);
      notes.push(...spanNotes);
      if (probable) {
        notes.push({ key: 'noteProbableDuplicateKept', params: { id: probable.id, title: probable.displayTitle } });
      }
      const result: ImportFileResult = {
        outcome: 'imported',
        file: name,
        articleId: stored.articleId,
        title,
        ...notesOf(notes),
      };
      return probable ? { ...result, probableDuplicateOf: probable.id } : result;
    });
    review.throwIfOpen();
    return results;
  });
}

/** What one import job shares between its files. */
export interface ImportRun {
  limits: ImportLimits;
  /** Where files are read: by default on this thread, without a time limit (./extraction). */
  extractor?: Extractor;
  /** Answers the review's questions; by default the suggested answers (what the command line does). */
  decide?: Decide;
  /** Starts the ids of this file's own questions, so that they are unique in the job. */
  questionPrefix?: string;
}

/** A file imported (every outcome a result), or held for the questions it raised, with nothing of it written. */
export type FileImport =
  { kind: 'done'; results: ImportFileResult[] } | { kind: 'review'; questions: ReviewQuestion[] };

const done = (results: ImportFileResult[]): FileImport => ({ kind: 'done', results });

/**
 * A file read: extracted and ready to store, or already done with (refused by size, unreadable,
 * broken, cut off by Cancel). Reading is the part of a file's import that may wait (a worker
 * thread extracts it); storing is synchronous, so a job can store several read files in one
 * transaction without holding the write lock across a wait.
 */
export type ReadFile =
  /** `cutOff`: the file was being read when the import was cancelled (reported, as the job stops). */
  | { kind: 'done'; results: ImportFileResult[]; bytes: number; cutOff?: true }
  | { kind: 'read'; name: string; extracted: Extracted; bytes: number }
  /** Cancelled before it was read: nothing to report. */
  | { kind: 'unread'; bytes: 0 };

type Extracted = Extract<ExtractOutcome, { kind: 'extracted' }>;

/**
 * Reads one file (its bytes, or its path, read where it is extracted). Never throws: a file that
 * is too large or unreadable, breaks a parser, takes too long, holds too many records or is cut
 * off by Cancel is done with, skipped with a message naming it.
 */
async function readSource(name: string, source: ExtractSource, run: ImportRun): Promise<ReadFile> {
  const file = printableFileName(name);
  const extracted = await (run.extractor ?? thisThreadExtractor).extract(name, source, run.limits);
  const skipped = (reason: MessageRef) => ({ kind: 'done' as const, results: [skippedFor(file, reason)], bytes: 0 });
  if (extracted.kind === 'failed') return skipped(extracted.reason);
  if (extracted.kind === 'cancelled')
    return { ...skipped({ key: 'fileReadCancelled', params: { file } }), cutOff: true };
  if (extracted.kind === 'unread') return { kind: 'unread', bytes: 0 };
  return { kind: 'read', name, extracted, bytes: extracted.bytes };
}

/** Reads one file's bytes (./extraction, `readSource`). */
export function readFileInput(input: ImportInput, run: ImportRun): Promise<ReadFile> {
  return readSource(input.name, { bytes: input.bytes }, run);
}

/** Reads a file from disk, refusing it by size before reading; `name` is what the report shows. */
export function readFilePath(path: string, run: ImportRun, name: string = path): Promise<ReadFile> {
  return readSource(name, { path }, run);
}

/**
 * Stores a file read, all of it in one transaction (a savepoint when the job has a batch open),
 * and reports what happened to each article in it, or holds it for review with nothing of it
 * written. Never throws for bad input: a failure rolls the file back and skips it.
 */
export function storeReadFile(workbench: Workbench, read: ReadFile, run: ImportRun): FileImport {
  if (read.kind === 'done') return done(read.results);
  if (read.kind === 'unread') return done([]);
  const file = printableFileName(read.name);
  const { extraction, encoding, notes, legacy, prepared } = read.extracted;
  const review = new FileReview(run.decide ?? suggestedChoice);
  const questionPrefix = run.questionPrefix ?? '';
  try {
    if (extraction.kind === 'refused') return done([skippedFor(file, extraction.reason, extraction.preview)]);
    if (legacy) {
      const choice = review.ask({ kind: 'legacyEncoding', id: `${questionPrefix}legacy`, file, ...legacy });
      if (choice.choice === 'skip')
        return done([skippedFor(file, { key: 'fileLegacyRefusedByUser', params: { encoding: legacy.encoding } })]);
    }
    // Workbench exports carry annotations: they go through the change pipeline (workbench/).
    if (extraction.kind === 'workbench-export')
      return done(importWorkbenchExport(workbench, file, extraction.parsed, review));
    if (extraction.kind === 'annotation-rows') {
      const results = importAnnotationRows(workbench, file, extraction.rows, review);
      const skippedRows = extraction.skipped.map((part) => skippedFor(`${file} (${part.part})`, part.reason));
      return done([...results, ...skippedRows]);
    }
    const encodingNote: MessageRef[] =
      encoding === null ? [] : [{ key: legacy ? 'noteEncodingLegacy' : 'noteEncoding', params: { encoding } }];
    const fileNotes = [...encodingNote, ...notes, ...extraction.notes];
    const results = storeDocuments(workbench, file, extraction.documents, prepared, fileNotes, review, questionPrefix);
    const skippedParts = extraction.skipped.map((part) => skippedFor(`${file} (${part.part})`, part.reason));
    if (results.length === 0 && skippedParts.length === 0)
      return done([skippedFor(file, { key: 'fileHoldsNoArticles', params: {} })]);
    return done([...results, ...skippedParts]);
  } catch (error) {
    if (error instanceof ReviewNeeded) return { kind: 'review', questions: error.questions };
    const detail = error instanceof Error ? error.message : String(error);
    return done([skippedFor(file, { key: 'fileNotImported', params: { detail } })]);
  }
}

/** Imports one file's bytes (read, then stored in its own transaction), or holds it for review. */
export async function importFileReviewed(
  workbench: Workbench,
  input: ImportInput,
  run: ImportRun,
): Promise<FileImport> {
  return storeReadFile(workbench, await readFileInput(input, run), run);
}

/** Imports one file's bytes, answering every review question with its suggestion (tools, seeds, tests). */
export async function importFile(
  workbench: Workbench,
  input: ImportInput,
  run: ImportRun = { limits: DEFAULT_IMPORT_LIMITS },
): Promise<ImportFileResult[]> {
  return resultsOf(await importFileReviewed(workbench, input, run));
}

function resultsOf(outcome: FileImport): ImportFileResult[] {
  if (outcome.kind === 'review') throw new Error('A file was held for review although every question had an answer.');
  return outcome.results;
}

/** Reads a file from disk and imports it under `name`, or holds it for review. */
export async function importFilePathReviewed(
  workbench: Workbench,
  path: string,
  run: ImportRun,
  name: string = path,
): Promise<FileImport> {
  return storeReadFile(workbench, await readFilePath(path, run, name), run);
}

/** `importFilePathReviewed` answering every review question with its suggestion. */
export async function importFilePath(
  workbench: Workbench,
  path: string,
  run: ImportRun = { limits: DEFAULT_IMPORT_LIMITS },
  name: string = path,
): Promise<ImportFileResult[]> {
  return resultsOf(await importFilePathReviewed(workbench, path, run, name));
}
