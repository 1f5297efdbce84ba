import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactPhraseTest,
  findTermMatches,
  matchesTerm,
  MAX_QUERY_TERMS,
  parseSearchQuery,
  type TermQuery,
  wordsOf,
} from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';

/** A text of `words` each followed by one of `separators`, the words of a query, and whether its last is a prefix. */
function textAndQuery(words: readonly string[], separators: readonly string[], maxParts: number, maxTerms: number) {
  return fc.tuple(
    fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { maxLength: maxParts })
      .map((parts) => parts.map(([word, separator]) => word + separator).join('')),
    fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: maxTerms }),
    fc.boolean(),
  );
}

describe('parseSearchQuery', () => {
  it('folds the query into words and keeps the typed phrase only when it has diacritics', () => {
    expect(parseSearchQuery('Đề xuất')).toEqual({
      terms: ['de', 'xuat'],
      lastIsPrefix: true,
      exactPhrase: ['đề', 'xuất'],
      phrases: [],
    });
    expect(parseSearchQuery('de xuat')).toEqual({
      terms: ['de', 'xuat'],
      lastIsPrefix: true,
      exactPhrase: null,
      phrases: [],
    });
    expect(parseSearchQuery('Duong')).toEqual({ terms: ['duong'], lastIsPrefix: true, exactPhrase: null, phrases: [] });
    expect(parseSearchQuery('đuong').exactPhrase).toEqual(['đuong']); // đ alone counts
    expect(parseSearchQuery('ĐỀ XUẤT'.normalize('NFD')).exactPhrase).toEqual(['đề', 'xuất']);
  });

  it('turns FTS5 syntax, punctuation and emoji into separators', () => {
    expect(parseSearchQuery('"a" OR (b*) NEAR(c, 2) col:d ^e -f +g').terms).toEqual([
      'a',
      'or',
      'b',
      'near',
      'c',
      '2',
      'col',
      'd',
      'e',
      'f',
      'g',
    ]);
    for (const query of ['', '   ', '"', '*', '(', ')', '😀', '— … « »', ':^-+'])
      expect(parseSearchQuery(query).terms).toEqual([]);
  });

  it('reads quoted parts as phrases (straight or curly quotes); an unmatched quote is a separator', () => {
    expect(parseSearchQuery('"thứ nhất" Bộ').phrases).toEqual([['thu', 'nhat']]);
    expect(parseSearchQuery('“an ninh mạng” và "Hà Nội"').phrases).toEqual([
      ['an', 'ninh', 'mang'],
      ['ha', 'noi'],
    ]);
    expect(parseSearchQuery('"thứ nhất').phrases).toEqual([]);
    expect(parseSearchQuery('"thứ nhất').terms).toEqual(['thu', 'nhat']);
    expect(parseSearchQuery('"" "…" a').phrases).toEqual([]);
  });

  it('caps the number of terms', () => {
    expect(parseSearchQuery('từ '.repeat(1000)).terms).toHaveLength(MAX_QUERY_TERMS);
  });

  it('takes only the last word as a prefix (the word being typed), never the end of a quoted part', () => {
    expect(parseSearchQuery('an n').lastIsPrefix).toBe(true);
    expect(parseSearchQuery('"thứ nhất" bộ').lastIsPrefix).toBe(true);
    expect(parseSearchQuery('"thứ nhất').lastIsPrefix).toBe(true); // an unmatched quote is a separator
    expect(parseSearchQuery('bộ "thứ nhất"').lastIsPrefix).toBe(false);
    expect(parseSearchQuery('bộ “thứ nhất”.').lastIsPrefix).toBe(false);
    // Beyond the cap, the last term kept is a word the user has typed past.
    expect(parseSearchQuery('từ '.repeat(MAX_QUERY_TERMS)).lastIsPrefix).toBe(true);
    expect(parseSearchQuery('từ '.repeat(MAX_QUERY_TERMS + 1)).lastIsPrefix).toBe(false);
  });
});

describe('snippetFor', () => {
  const text =
    'Sáng 10/1, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023. ' +
    'Phát biểu tham luận, Thượng tướng Lương Tam Quang nêu 3 đề xuất của Bộ Công an về tăng cường đối ngoại. ' +
    'Thứ nhất, tiếp tục quán triệt sâu sắc đường lối đối ngoại của Đảng.';

  it('marks the matching words of the canonical text around the query as a phrase', () => {
    const { snippet, matchCount } = snippetFor(null, text, parseSearchQuery('de xuat'));
    expect(snippet).toContain('nêu 3 [[đề xuất]] của Bộ Công an');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(170);
    expect(matchCount).toBe(2);
  });

  it('matches the word being typed as a prefix and marks whole words, counting title matches too', () => {
    const { snippet, matchCount } = snippetFor('Đường lối đối ngoại', text, parseSearchQuery('duong'));
    expect(snippet).toContain('sâu sắc [[đường]] lối');
    expect(matchCount).toBe(2);
    expect(snippetFor(null, text, parseSearchQuery('ngoa')).snippet).toContain('Bộ [[Ngoại]] giao');
  });

  it('marks the words before the last only where they are whole, as the index matches them', () => {
    // "ngoa" is typed past: it no longer matches "ngoại"; "gia" is still being typed.
    const typedPast = snippetFor(null, text, parseSearchQuery('ngoa gia'));
    expect(typedPast.snippet).toContain('Bộ Ngoại [[giao]]');
    expect(typedPast.matchCount).toBe(1);
    const anh = 'Anh Ninh về quê. Sau đó bàn về an ninh.';
    // "Ninh" is a word of the query; "Anh" is not "an".
    const marked = 'Anh [[Ninh]] về quê. Sau đó bàn về [[an ninh]].';
    expect(snippetFor(null, anh, parseSearchQuery('an ninh')).snippet).toBe(marked);
    expect(snippetFor(null, anh, parseSearchQuery('an n')).snippet).toBe(marked);
  });

  it('starts at the beginning, cut at a word, when only the title matches', () => {
    const { snippet, matchCount } = snippetFor('Tiêu đề riêng', text, parseSearchQuery('rieng'));
    expect(snippet).not.toContain('[[');
    expect(snippet.startsWith('Sáng 10/1')).toBe(true);
    expect(snippet).toMatch(/\S…$/);
    expect(matchCount).toBe(1);
  });

  it('marks NFD text at the right offsets and puts line breaks on one line', () => {
    const nfd = 'Tiêu đề\n\nNội dung có đề xuất.'.normalize('NFD');
    expect(snippetFor(null, nfd, parseSearchQuery('de xuat')).snippet).toBe(
      'Tiêu [[đề]] Nội dung có [[đề xuất]].'.normalize('NFD'),
    );
  });
});

describe('exactPhraseTest (one regular expression per query since the search speed pass)', () => {
  it('matches the accented words whole and consecutive, ignoring case and what separates them', () => {
    // As a quoted query ends: every word whole.
    const holds = exactPhraseTest(['đề', 'xuất'], false);
    expect(holds('Ba ĐỀ XUẤT mới')).toBe(true);
    expect(holds('Ba đề,\nxuất khẩu')).toBe(true); // words in a row, as wordsOf reads them
    expect(holds('đề xuất')).toBe(true);
    expect(holds('đê xuất')).toBe(false); // tone marks are lexical
    expect(holds('để xuất')).toBe(false);
    expect(holds('nđề xuất')).toBe(false); // a word boundary at each end
    expect(holds('đề xuấtt')).toBe(false);
    expect(holds('de\u0300 xua\u0302\u0301t'.normalize('NFD'))).toBe(false);
    expect(holds('đề xuất'.normalize('NFD'))).toBe(true);
  });

  it('lets the word being typed be unfinished', () => {
    const { exactPhrase, lastIsPrefix } = parseSearchQuery('ĐỀ XU');
    expect(lastIsPrefix).toBe(true);
    const holds = exactPhraseTest(exactPhrase!, lastIsPrefix);
    expect(holds('ba đề xuất')).toBe(true);
    expect(holds('ba đề xu')).toBe(true);
    expect(holds('ba đề ru')).toBe(false);
  });
});

describe('exactPhraseTest without a regular expression per query: the same as with one', () => {
  /** The test before: one regular expression per query, Unicode properties in its lookarounds. */
  const holdsBefore = (phrase: readonly string[], lastIsPrefix: boolean, text: string) => {
    const wordCharacter = '[\\p{L}\\p{N}\\p{Co}\\p{Mn}]';
    const separator = '[^\\p{L}\\p{N}\\p{Co}\\p{Mn}]+';
    const end = lastIsPrefix ? '' : `(?!${wordCharacter})`;
    return new RegExp(`(?<!${wordCharacter})${phrase.join(separator)}${end}`, 'u').test(
      text.normalize('NFC').toLowerCase(),
    );
  };
  const WORDS = ['đề', 'xuất', 'xu', 'Đề', 'ân', '٣', '𝐚', 'ǅ', 'x\u0301', 'e\u0302\u0301'];
  const SEPARATORS = ['', '', ' ', ',\n', '_', '🙂', '\u0301', '\ud800'];

  it('finds the same phrases, astral letters, marks and lone surrogates around them included', () => {
    fc.assert(
      fc.property(textAndQuery(WORDS, SEPARATORS, 12, 3), ([text, words, lastIsPrefix]) => {
        const phrase =
          parseSearchQuery(words.join(' ')).exactPhrase ?? words.map((word) => word.normalize('NFC').toLowerCase());
        expect(exactPhraseTest(phrase, lastIsPrefix)(text)).toBe(holdsBefore(phrase, lastIsPrefix, text));
      }),
      { numRuns: 600 },
    );
  });
});

describe('findTermMatches', () => {
  // The definition before it listed only the matching words: every word, kept when a term accepts it.
  const everyWordFiltered = (folded: string, query: TermQuery) =>
    wordsOf(folded).filter((match) => query.terms.some((_, index) => matchesTerm(match.word, query, index)));
  const WORDS = ['an', 'ninh', 'anh', 'a', 'nin', 'ninhx', 'quoc', 'gia', 'giai', '3', '30', 'ǅa', 'x\u0301'];
  const SEPARATORS = [' ', '  ', ', ', '\n', '—', '. ', '"', '🙂'];

  it('gives the words of the text that a term matches, with their places and ordinals, as filtering every word did', () => {
    fc.assert(
      fc.property(textAndQuery(WORDS, SEPARATORS, 40, 4), ([folded, terms, lastIsPrefix]) => {
        const query = { terms, lastIsPrefix };
        expect(findTermMatches(folded, query)).toEqual(everyWordFiltered(folded, query));
      }),
      { numRuns: 500 },
    );
  });
});
