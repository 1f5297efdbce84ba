import { isSurrogatePairAt } from './surrogates';
/**
 * Offset units. The store and the renderer count UTF-16 code units (what JavaScript strings,
 * the DOM and Lexical count); exports default to code points (what Python and spaCy count).
 * Both are `[start, end)` on the canonical text. Vietnamese NFC text is all in the BMP, so the
 * two differ only after astral characters such as emoji.
 */

export type OffsetUnit = 'codepoint' | 'utf16';

/**
 * Converts offsets of one text between units. Built once per text in O(n); each conversion is
 * O(1) when the text has no astral characters and O(log k) in the number k of astral ones.
 */
export class OffsetConverter {
  /** UTF-16 index of the high surrogate of every astral code point, ascending. */
  private readonly astralU16: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isSurrogatePairAt(text, i)) {
        this.astralU16.push(i);
        i++;
      }
    }
  }

  get hasAstral(): boolean {
    return this.astralU16.length > 0;
  }

  get lengthCodePoints(): number {
    return this.text.length - this.astralU16.length;
  }

  /** Code-point offset of a UTF-16 offset. Throws if it splits a surrogate pair. */
  u16ToCodePoint(offsetU16: number): number {
    this.assertRange(offsetU16, this.text.length, 'UTF-16');
    const before = this.countAstralBefore(offsetU16);
    const last = this.astralU16[before - 1];
    if (last !== undefined && last + 1 === offsetU16) {
      throw new RangeError(`UTF-16 offset ${offsetU16} splits a surrogate pair`);
    }
    return offsetU16 - before;
  }

  /** UTF-16 offset of a code-point offset. */
  codePointToU16(offsetCp: number): number {
    this.assertRange(offsetCp, this.lengthCodePoints, 'code point');
    // The k-th astral char sits at code point astralU16[k] - k; count those strictly before offsetCp.
    let lo = 0;
    let hi = this.astralU16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astralU16[mid] as number) - mid < offsetCp) lo = mid + 1;
      else hi = mid;
    }
    return offsetCp + lo;
  }

  fromU16(offsetU16: number, unit: OffsetUnit): number {
    return unit === 'utf16' ? offsetU16 : this.u16ToCodePoint(offsetU16);
  }

  toU16(offset: number, unit: OffsetUnit): number {
    return unit === 'utf16' ? offset : this.codePointToU16(offset);
  }

  private countAstralBefore(offsetU16: number): number {
    let lo = 0;
    let hi = this.astralU16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astralU16[mid] as number) < offsetU16) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private assertRange(offset: number, length: number, unitName: string): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > length) {
      throw new RangeError(`${unitName} offset ${offset} is outside 0..${length}`);
    }
  }
}

/** Slice `text` by offsets in the given unit (what a Python consumer does with code points). */
export function sliceByUnit(text: string, start: number, end: number, unit: OffsetUnit): string {
  if (unit === 'utf16') return text.slice(start, end);
  return Array.from(text).slice(start, end).join('');
}
