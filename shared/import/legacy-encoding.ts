/**
 * Recognises Vietnamese written in legacy font encodings (TCVN3/ABC, VNI) as it looks once
 * read as Unicode: "TiÕng ViÖt cã 29 ch÷ c¸i" (TCVN3), "Tieáng Vieät coù 29 chöõ caùi" (VNI).
 * Such text is reported, never imported as garbage. Converting it is left to the analyst.
 */
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';

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

const WORD_SEPARATORS = /[\s.,;:!?()"'“”«»\-–—/]/u;
const LETTER = /\p{L}/u;
/** The characters UNICODE_VIETNAMESE_WORD looks for, one by one: a word has one or it does not. */
const UNICODE_VIETNAMESE_LETTER = UNICODE_VIETNAMESE_WORD;

/** Bits of a BMP code unit's classes, filled on first sight (0: not yet asked). */
const KNOWN = 1;
const SEPARATOR = 2;
const IS_LETTER = 4;
const IS_UNICODE_VIETNAMESE = 8;
/** U+00A1–U+00FE: every TCVN3 and VNI signature has one of these. */
const IS_LEGACY_RANGE = 16;
const classes = new Uint8Array(0x10000);

function classOf(code: number): number {
  let bits = classes[code] as number;
  if (bits === 0) {
    const character = String.fromCharCode(code);
    bits =
      KNOWN |
      (WORD_SEPARATORS.test(character) ? SEPARATOR : 0) |
      (LETTER.test(character) ? IS_LETTER : 0) |
      (UNICODE_VIETNAMESE_LETTER.test(character) ? IS_UNICODE_VIETNAMESE : 0) |
      (code >= 0xa1 && code <= 0xfe ? IS_LEGACY_RANGE : 0);
    classes[code] = bits;
  }
  return bits;
}

/** Signature bits of a word, or of a pair of adjacent characters. */
const TCVN3_HIT = 1;
const VNI_HIT = 2;
/** A word holding a surrogate: its signatures are asked of the patterns on the word itself. */
const HAS_SURROGATE = 32;

/**
 * Each alternative of TCVN3_WORD and VNI_WORD is two characters (VNI's optional third cannot
 * decide a match), so a word matches exactly when two adjacent characters of it do: the verdict
 * of each pair seen, asked of the patterns once. Kept to a bounded number of pairs.
 */
const pairVerdicts = new Map<number, number>();
const MAX_PAIR_VERDICTS = 65_536;

function pairSignatures(first: number, second: number): number {
  const key = first * 0x10000 + second;
  let verdict = pairVerdicts.get(key);
  if (verdict === undefined) {
    const pair = String.fromCharCode(first, second);
    verdict = (TCVN3_WORD.test(pair) ? TCVN3_HIT : 0) | (VNI_WORD.test(pair) ? VNI_HIT : 0);
    if (pairVerdicts.size >= MAX_PAIR_VERDICTS) pairVerdicts.clear();
    pairVerdicts.set(key, verdict);
  }
  return verdict;
}

/** How many of a text's words carry each signature. */
interface WordCounts {
  /** Words holding a letter (what the shares are of). */
  words: number;
  unicode: number;
  tcvn3: number;
  vni: number;
}

/**
 * Counts the words of the sample: the runs between separators that hold a letter. One pass over
 * the characters; the signatures are looked for only in pairs with a character in U+00A1–U+00FE,
 * the only ones the patterns can match (`pairSignatures`). Runs on every file an import reads.
 */
function countSignatures(text: string): WordCounts {
  // The sample is walked inside the text, not cut from it: a cut is a view that every character
  // read must go through (a fifth of the walk's time).
  const end = Math.min(text.length, SAMPLE_LENGTH);
  const counts: WordCounts = { words: 0, unicode: 0, tcvn3: 0, vni: 0 };
  // Plain locals, no closure over them: this loop runs on every character of every file's sample.
  let start = 0;
  let bits = 0;
  let signatures = 0;
  /** The word's previous code unit and its bits; -1 at a word's start. */
  let previous = -1;
  let previousBits = 0;
  // One step past the end, where the last word ends.
  for (let i = 0; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 0x20;
    if (isHighSurrogate(code) || isLowSurrogate(code)) {
      // Astral characters are no separators; an astral letter makes a word. A lone surrogate is neither.
      const pair = isHighSurrogate(code) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1));
      if (pair && LETTER.test(text.slice(i, i + 2))) bits |= IS_LETTER;
      if (pair) i++;
      bits |= HAS_SURROGATE;
      previous = -1;
      continue;
    }
    const characterBits = classOf(code);
    if (!(characterBits & SEPARATOR)) {
      bits |= characterBits;
      if (previous !== -1 && (previousBits | characterBits) & IS_LEGACY_RANGE)
        signatures |= pairSignatures(previous, code);
      previous = code;
      previousBits = characterBits;
      continue;
    }
    if (bits & IS_LETTER) {
      counts.words++;
      if (bits & IS_UNICODE_VIETNAMESE) counts.unicode++;
      if ((bits & (HAS_SURROGATE | IS_LEGACY_RANGE)) === (HAS_SURROGATE | IS_LEGACY_RANGE)) {
        const word = text.slice(start, i);
        signatures = (TCVN3_WORD.test(word) ? TCVN3_HIT : 0) | (VNI_WORD.test(word) ? VNI_HIT : 0);
      }
      if (signatures & TCVN3_HIT) counts.tcvn3++;
      if (signatures & VNI_HIT) counts.vni++;
    }
    start = i + 1;
    bits = 0;
    signatures = 0;
    previous = -1;
  }
  return counts;
}

const shareOf = (count: number, words: number): number => (words === 0 ? 0 : count / words);

function previewOf(text: string, pattern: RegExp): string {
  const line = text.split('\n').find((candidate) => pattern.test(candidate)) ?? text;
  const trimmed = line.trim();
  return trimmed.length > PREVIEW_LENGTH ? `${trimmed.slice(0, PREVIEW_LENGTH)}…` : trimmed;
}

/** Flags decoded text that is probably TCVN3 or VNI; null when it reads as Unicode text. */
export function detectLegacyVietnamese(text: string): LegacyVerdict | null {
  const counts = countSignatures(text);
  const unicode = shareOf(counts.unicode, counts.words);
  const candidates: { encoding: LegacyEncoding; pattern: RegExp; score: number }[] = [
    { encoding: 'TCVN3', pattern: TCVN3_WORD, score: shareOf(counts.tcvn3, counts.words) },
    { encoding: 'VNI', pattern: VNI_WORD, score: shareOf(counts.vni, counts.words) },
  ];
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < MIN_SCORE || best.score <= unicode) return null;
  return { encoding: best.encoding, score: best.score, preview: previewOf(text, best.pattern) };
}

/** Share of words that are Vietnamese letters in Unicode: the evidence for a Vietnamese decode. */
export function unicodeVietnameseShare(text: string): number {
  const counts = countSignatures(text.normalize('NFC'));
  return shareOf(counts.unicode, counts.words);
}
