/**
 * `foldVietnamese` folds a text of Latin letters, general punctuation and currency signs code
 * unit by code unit, from a table (issue 13, import at corpus scale: every imported article is
 * folded). These pin it to the definition (NFD, strip U+0300–U+036F, đ → d, lowercase, NFC): the
 * search index and every query must fold alike, or accentless search stops finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOLD_TABLE_RANGES, foldAndCountWords, foldVietnamese } from '../../../shared/text/fold';

/** The fold as defined. */
const foldByDefinition = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');

const tableCodes = FOLD_TABLE_RANGES.flatMap(([first, last]) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i),
);

const VIETNAMESE_LETTERS = [...'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'].flatMap(
  (letter) => [letter, letter.toUpperCase()],
);

describe('foldVietnamese by table', () => {
  it('every code unit of the table decomposes to a base and marks the fold strips, and folds to one code unit no normalisation combines', () => {
    for (const code of tableCodes) {
      const char = String.fromCharCode(code);
      const [base, ...marks] = char.normalize('NFD');
      expect(/\p{M}/u.test(base ?? ''), char).toBe(false);
      expect(
        marks.every((mark) => /[\u0300-\u036f]/.test(mark)),
        char,
      ).toBe(true);
      const folded = foldByDefinition(char);
      expect(folded.length, char).toBe(1);
      // Not a mark, nor one of the few other characters that compose with what precedes them
      // (Hangul jamo), and decomposing to nothing else.
      expect(/\p{M}|[\u1100-\u11ff]/u.test(folded), char).toBe(false);
      expect(folded.normalize('NFD'), char).toBe(folded);
    }
  });

  it('every pair of Vietnamese letters and punctuation folds as the definition does', () => {
    const chars = [...VIETNAMESE_LETTERS, ...' .,;:!?-–—“”‘’…()[]0123456789İßÆøŁ€'];
    for (const first of chars)
      for (const second of chars) expect(foldVietnamese(first + second)).toBe(foldByDefinition(first + second));
  });

  it('any text folds as the definition does: made of the table’s code units, or not (combining marks, Greek, astral, lone surrogates)', () => {
    const tableChar = fc.constantFrom(...tableCodes).map((code) => String.fromCharCode(code));
    const otherChar = fc.constantFrom('\u0301', '\u1dc0', 'Σ', 'ΟΔΟΣ', '😀', '\ud800', 'ㄱ', '\u1161', '한', 'ﬁ', 'Ω');
    const texts = fc
      .array(fc.oneof({ arbitrary: fc.constantFrom(...VIETNAMESE_LETTERS), weight: 4 }, tableChar, otherChar), {
        maxLength: 40,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldVietnamese(text)).toBe(foldByDefinition(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('a long text (several of the chunks it is built in) folds as the definition does', () => {
    const text = 'Đề xuất của Bộ Công an về ĐƯỜNG DÂY NÓNG — “an ninh mạng” năm 2023. '.repeat(2000);
    expect(foldVietnamese(text)).toBe(foldByDefinition(text));
    expect(foldVietnamese('')).toBe('');
  });

  it('a text whose fold is all ASCII (built from bytes), long or short, folds as the definition does', () => {
    const text = 'Đề xuất của Bộ Công an về ĐƯỜNG DÂY NÓNG - "an ninh mạng" năm 2023.\n\tHà Nội \u0000 \u007f. ';
    for (const repeated of [text, text.repeat(2000), `${text.repeat(300)}“`, `“${text.repeat(300)}`])
      expect(foldVietnamese(repeated)).toBe(foldByDefinition(repeated));
    expect([...foldVietnamese(text)].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
  });

  it('foldAndCountWords folds as the definition does and counts the words as the regular expression does, in the same pass', () => {
    const wordsByRegex = (text: string): number => [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].length;
    const tableChar = fc.constantFrom(...tableCodes).map((code) => String.fromCharCode(code));
    const otherChar = fc.constantFrom('\u0301', 'Σ', '😀', '𝒜', '\ud800', '\udc00', '١٢٣', 'ﬁ');
    const texts = fc
      .array(
        fc.oneof(
          { arbitrary: fc.constantFrom(...VIETNAMESE_LETTERS), weight: 4 },
          { arbitrary: fc.constantFrom(' ', '\n', ', ', '—', '2023', '“'), weight: 3 },
          tableChar,
          otherChar,
        ),
        { maxLength: 40 },
      )
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldAndCountWords(text)).toEqual({ folded: foldByDefinition(text), words: wordsByRegex(text) });
      }),
      { numRuns: 3000 },
    );
    // Every code unit of the table alone: its word bit.
    for (const code of tableCodes) {
      const char = String.fromCharCode(code);
      expect(foldAndCountWords(`${char} ${char}${char}`).words, char).toBe(2 * wordsByRegex(char));
    }
  });
});
