import { isSurrogatePairAt } from './surrogates';
import { cachedCodeUnitTest } from './code-unit-test';

/**
 * Vietnamese folding for accent-insensitive matching: "Đề xuất" → "de xuat".
 * NFD, strip combining marks (tones, circumflex, breve, horn), map đ/Đ (which has no
 * decomposition, so stripping alone keeps it), lowercase. The result is for matching only,
 * never for display or offsets: folding changes lengths.
 */
export function foldVietnamese(text: string): string {
  return foldedByTable(text) ?? foldByNormalizing(text);
}

/** The definition of the fold. */
function foldByNormalizing(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Code units folded by table: Latin (every Vietnamese letter), general punctuation and currency
 * signs. Each decomposes to a base and marks of U+0300–U+036F only, which the fold strips, and
 * folds to one code unit that is no mark and composes with nothing, so no normalisation reaches
 * across two of them: a text made of them folds code unit by code unit
 * (tests/unit/shared/fold-by-table.test.ts).
 */
export const FOLD_TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f],
  [0x1e00, 0x1eff],
  [0x2000, 0x20cf],
];

/**
 * Each code unit's fold + 1 in the low 16 bits (0: outside the ranges), and WORD_BIT when it is a
 * word character (`countWords`); filled on first use.
 */
let foldTable: Uint32Array | null = null;
const WORD_BIT = 0x10000;
/** Reused output buffer, grown to the longest text folded. */
let folded = new Uint16Array(1024);
/** Code units handed to String.fromCharCode at once (its arguments go on the stack). */
const CHUNK = 8192;
/**
 * The WHATWG decoder, a global of Node, browsers and workers alike, though in neither of the
 * libraries this folder compiles with (no DOM, no Node types).
 */
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };
/** The fold as bytes when it is all ASCII (folded Vietnamese is), and their decoder. */
let asciiBytes = new Uint8Array(1024);
const asciiDecoder = new TextDecoder();

/**
 * The fold of a text made only of code units of FOLD_TABLE_RANGES, one table look-up each: three
 * times faster than normalising twice, and an import folds every article. Null for any other text.
 * Such a fold has one code unit for each of the text's, at the same offset (foldWithOffsets
 * relies on it).
 */
export function foldedByTable(text: string): string | null {
  return foldByTable(text)?.folded ?? null;
}

/** A text's fold and its words (`countWords`). */
export interface FoldAndWords {
  folded: string;
  words: number;
}

/**
 * `foldVietnamese(text)` and `countWords(text)`: an import needs both of every article, and a
 * text folded by table has its words counted in the same pass (no surrogate is in the table, so
 * each code unit is a word character or not on its own).
 */
export function foldAndCountWords(text: string): FoldAndWords {
  return foldByTable(text) ?? { folded: foldByNormalizing(text), words: countWords(text) };
}

function foldByTable(text: string): FoldAndWords | null {
  if (!foldTable) {
    foldTable = new Uint32Array(0x10000);
    for (const [first, last] of FOLD_TABLE_RANGES)
      for (let code = first; code <= last; code++) {
        const char = String.fromCharCode(code);
        foldTable[code] = (foldByNormalizing(char).charCodeAt(0) + 1) | (WORD_CHARACTER.test(char) ? WORD_BIT : 0);
      }
  }
  if (folded.length < text.length) folded = new Uint16Array(2 ** Math.ceil(Math.log2(text.length)));
  let allBits = 0;
  let words = 0;
  let inWord = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = foldTable[text.charCodeAt(i)] as number;
    if (entry === 0) return null;
    const code = (entry & 0xffff) - 1;
    folded[i] = code;
    allBits |= code;
    const isWord = entry >>> 16;
    words += isWord & ~inWord;
    inWord = isWord;
  }
  if (allBits < 0x80) {
    // ASCII bytes decode to the same code units, four to five times faster than String.fromCharCode
    // builds them.
    if (asciiBytes.length < text.length) asciiBytes = new Uint8Array(folded.length);
    asciiBytes.set(folded.subarray(0, text.length));
    return { folded: asciiDecoder.decode(asciiBytes.subarray(0, text.length)), words };
  }
  let result = '';
  for (let start = 0; start < text.length; start += CHUNK)
    // `apply` takes any array-like; a spread would iterate the typed array, five times slower.
    result += String.fromCharCode.apply(
      null,
      folded.subarray(start, Math.min(text.length, start + CHUNK)) as unknown as number[],
    );
  return { folded: result, words };
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
// A lone surrogate is no letter, as for the `u` regular expressions elsewhere.
const isBmpWordCharacter = cachedCodeUnitTest(WORD_CHARACTER);

/**
 * Words as a reader counts them: runs of letters, marks and digits (`[\p{L}\p{M}\p{N}]+`). One
 * pass over the code units, with no match objects: it runs on every article an import stores.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let isWord: boolean;
    if (code < 0x80) {
      const lower = code | 0x20;
      isWord = (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    } else if (isSurrogatePairAt(text, i)) {
      isWord = WORD_CHARACTER.test(text.slice(i, i + 2));
      i++;
    } else {
      isWord = isBmpWordCharacter(code);
    }
    if (isWord && !inWord) count++;
    inWord = isWord;
  }
  return count;
}
