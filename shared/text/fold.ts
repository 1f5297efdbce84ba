import { cachedCodeUnitTest } from './code-unit-test';

/**
 * Vietnamese folding for accent-insensitive matching: "Đề xuất" → "de xuat".
 * NFD, strip combining marks (tones, circumflex, breve, horn), map đ/Đ (which has no
 * decomposition, so stripping alone keeps it), lowercase. The result is for matching only,
 * never for display or offsets: folding changes lengths.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
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
    } else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
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
