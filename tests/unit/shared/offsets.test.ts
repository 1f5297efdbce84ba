import { describe, expect, it } from 'vitest';
import { OffsetConverter, sliceByUnit } from '../../../shared/text/offsets';

describe('OffsetConverter', () => {
  it('is the identity on BMP-only Vietnamese text', () => {
    const converter = new OffsetConverter('Bộ trưởng Tô Lâm');
    expect(converter.hasAstral).toBe(false);
    for (let i = 0; i <= converter.text.length; i++) {
      expect(converter.u16ToCodePoint(i)).toBe(i);
      expect(converter.codePointToU16(i)).toBe(i);
    }
  });

  it('converts both ways across astral characters', () => {
    const text = 'a😀b🇻🇳c';
    const converter = new OffsetConverter(text);
    // UTF-16: a=0, 😀=1..3, b=3, 🇻=4..6, 🇳=6..8, c=8, end=9. Code points: a,😀,b,🇻,🇳,c → 6.
    expect(converter.lengthCodePoints).toBe(6);
    expect([0, 1, 3, 4, 6, 8, 9].map((u16) => converter.u16ToCodePoint(u16))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => converter.codePointToU16(cp))).toEqual([0, 1, 3, 4, 6, 8, 9]);
  });

  it('round-trips every boundary and agrees with a Python-style slice', () => {
    const text = 'Tin 😀 nóng: Hà Nội 🇻🇳, ngày 1/2 🎉.';
    const converter = new OffsetConverter(text);
    const codePoints = Array.from(text);
    let u16 = 0;
    for (let cp = 0; cp <= codePoints.length; cp++) {
      expect(converter.codePointToU16(cp)).toBe(u16);
      expect(converter.u16ToCodePoint(u16)).toBe(cp);
      u16 += codePoints[cp]?.length ?? 0;
    }
    const start = text.indexOf('Hà');
    const end = text.indexOf(',');
    expect(sliceByUnit(text, converter.u16ToCodePoint(start), converter.u16ToCodePoint(end), 'codepoint')).toBe(
      text.slice(start, end),
    );
  });

  it('refuses offsets that split a surrogate pair or fall outside the text', () => {
    const converter = new OffsetConverter('a😀b');
    expect(() => converter.u16ToCodePoint(2)).toThrow(/splits a surrogate pair/);
    expect(() => converter.u16ToCodePoint(5)).toThrow(RangeError);
    expect(() => converter.codePointToU16(-1)).toThrow(RangeError);
  });
});
