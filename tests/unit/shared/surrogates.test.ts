import { describe, expect, it } from 'vitest';
import {
  codePointLengthAt,
  codePointLengthBefore,
  isSurrogatePairAt,
  splitsSurrogatePair,
} from '../../../shared/text/surrogates';

// "a😀b": the emoji is U+1F600, the units 0xD83D 0xDE00 at indexes 1 and 2.
const EMOJI = 'a😀b';
const LONE_HIGH = 'a\uD83Db';
const LONE_LOW = 'a\uDE00b';

describe('surrogate pairs', () => {
  it('finds a pair only where a high half is followed by a low one', () => {
    expect([0, 1, 2, 3].map((index) => isSurrogatePairAt(EMOJI, index))).toEqual([false, true, false, false]);
    expect(isSurrogatePairAt(LONE_HIGH, 1)).toBe(false);
    expect(isSurrogatePairAt(LONE_LOW, 1)).toBe(false);
    expect(isSurrogatePairAt('\uD83D', 0)).toBe(false); // a high half at the very end
  });

  it('says an offset splits a pair only between its halves', () => {
    expect([0, 1, 2, 3, 4].map((offset) => splitsSurrogatePair(EMOJI, offset))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(splitsSurrogatePair(LONE_HIGH, 2)).toBe(false);
  });

  it('measures the code point at and before an offset, a lone half counting as one unit', () => {
    expect([0, 1, 3].map((index) => codePointLengthAt(EMOJI, index))).toEqual([1, 2, 1]);
    expect([1, 3, 4].map((offset) => codePointLengthBefore(EMOJI, offset))).toEqual([1, 2, 1]);
    expect(codePointLengthAt(LONE_HIGH, 1)).toBe(1);
    expect(codePointLengthBefore(LONE_LOW, 2)).toBe(1);
  });
});
