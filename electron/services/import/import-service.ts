import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportFileResult } from '../../../shared/contract';
import { canonicalize } from '../../../shared/text/canonical';
import type { Workbench } from '../workbench';
import { storeArticle } from './store-article';

/** A file to import: its display name and its bytes. */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * Imports one file (plain UTF-8 text for now) and reports what happened to it.
 * Never throws for bad input: a bad file becomes a `skipped` result naming the reason.
 */
export function importFile(workbench: Workbench, input: ImportInput): ImportFileResult[] {
  const rawText = new TextDecoder('utf-8', { fatal: false }).decode(input.bytes);
  const { text } = canonicalize(rawText);
  if (!text.trim()) return [{ outcome: 'skipped', file: input.name, reason: 'The file is empty.' }];
  const stored = storeArticle(workbench.db, workbench.articles, {
    rawText,
    text,
    trimmedText: null,
    title: null,
    source: null,
    byline: null,
    url: null,
    publishedAt: null,
    fileName: basename(input.name),
  });
  if (stored.outcome === 'duplicate') {
    return [{ outcome: 'duplicate', file: input.name, articleId: stored.articleId, title: stored.displayTitle, notes: [] }];
  }
  const title = workbench.articles.getSummary(stored.articleId).displayTitle;
  return [{ outcome: 'imported', file: input.name, articleId: stored.articleId, title, notes: [] }];
}

export function importFilePath(workbench: Workbench, path: string): ImportFileResult[] {
  return importFile(workbench, { name: path, bytes: readFileSync(path) });
}
