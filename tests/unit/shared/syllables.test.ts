import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../shared/text/canonical';
import { splitsSurrogatePair } from '../../../shared/text/surrogates';
import { sentenceRanges, snapToSyllables, syllableTokens, type TextRange } from '../../../shared/text/syllables';

const tokenTexts = (text: string): string[] => syllableTokens(text).map((token) => text.slice(token.start, token.end));

/** Snap the first occurrence of `selected` in `text` and return the snapped text (null if nothing). */
function snapText(text: string, selected: string): string | null {
  const start = text.indexOf(selected);
  if (start < 0) throw new Error(`"${selected}" is not in the text`);
  return sliceOf(text, snapToSyllables(text, start, start + selected.length));
}

const sliceOf = (text: string, range: TextRange | null): string | null =>
  range === null ? null : text.slice(range.start, range.end);

const sentenceTexts = (text: string): string[] =>
  sentenceRanges(text).map((range) => text.slice(range.start, range.end));

describe('syllableTokens', () => {
  it('splits Vietnamese text into syllables and one token per punctuation character', () => {
    expect(tokenTexts('Thủ tướng Phạm Minh Chính, ngày 5/9: “Đổi mới!”')).toEqual([
      'Thủ',
      'tướng',
      'Phạm',
      'Minh',
      'Chính',
      ',',
      'ngày',
      '5/9',
      ':',
      '“',
      'Đổi',
      'mới',
      '!',
      '”',
    ]);
  });

  it('returns UTF-16 offsets into the text', () => {
    expect(syllableTokens(' Hà Nội.')).toEqual([
      { start: 1, end: 3 },
      { start: 4, end: 7 },
      { start: 7, end: 8 },
    ]);
  });

  it('keeps connectors between word characters inside one token', () => {
    expect(tokenTexts('Nghị quyết 36-NQ/TW')).toEqual(['Nghị', 'quyết', '36-NQ/TW']);
    expect(tokenTexts('ngày 10/1/2023')).toEqual(['ngày', '10/1/2023']);
    expect(tokenTexts('A.N, GS.TS, TP.HCM')).toEqual(['A.N', ',', 'GS.TS', ',', 'TP.HCM']);
    expect(tokenTexts('Đại hội XIII')).toEqual(['Đại', 'hội', 'XIII']);
    expect(tokenTexts('Hồ Chí Minh’s rock’n’roll')).toEqual(['Hồ', 'Chí', 'Minh’s', 'rock’n’roll']);
    expect(tokenTexts('1.000 người')).toEqual(['1.000', 'người']);
  });

  it('joins comma and colon only between digits', () => {
    expect(tokenTexts('tăng 3,5% lúc 10:30')).toEqual(['tăng', '3,5', '%', 'lúc', '10:30']);
    expect(tokenTexts('Hà Nội,Huế')).toEqual(['Hà', 'Nội', ',', 'Huế']);
    expect(tokenTexts('Ghi chú:5')).toEqual(['Ghi', 'chú', ':', '5']);
    expect(tokenTexts('5,a')).toEqual(['5', ',', 'a']);
  });

  it('splits connectors that are not between two word characters', () => {
    expect(tokenTexts('TS. Lê')).toEqual(['TS', '.', 'Lê']);
    expect(tokenTexts('2020 - 2025')).toEqual(['2020', '-', '2025']);
    expect(tokenTexts('-Hà')).toEqual(['-', 'Hà']);
    expect(tokenTexts('chờ...rồi')).toEqual(['chờ', '.', '.', '.', 'rồi']);
    expect(tokenTexts('36--NQ')).toEqual(['36', '-', '-', 'NQ']);
    expect(tokenTexts("'Hà Nội'")).toEqual(["'", 'Hà', 'Nội', "'"]);
  });

  it('keeps the en dash between years as its own token', () => {
    expect(tokenTexts('2020–2025')).toEqual(['2020', '–', '2025']);
  });

  it('skips every kind of whitespace, including spaces that were no-break spaces before canonicalisation', () => {
    const { text } = canonicalize('Ông\u00A0Nguyễn\u202FVăn\tA\r\nTP.\u00A0HCM');
    expect(text).toBe('Ông Nguyễn Văn\tA\nTP. HCM');
    expect(tokenTexts(text)).toEqual(['Ông', 'Nguyễn', 'Văn', 'A', 'TP', '.', 'HCM']);
  });

  it('returns no tokens for empty or whitespace-only text', () => {
    expect(syllableTokens('')).toEqual([]);
    expect(syllableTokens(' \n\t ')).toEqual([]);
  });

  it('never splits a surrogate pair and keeps emoji modifiers and flags whole', () => {
    const text = 'Tuyệt 👍🏽🇻🇳😀 𝐀𝐁 🎉vui';
    expect(tokenTexts(text)).toEqual(['Tuyệt', '👍🏽', '🇻🇳', '😀', '𝐀𝐁', '🎉', 'vui']);
    for (const token of syllableTokens(text)) {
      expect(splitsSurrogatePair(text, token.start)).toBe(false);
      expect(splitsSurrogatePair(text, token.end)).toBe(false);
    }
  });

  it('keeps a combining mark with the character before it', () => {
    // Marks with no precomposed form survive NFC: e + U+0323 U+0302 composes, but x + U+0301 does not.
    const word = canonicalize('x\u0301yz').text;
    expect(word).toBe('x\u0301yz');
    expect(tokenTexts(`${word} (\u0301a`)).toEqual([word, '(\u0301', 'a']);
    expect(tokenTexts('1\uFE0F\u20E3 #\uFE0F\u20E3')).toEqual(['1\uFE0F\u20E3', '#\uFE0F\u20E3']);
  });

  it('covers every non-whitespace character exactly once', () => {
    const text = '  “Tôi đề xuất,” PGS.TS Trần Thị B (ĐHQG) nói… 50% — 🇻🇳 a-\u0301 \n x ';
    const tokens = syllableTokens(text);
    let previousEnd = 0;
    for (const token of tokens) {
      expect(text.slice(previousEnd, token.start)).toMatch(/^\s*$/);
      expect(text.slice(token.start, token.end)).not.toMatch(/\s/);
      previousEnd = token.end;
    }
    expect(text.slice(previousEnd)).toMatch(/^\s*$/);
  });
});

describe('snapToSyllables', () => {
  it('trims whitespace and punctuation around a name', () => {
    const text = 'Theo  Lương Tam Quang, Bộ trưởng';
    expect(snapText(text, '  Lương Tam Quang, ')).toBe('Lương Tam Quang');
  });

  it('grows a selection that starts and ends inside syllables to whole syllables', () => {
    const text = 'Bộ trưởng Lương Tam Quang cho biết';
    const start = text.indexOf('ương');
    const end = text.indexOf('Quang') + 'Qu'.length;
    expect(sliceOf(text, snapToSyllables(text, start, end))).toBe('Lương Tam Quang');
  });

  it('grows a selection inside a single syllable to that syllable', () => {
    const text = 'Thủ tướng';
    expect(sliceOf(text, snapToSyllables(text, 5, 7))).toBe('tướng');
    expect(sliceOf(text, snapToSyllables(text, 0, 1))).toBe('Thủ');
  });

  it('keeps selections that are already exact', () => {
    const text = 'Ông Nguyễn Văn A';
    expect(snapToSyllables(text, 4, 14)).toEqual({ start: 4, end: 14 });
  });

  it('keeps internal punctuation and connectors', () => {
    const text = 'theo Nghị quyết 36-NQ/TW ngày 10/1/2023, ông A.N tại Đại hội XIII.';
    expect(snapText(text, 'Nghị quyết 36-NQ/TW ')).toBe('Nghị quyết 36-NQ/TW');
    expect(snapText(text, ' 10/1/2023, ')).toBe('10/1/2023');
    expect(snapText(text, 'ngày 10/1/2023, ông')).toBe('ngày 10/1/2023, ông');
    expect(snapText(text, 'A.N ')).toBe('A.N');
    expect(snapText(text, 'Đại hội XIII.')).toBe('Đại hội XIII');
  });

  it('grows into a connected token from either side', () => {
    const text = 'Nghị quyết 36-NQ/TW';
    const slash = text.indexOf('/');
    expect(sliceOf(text, snapToSyllables(text, slash, slash + 1))).toBe('36-NQ/TW');
    expect(sliceOf(text, snapToSyllables(text, slash + 1, text.length))).toBe('36-NQ/TW');
  });

  it('trims quotes and brackets at the edges but not inside', () => {
    const text = 'Cơ quan “Ban Chỉ đạo (Trung ương)” họp.';
    expect(snapText(text, '“Ban Chỉ đạo (Trung ương)” ')).toBe('Ban Chỉ đạo (Trung ương');
    expect(snapText(text, '(Trung ương)')).toBe('Trung ương');
    expect(snapText(text, 'ương)”')).toBe('ương');
  });

  it('keeps a percent sign and symbols, which are content', () => {
    const text = 'tăng 3,5% so với 20°C và $5 🎉.';
    expect(snapText(text, '3,5%')).toBe('3,5%');
    expect(snapText(text, ' 20°C ')).toBe('20°C');
    expect(snapText(text, '$5 🎉.')).toBe('$5 🎉');
  });

  it('returns null for empty selections and selections with only whitespace or punctuation', () => {
    const text = 'Ông A, “B” — C…';
    expect(snapToSyllables(text, 2, 2)).toBeNull();
    expect(snapText(text, ', “')).toBeNull();
    expect(snapText(text, '” — ')).toBeNull();
    expect(snapText(text, '…')).toBeNull();
    expect(snapToSyllables('   ', 0, 3)).toBeNull();
  });

  it('snaps on text whose no-break spaces became plain spaces', () => {
    const { text } = canonicalize('Chủ\u00A0tịch\u00A0Võ\u202FVăn\u00A0Thưởng\u00A0.');
    expect(snapText(text, 'ịch Võ Văn Thưởng .')).toBe('tịch Võ Văn Thưởng');
  });

  it('never splits an emoji, even when an offset falls between its surrogates', () => {
    const text = 'vui 😀 lắm';
    const emojiStart = text.indexOf('😀');
    expect(snapToSyllables(text, emojiStart + 1, emojiStart + 2)).toEqual({ start: emojiStart, end: emojiStart + 2 });
    expect(sliceOf(text, snapToSyllables(text, 1, emojiStart + 1))).toBe('vui 😀');
    const flagText = 'Việt Nam 🇻🇳!';
    const flagStart = flagText.indexOf('🇻🇳');
    expect(sliceOf(flagText, snapToSyllables(flagText, flagStart + 2, flagStart + 3))).toBe('🇻🇳');
  });

  it('never leaves a combining mark behind', () => {
    const text = 'chữ x\u0301y và z';
    const afterX = text.indexOf('x') + 1;
    expect(sliceOf(text, snapToSyllables(text, 0, afterX))).toBe('chữ x\u0301y');
    expect(sliceOf(text, snapToSyllables(text, afterX, afterX + 1))).toBe('x\u0301y');
  });

  it('handles selections at the very start and end of the text', () => {
    const text = 'Hà Nội';
    expect(snapToSyllables(text, 0, text.length)).toEqual({ start: 0, end: 6 });
    expect(snapToSyllables(text, 5, 6)).toEqual({ start: 3, end: 6 });
  });

  it('rejects offsets outside the text', () => {
    expect(() => snapToSyllables('abc', -1, 2)).toThrow(RangeError);
    expect(() => snapToSyllables('abc', 0, 4)).toThrow(RangeError);
    expect(() => snapToSyllables('abc', 2, 1)).toThrow(RangeError);
    expect(() => snapToSyllables('abc', 0.5, 2)).toThrow(RangeError);
  });

  it('always snaps to a token start and a token end (exhaustive over a mixed text)', () => {
    const text = ' “GS.TS Lê Văn A (ĐHQG) nói: tăng 3,5%—số 36-NQ/TW…” 🇻🇳 x\u0301y,\nTP. HCM ';
    const tokens = syllableTokens(text);
    const starts = new Set(tokens.map((token) => token.start));
    const ends = new Set(tokens.map((token) => token.end));
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const snapped = snapToSyllables(text, start, end);
        if (snapped === null) continue;
        expect(starts.has(snapped.start)).toBe(true);
        expect(ends.has(snapped.end)).toBe(true);
        // Growing only: every selected token character stays selected.
        expect(snapped.start).toBeLessThan(end);
        expect(snapped.end).toBeGreaterThan(start);
      }
    }
  });
});

describe('sentenceRanges', () => {
  it('splits at terminators followed by whitespace and an upper-case letter', () => {
    expect(sentenceTexts('Giá xăng tăng. Người dân lo lắng! Vì sao? Đến nay… Chưa rõ.')).toEqual([
      'Giá xăng tăng.',
      'Người dân lo lắng!',
      'Vì sao?',
      'Đến nay…',
      'Chưa rõ.',
    ]);
  });

  it('splits before an opening quote and keeps closing quotes with the sentence they end', () => {
    expect(sentenceTexts('Ông nói: “Tốt lắm.” “Vậy à?” Bà hỏi.')).toEqual([
      'Ông nói: “Tốt lắm.”',
      '“Vậy à?”',
      'Bà hỏi.',
    ]);
    expect(sentenceTexts('Đây là (ví dụ.) Sau đó xong.')).toEqual(['Đây là (ví dụ.)', 'Sau đó xong.']);
  });

  it('does not split before a lower-case word, a digit or without whitespace', () => {
    expect(sentenceTexts('Chờ... rồi đi. 2024 là năm.')).toEqual(['Chờ... rồi đi. 2024 là năm.']);
    expect(sentenceTexts('Xem vnexpress.net hôm nay.Ông đến')).toEqual(['Xem vnexpress.net hôm nay.Ông đến']);
  });

  it('does not split after abbreviations, initials, numbers or dotted acronyms', () => {
    const text = 'GS.TS. Nguyễn Văn A và TS. Lê B tới TP. Hồ Chí Minh. Ông Trần V. Cường chi 1.000 đồng. A.N nói.';
    expect(sentenceTexts(text)).toEqual([
      'GS.TS. Nguyễn Văn A và TS. Lê B tới TP. Hồ Chí Minh.',
      'Ông Trần V. Cường chi 1.000 đồng.',
      'A.N nói.',
    ]);
    expect(sentenceTexts('Gặp ThS. Hà, Tp. Huế và PGS. Đỗ.')).toHaveLength(1);
  });

  it('splits at every newline and skips blank lines', () => {
    const text = 'Tiêu đề\n\nĐoạn một, chưa hết\nđoạn hai.\n  \n';
    expect(sentenceTexts(text)).toEqual(['Tiêu đề', 'Đoạn một, chưa hết', 'đoạn hai.']);
  });

  it('excludes surrounding whitespace and returns token-aligned ranges', () => {
    const text = '  Một câu.   Hai câu 🎉  ';
    const ranges = sentenceRanges(text);
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Một câu.', 'Hai câu 🎉']);
    const tokens = syllableTokens(text);
    for (const range of ranges) {
      expect(tokens.some((token) => token.start === range.start)).toBe(true);
      expect(tokens.some((token) => token.end === range.end)).toBe(true);
    }
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(sentenceRanges('')).toEqual([]);
    expect(sentenceRanges(' \n \n')).toEqual([]);
  });

  it('works on canonicalised text where no-break spaces became spaces', () => {
    const { text } = canonicalize('Giá tăng.\u00A0Người dân lo.\r\nHết');
    expect(sentenceTexts(text)).toEqual(['Giá tăng.', 'Người dân lo.', 'Hết']);
  });
});
