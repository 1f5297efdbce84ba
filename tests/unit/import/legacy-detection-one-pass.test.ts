/**
 * The legacy-encoding check runs on every file an import reads, so it counts its words in one
 * pass and looks for the signatures in pairs of adjacent characters (issue 13, import at corpus scale). This pins it to the definition it replaced: split the
 * first 4,000 characters at separators, keep the words with a letter, and test each pattern on
 * every word.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectLegacyVietnamese, unicodeVietnameseShare } from '../../../shared/import/legacy-encoding';

const TCVN3_WORD = /[\p{L}][\u00A1-\u00BF\u00C0-\u00DE\u00F7\u00FE]|[\u00A1-\u00BF\u00F7\u00FE][a-z]/u;
const VNI_WORD =
  /[aeiouyAEIOUY][\u00E0-\u00E5\u00E8-\u00EB\u00F2-\u00F6\u00F8-\u00FB]|[bcdghklmnpqrstvx][\u00F4\u00F6][\u00F5\u00F8\u00F9\u00FB\u00EF]?|\u00F1[aeiou]/u;
const UNICODE_VIETNAMESE_WORD = /[\u1EA0-\u1EF9\u0103\u0102\u0111\u0110\u01A1\u01A0\u01B0\u01AF]/u;

function wordsOf(text: string): string[] {
  return text
    .slice(0, 4_000)
    .split(/[\s.,;:!?()"'“”«»\-–—/]+/u)
    .filter((word) => /\p{L}/u.test(word));
}

const share = (words: readonly string[], pattern: RegExp): number =>
  words.length === 0 ? 0 : words.filter((word) => pattern.test(word)).length / words.length;

/** The scores as the word lists gave them. */
function referenceScores(text: string) {
  const words = wordsOf(text);
  return {
    unicode: share(words, UNICODE_VIETNAMESE_WORD),
    tcvn3: share(words, TCVN3_WORD),
    vni: share(words, VNI_WORD),
  };
}

const TCVN3_READ = iconv.decode(
  iconv.encode('Bộ Công an tổng kết công tác đối ngoại năm 2023', 'tcvn'),
  'windows-1252',
);
const PIECES = [
  'Bộ Công an',
  ' đề xuất ',
  'BỘ CÔNG AN',
  TCVN3_READ,
  'Tieáng Vieät coù 29 chöõ caùi',
  "L'aéroport de Noël",
  'hoà',
  ', ',
  '. ',
  '“',
  '—',
  '\n',
  ' ',
  '😀',
  '𝒜𝒷',
  '\ud800',
  '2023',
  'x'.repeat(700),
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('legacy-encoding check in one pass', () => {
  it('gives the verdict and shares the word lists gave', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const scores = referenceScores(text);
        const best = scores.tcvn3 >= scores.vni ? ('TCVN3' as const) : ('VNI' as const);
        const score = Math.max(scores.tcvn3, scores.vni);
        const verdict = detectLegacyVietnamese(text);
        if (score < 0.25 || score <= scores.unicode) expect(verdict).toBeNull();
        else expect(verdict).toMatchObject({ encoding: best, score });
        expect(unicodeVietnameseShare(text)).toBe(share(wordsOf(text.normalize('NFC')), UNICODE_VIETNAMESE_WORD));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a signature in any two adjacent characters of a word, as the patterns do: texts of single characters', () => {
    // Letters and Latin-1 symbols each side of the signatures, separators, astral letters and lone surrogates.
    const chars = fc.constantFrom(
      ...'aeiyAEYbcdghpqxzñ¡¸µ÷þÕÖÀÞßôöõøùûïàâãåèëòúûơđộ ,.-\n'.split(''),
      '😀',
      '𝒜',
      '\ud800',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 200 }), (pieces) => {
        const text = pieces.join('');
        const scores = referenceScores(text);
        const score = Math.max(scores.tcvn3, scores.vni);
        const verdict = detectLegacyVietnamese(text);
        if (score < 0.25 || score <= scores.unicode) expect(verdict).toBeNull();
        else expect(verdict?.score).toBe(score);
      }),
      { numRuns: 3000 },
    );
  });

  it('ends the sample at 4,000 code units, an astral character across the end too (the sample is walked in the text, not cut)', () => {
    for (const filler of ['TiÕng ', 'x ', 'Tieáng '])
      for (const word of ['TiÕng', 'ab', ''])
        for (const astral of ['𝒜', '😀'])
          for (let at = 3_996; at <= 4_001; at++) {
            // The astral character's high surrogate at `at`, after `word`.
            const text = `${filler.repeat(700).slice(0, at - word.length)}${word}${astral} abc`;
            const scores = referenceScores(text);
            const score = Math.max(scores.tcvn3, scores.vni);
            const verdict = detectLegacyVietnamese(text);
            if (score < 0.25 || score <= scores.unicode) expect(verdict).toBeNull();
            else expect(verdict?.score, `${filler} ${word} ${at}`).toBe(score);
          }
  });

  it('still flags TCVN3 read as Windows-1252', () => {
    expect(detectLegacyVietnamese(`${TCVN3_READ}\n${TCVN3_READ}`)).toMatchObject({ encoding: 'TCVN3' });
  });
});
