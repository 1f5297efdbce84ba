/**
 * Probable duplicates across formats: the same article saved as .md, .html and .docx gives
 * three texts that differ in their title lines, bylines and spacing, so the exact content hash
 * misses them. They share their body, though: the key here is the longest paragraph, folded
 * (no diacritics, case or punctuation), after chrome removal.
 */
import { foldVietnamese } from '../../../shared/text/fold';
import { ExportSource } from '../store/export-source';
import type { Workbench } from '../workbench';

/** Shorter paragraphs ("Tin liên quan", a one-line lead) are too common to tell articles apart. */
const MIN_KEY_LENGTH = 80;

/** The folded longest paragraph of a text, or null when no paragraph is long enough to be telling. */
export function duplicateKeyOf(text: string): string | null {
  let key: string | null = null;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const folded = foldVietnamese(paragraph)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (folded.length >= MIN_KEY_LENGTH && folded.length > (key?.length ?? 0)) key = folded;
  }
  return key;
}

export interface ProbableDuplicate {
  articleId: number;
  title: string;
}

/** Keys of the articles in the workbench, read once per import job and kept up to date by it. */
export class ProbableDuplicates {
  private readonly byKey = new Map<string, ProbableDuplicate>();

  static of(workbench: Workbench): ProbableDuplicates {
    const index = new ProbableDuplicates();
    const source = new ExportSource(workbench.db, { scope: { kind: 'all' }, labelKeys: null });
    for (const article of source.articlesAfter(0)) {
      index.add(article.id, article.title ?? article.text.slice(0, 80), article.text);
    }
    return index;
  }

  /** The article whose key this text shares, if any. */
  find(text: string): ProbableDuplicate | null {
    const key = duplicateKeyOf(text);
    return key === null ? null : (this.byKey.get(key) ?? null);
  }

  add(articleId: number, title: string, text: string): void {
    const key = duplicateKeyOf(text);
    if (key !== null && !this.byKey.has(key)) this.byKey.set(key, { articleId, title });
  }
}
