/**
 * The import computes an article's word count and duplicate key in one pass each, from one fold
 * of the text, and the metadata heuristics count a line's words in one pass (issue 13, import at
 * corpus scale). These pin them to the plain definitions they replaced, on generated text mixing Vietnamese, combining marks, astral letters, lone surrogates,
 * punctuation and paragraph breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedColumnsOf } from '../../../electron/services/store/articles';
import { storedDuplicateKeyOf } from '../../../electron/services/store/duplicate-keys';
import { duplicateKeyOf, duplicateKeyOfFolded } from '../../../shared/import/duplicate-key';
import { wordCountOf } from '../../../shared/import/lines';
import { countWords, foldVietnamese } from '../../../shared/text/fold';

/** The definitions as they were written before. */
function countWordsByRegex(text: string): number {
  return [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].length;
}

function duplicateKeyParagraphByParagraph(text: string): string | null {
  let key: string | null = null;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const folded = foldVietnamese(paragraph)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (folded.length >= 80 && folded.length > (key?.length ?? 0)) key = folded;
  }
  return key;
}

const PIECES = [
  'Bộ Công an',
  ' đề xuất ',
  'ĐƯỜNG',
  'Hà Nội',
  'năm 2023',
  ', ',
  '. ',
  '“',
  '”',
  ' — ',
  '\n',
  '\n\n',
  '\n \n',
  '\t',
  ' ',
  'e\u0302\u0301', // decomposed ế
  '\u0301', // a mark alone
  '\u1dc0', // a mark folding keeps
  '😀',
  '𝒜𝒷', // astral letters
  '\ud800', // a lone surrogate
  'İ',
  'ΟΔΟΣ',
  '١٢٣', // Arabic-Indic digits
  'x'.repeat(40),
  'thủ tướng chính phủ nhấn mạnh yêu cầu đổi mới tư duy',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('import derived columns', () => {
  it('countWords counts as the regular expression did', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(countWords(text)).toBe(countWordsByRegex(text));
      }),
      { numRuns: 500 },
    );
  });

  it('wordCountOf (the metadata heuristics’ words) counts as splitting on whitespace did', () => {
    const spaced = fc
      .array(fc.constantFrom(...PIECES, '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u200b', '\v'), {
        maxLength: 60,
      })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(spaced, (line) => {
        expect(wordCountOf(line)).toBe(line.split(/\s+/).filter(Boolean).length);
      }),
      { numRuns: 500 },
    );
  });

  it('the duplicate key from the whole fold is the key folded paragraph by paragraph', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const expected = duplicateKeyParagraphByParagraph(text);
        expect(duplicateKeyOf(text)).toBe(expected);
        expect(duplicateKeyOfFolded(text, foldVietnamese(text))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('derivedColumnsOf gives what the store computed column by column', () => {
    const text = `Tiêu đề\n\n${'Thủ tướng đề xuất sửa đổi Luật Đất đai, ưu tiên nguồn lực cho địa phương. '.repeat(3)}`;
    const derived = derivedColumnsOf({ title: 'Đề xuất', source: null, text });
    expect(derived).toMatchObject({
      wordCount: countWordsByRegex(text),
      duplicateKey: storedDuplicateKeyOf(text),
      titleFolded: 'de xuat',
      textFolded: foldVietnamese(text),
    });
    expect(derived.duplicateKey).not.toBeNull();
  });
});
