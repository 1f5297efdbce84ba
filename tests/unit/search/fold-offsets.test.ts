import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../../../shared/search/fold-offsets';
import { foldVietnamese } from '../../../shared/text/fold';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** The 134 precomposed Vietnamese letters: 12 vowels × 6 tones, upper and lower case, plus đ/Đ. */
const LETTERS = VOWELS.flatMap((vowel) => TONES.map((tone) => (vowel + tone).normalize('NFC')))
  .flatMap((letter) => [letter, letter.toUpperCase()])
  .concat(['đ', 'Đ']);

function sourceOf(text: string, foldedStart: number, foldedEnd: number): string {
  const { start, end } = foldWithOffsets(text).toSource(foldedStart, foldedEnd);
  return text.slice(start, end);
}

describe('foldWithOffsets', () => {
  it('folds like foldVietnamese on every Vietnamese letter, one UTF-16 unit in, one out', () => {
    expect(new Set(LETTERS).size).toBe(146); // 72 lower-case vowels, their 72 capitals, đ and Đ
    for (const letter of LETTERS) {
      const { folded, toSource } = foldWithOffsets(letter);
      expect(folded).toBe(foldVietnamese(letter));
      expect(folded).toHaveLength(1);
      expect(toSource(0, 1)).toEqual({ start: 0, end: 1 });
    }
  });

  it('folds whole canonical sentences exactly like foldVietnamese', () => {
    const text = 'Thủ tướng đề xuất sửa đổi Luật Đất đai.\nNguyễn Thị Đường, 24/12 — “ƯU TIÊN” 😀 xong';
    expect(foldWithOffsets(text).folded).toBe(foldVietnamese(text));
  });

  it('maps folded ranges back to the canonical text', () => {
    const text = 'Ông Nguyễn đề xuất';
    const { folded } = foldWithOffsets(text);
    const at = folded.indexOf('de xuat');
    expect(sourceOf(text, at, at + 'de xuat'.length)).toBe('đề xuất');
  });

  it('maps through NFD input, where folding shrinks the text', () => {
    const text = 'Ông Nguyễn đề xuất'.normalize('NFD');
    const { folded } = foldWithOffsets(text);
    expect(folded).toBe('ong nguyen de xuat');
    expect(sourceOf(text, 4, 10)).toBe('Nguyễn'.normalize('NFD'));
    expect(sourceOf(text, 11, 18)).toBe('đề xuất'.normalize('NFD'));
  });

  it('maps through characters that fold longer, and through surrogate pairs', () => {
    // U+0958 is excluded from composition: it stays two units (क + nukta U+093C) after folding.
    const text = '\u0958 😀 Hà';
    const { folded } = foldWithOffsets(text);
    expect(folded).toBe(foldVietnamese(text));
    expect(folded.length).toBe(text.length + 1);
    const at = folded.indexOf('ha');
    expect(sourceOf(text, at, at + 2)).toBe('Hà');
    expect(sourceOf(text, 0, 1)).toBe('\u0958');
    expect(sourceOf(text, 3, 5)).toBe('😀');
  });

  it('rejects an empty or out-of-range request', () => {
    expect(() => foldWithOffsets('abc').toSource(1, 1)).toThrow(RangeError);
    expect(() => foldWithOffsets('abc').toSource(2, 4)).toThrow(RangeError);
  });
});

describe('foldWithOffsets in place (speed pass: no offset map for text the fold keeps unit for unit)', () => {
  const tableText = fc.string({
    unit: fc.constantFrom(
      ...'aăâeêioôơuưyđĐÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ bcdghklmnpqrstvx.,;:!?-—“”\t\n0123456789',
    ),
    maxLength: 60,
  });

  it('folds as foldVietnamese and maps every range to itself, as the cluster-by-cluster fold does', () => {
    fc.assert(
      fc.property(tableText, fc.nat(), fc.nat(), (text, a, b) => {
        const { folded, toSource } = foldWithOffsets(text);
        expect(folded).toBe(foldVietnamese(text));
        expect(folded).toHaveLength(text.length);
        if (text.length === 0) return;
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        expect(toSource(start, end)).toEqual({ start, end });
        // An emoji after the text sends it through the cluster-by-cluster fold: same map.
        const byClusters = foldWithOffsets(`${text}😀`);
        expect(byClusters.folded.slice(0, text.length)).toBe(folded);
        expect(byClusters.toSource(start, end)).toEqual({ start, end });
      }),
    );
  });

  it('rejects the same ranges as the cluster-by-cluster fold', () => {
    for (const text of ['abc', 'abc😀'])
      for (const [start, end] of [
        [1, 1],
        [2, 1],
        [-1, 1],
        [0, text.length + 1],
        [0.5, 1],
      ] as const)
        expect(() => foldWithOffsets(text).toSource(start, end), `${text} [${start}, ${end})`).toThrow(RangeError);
  });
});
