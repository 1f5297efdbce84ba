/**
 * One file's bytes → its articles, or why not: the step of an import that may run for long on
 * a hostile file, so it runs where it can be stopped (./extractors.ts) and never throws.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import type { LegacyConversion } from '../decode';
import { printableFileName } from '../file-names';
import { prepareArticle, type Preparation } from '../prepare-article';
import { extractDocuments } from '../formats';
import type { Extraction } from '../formats/types';
import { tooLargeReason, type ImportLimits } from '../limits';

export type ExtractOutcome =
  | {
      kind: 'extracted';
      /** The file's size, in bytes. */
      bytes: number;
      extraction: Extraction;
      encoding: string | null;
      notes: MessageRef[];
      /** Set when the text was converted from a legacy font encoding: the review asks about it. */
      legacy: LegacyConversion | null;
      /**
       * Each of `extraction.documents` prepared for the store (canonical text, metadata, folded
       * search row, duplicate key…), in order: computed here, on the reading thread, so the
       * thread that writes only writes. Null for the other kinds of extraction.
       */
      prepared: Preparation[] | null;
    }
  | { kind: 'failed'; reason: MessageRef }
  /** Cut off by Cancel while being read. */
  | { kind: 'cancelled' }
  /** Cancelled before its turn came. */
  | { kind: 'unread' };

/**
 * A file to extract: its bytes (an upload), or its path on disk, read where it is extracted (in
 * the extract worker, so the job's thread neither reads files nor copies their bytes to it).
 */
export type ExtractSource = { bytes: Uint8Array } | { path: string };

/** What the parent posts to the extract worker; it reads them one after the other, in order. */
export interface ExtractRequest {
  id: number;
  name: string;
  source: ExtractSource;
  limits: ImportLimits;
}

/**
 * What the extract worker answers for request `id`. An article whose text is its document's raw
 * text (nothing canonicalised or trimmed: most files) is posted with that text empty and its
 * index in `textIsRaw`, so the writing thread is copied the text once, not twice (16 KB of an
 * 8 KB article): `replyOf` on the worker's side, `outcomeOf` on the job's.
 */
export interface ExtractReply {
  id: number;
  outcome: ExtractOutcome;
  /** Indexes in `outcome.prepared` of the articles whose text is their document's raw text. */
  textIsRaw: number[];
}

export function replyOf(id: number, outcome: ExtractOutcome): ExtractReply {
  if (outcome.kind !== 'extracted' || outcome.extraction.kind !== 'documents' || !outcome.prepared)
    return { id, outcome, textIsRaw: [] };
  const { documents } = outcome.extraction;
  const textIsRaw: number[] = [];
  const prepared = outcome.prepared.map((preparation, index): Preparation => {
    if (!preparation.ok || preparation.article.text !== documents[index]?.rawText) return preparation;
    textIsRaw.push(index);
    return { ...preparation, article: { ...preparation.article, text: '' } };
  });
  return { id, outcome: { ...outcome, prepared }, textIsRaw };
}

export function outcomeOf(reply: ExtractReply): ExtractOutcome {
  const { outcome, textIsRaw } = reply;
  if (textIsRaw.length === 0 || outcome.kind !== 'extracted' || outcome.extraction.kind !== 'documents') return outcome;
  const { documents } = outcome.extraction;
  // A set: a JSON-lines file may hold thousands of records.
  const isRaw = new Set(textIsRaw);
  const prepared = outcome.prepared?.map((preparation, index): Preparation => {
    const document = documents[index];
    if (!preparation.ok || !document || !isRaw.has(index)) return preparation;
    return { ...preparation, article: { ...preparation.article, text: document.rawText } };
  });
  return { ...outcome, prepared: prepared ?? null };
}

/** The extract worker's first message: its code is loaded. */
export const READY = 'ready';

/** The file's bytes, or why they cannot be had: it is larger than the limit (refused before reading), or unreadable. */
function bytesOf(source: ExtractSource, limits: ImportLimits): { bytes: Uint8Array } | { reason: MessageRef } {
  try {
    const size = 'bytes' in source ? source.bytes.length : statSync(source.path).size;
    const tooLarge = tooLargeReason(size, limits);
    if (tooLarge) return { reason: tooLarge };
    return 'bytes' in source ? source : { bytes: readFileSync(source.path) };
  } catch (error) {
    return { reason: { key: 'fileUnreadable', params: { detail: (error as Error).message } } };
  }
}

/** Reads `name` (bytes or path), extracts its articles, and refuses a file with more records than the limit. */
export async function extractFile(name: string, source: ExtractSource, limits: ImportLimits): Promise<ExtractOutcome> {
  const read = bytesOf(source, limits);
  if ('reason' in read) return { kind: 'failed', reason: read.reason };
  const { bytes } = read;
  try {
    const { extraction, encoding, notes, legacy } = await extractDocuments(name, bytes, limits);
    const records = recordCount(extraction);
    if (records > limits.maxRecordsPerFile) {
      return {
        kind: 'failed',
        reason: {
          key: 'fileTooManyRecords',
          params: { file: printableFileName(name), count: records, limit: limits.maxRecordsPerFile },
        },
      };
    }
    const fileName = basename(printableFileName(name));
    const prepared =
      extraction.kind === 'documents'
        ? extraction.documents.map((document) => prepareArticle(document, fileName))
        : null;
    return { kind: 'extracted', bytes: bytes.length, extraction, encoding, notes, legacy, prepared };
  } catch (error) {
    return { kind: 'failed', reason: readableError(error) };
  }
}

/** Records the file holds: articles found plus records skipped on their own, or a workbench export's articles. */
function recordCount(extraction: Extraction): number {
  if (extraction.kind === 'documents') return extraction.documents.length + extraction.skipped.length;
  if (extraction.kind === 'annotation-rows') return extraction.rows.length + extraction.skipped.length;
  if (extraction.kind === 'workbench-export') {
    const articles = (extraction.parsed as { articles?: unknown }).articles;
    return Array.isArray(articles) ? articles.length : 0;
  }
  return 0;
}

/** A stack overflow inside a parser means the input nests too deeply, and should say so. */
function readableError(error: unknown): MessageRef {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return { key: 'fileNestedTooDeeply', params: {} };
  return { key: 'fileNotImported', params: { detail: error instanceof Error ? error.message : String(error) } };
}
