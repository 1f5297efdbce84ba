/**
 * Probable duplicates across formats: the same article saved as .md, .html and .docx gives
 * three texts that differ in their title lines, bylines and spacing, so the exact content hash
 * misses them. They share their body, though: the key is the longest paragraph, folded (no
 * diacritics, case or punctuation), of the text left after chrome removal.
 */
import { foldVietnamese } from '../text/fold';

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
