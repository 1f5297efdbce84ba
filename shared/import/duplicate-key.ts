/**
 * Probable duplicates across formats: the same article saved as .md, .html and .docx gives
 * three texts that differ in their title lines, bylines and spacing, so the exact content hash
 * misses them. They share their body, though: the key is the longest paragraph, folded (no
 * diacritics, case or punctuation), of the text left after chrome removal.
 */
import { cachedCodeUnitTest } from '../text/code-unit-test';
import { foldVietnamese } from '../text/fold';
import { codePointLengthAt } from '../text/surrogates';

/** Shorter paragraphs ("Tin liên quan", a one-line lead) are too common to tell articles apart. */
const MIN_KEY_LENGTH = 80;
const PARAGRAPH_BREAK = /\n\s*\n/;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
/**
 * The marks folding removes. Where the text holds one of them alone (a mark after a line break),
 * folding could join two paragraphs' breaks into one, so such text is folded paragraph by paragraph.
 */
const FOLDED_AWAY_MARK = /[\u0300-\u036f]/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isBmpLetterOrDigit = cachedCodeUnitTest(LETTER_OR_DIGIT);

function isLetterOrDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
  }
  // Astral letters and lone surrogates: rare, asked of the regular expression each time.
  if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? code));
  return isBmpLetterOrDigit(code);
}

/**
 * The length `folded.replace(NOT_LETTER_OR_DIGIT, ' ').trim()` would have, counted without
 * building it: every paragraph is measured, only the longest is built.
 */
function blankedLength(folded: string): number {
  let length = 0;
  let pendingBlank = false;
  for (let i = 0; i < folded.length; i++) {
    const units = codePointLengthAt(folded, i);
    if (isLetterOrDigitAt(folded, i)) {
      // A run of others between two letters becomes one space; at either end it is trimmed.
      if (pendingBlank && length > 0) length++;
      pendingBlank = false;
      length += units;
    } else {
      pendingBlank = true;
    }
    i += units - 1;
  }
  return length;
}

/** The longest of the folded paragraphs once punctuation is blanked, or null when none is long enough. */
function longestKey(foldedParagraphs: readonly string[]): string | null {
  let best: string | null = null;
  let bestLength = MIN_KEY_LENGTH - 1;
  // Blanking never lengthens a paragraph, so one no longer than the best so far cannot beat it.
  for (const folded of foldedParagraphs) {
    if (folded.length <= bestLength) continue;
    const length = blankedLength(folded);
    if (length > bestLength) {
      best = folded;
      bestLength = length;
    }
  }
  return best === null ? null : best.replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/**
 * The duplicate key of a text, given the text and its fold (`foldVietnamese(text)`, which the
 * import computes once for search too). Folding works character by character and never touches
 * line breaks or spaces, so the folded text's paragraphs are the text's paragraphs folded.
 */
export function duplicateKeyOfFolded(text: string, textFolded: string): string | null {
  if (FOLDED_AWAY_MARK.test(text)) return longestKey(text.split(PARAGRAPH_BREAK).map(foldVietnamese));
  return longestKey(textFolded.split(PARAGRAPH_BREAK));
}

/** The folded longest paragraph of a text, or null when no paragraph is long enough to be telling. */
export function duplicateKeyOf(text: string): string | null {
  return duplicateKeyOfFolded(text, FOLDED_AWAY_MARK.test(text) ? '' : foldVietnamese(text));
}
