/**
 * Recognises Vietnamese written in legacy font encodings (TCVN3/ABC, VNI) as it looks once
 * read as Unicode: "TiÕng ViÖt cã 29 ch÷ c¸i" (TCVN3), "Tieáng Vieät coù 29 chöõ caùi" (VNI).
 * Such text is reported, never imported as garbage. Converting it is left to the analyst.
 */

export type LegacyEncoding = 'TCVN3' | 'VNI';

export interface LegacyVerdict {
  encoding: LegacyEncoding;
  /** Share of words that carry the encoding's signature. */
  score: number;
  /** The first line that shows it, shortened. */
  preview: string;
}

// TCVN3 puts tone-marked vowels on Latin-1 symbols (¸ µ ¶ · ¹ ÷ …) and on capitals that then
// sit inside lowercase words ("TiÕng"); no real language writes either.
const TCVN3_WORD = /[\p{L}][\u00A1-\u00BF\u00C0-\u00DE\u00F7\u00FE]|[\u00A1-\u00BF\u00F7\u00FE][a-z]/u;
// VNI writes a base vowel, then a second byte for the modifier or tone: "Tieáng", "coù", "chöõ".
const VNI_WORD =
  /[aeiouyAEIOUY][\u00E0-\u00E5\u00E8-\u00EB\u00F2-\u00F6\u00F8-\u00FB]|[bcdghklmnpqrstvx][\u00F4\u00F6][\u00F5\u00F8\u00F9\u00FB\u00EF]?|\u00F1[aeiou]/u;
// Real Vietnamese in Unicode: precomposed letters of Latin Extended Additional, ă â đ ê ô ơ ư.
const UNICODE_VIETNAMESE_WORD = /[\u1EA0-\u1EF9\u0103\u0102\u0111\u0110\u01A1\u01A0\u01B0\u01AF]/u;

/**
 * Above this share of signature words the text is legacy-encoded. Real TCVN3/VNI text scores
 * 0.5 and more; French ("aéroport", "Noël") reaches about 0.15.
 */
const MIN_SCORE = 0.25;
const PREVIEW_LENGTH = 120;

/** The verdict needs a few hundred words, not the whole article; a short sample keeps imports fast. */
const SAMPLE_LENGTH = 4_000;

function wordsOf(text: string): string[] {
  return text
    .slice(0, SAMPLE_LENGTH)
    .split(/[\s.,;:!?()"'“”«»\-–—/]+/u)
    .filter((word) => /\p{L}/u.test(word));
}

function share(words: readonly string[], pattern: RegExp): number {
  if (words.length === 0) return 0;
  return words.filter((word) => pattern.test(word)).length / words.length;
}

function previewOf(text: string, pattern: RegExp): string {
  const line = text.split('\n').find((candidate) => pattern.test(candidate)) ?? text;
  const trimmed = line.trim();
  return trimmed.length > PREVIEW_LENGTH ? `${trimmed.slice(0, PREVIEW_LENGTH)}…` : trimmed;
}

/** Flags decoded text that is probably TCVN3 or VNI; null when it reads as Unicode text. */
export function detectLegacyVietnamese(text: string): LegacyVerdict | null {
  const words = wordsOf(text);
  const unicode = share(words, UNICODE_VIETNAMESE_WORD);
  const candidates: { encoding: LegacyEncoding; pattern: RegExp; score: number }[] = [
    { encoding: 'TCVN3', pattern: TCVN3_WORD, score: share(words, TCVN3_WORD) },
    { encoding: 'VNI', pattern: VNI_WORD, score: share(words, VNI_WORD) },
  ];
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < MIN_SCORE || best.score <= unicode) return null;
  return { encoding: best.encoding, score: best.score, preview: previewOf(text, best.pattern) };
}

/** Share of words that are Vietnamese letters in Unicode: the evidence for a Vietnamese decode. */
export function unicodeVietnameseShare(text: string): number {
  return share(wordsOf(text.normalize('NFC')), UNICODE_VIETNAMESE_WORD);
}
