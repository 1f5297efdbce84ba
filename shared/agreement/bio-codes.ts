/**
 * One coder's spans as BIO tags (IOB2) on syllable tokens, as integer codes: 0 is O, and a span
 * of label index k tags its first token B (2k + 1) and the rest I (2k + 2). A token belongs to a
 * span when it overlaps it (shared/text/token-range.ts, the CoNLL export's rule). A token holds
 * one tag, so where a coder's spans overlap, the one covering more tokens (then more characters,
 * then the earlier) keeps the place, as in the CoNLL export; per-label figures tag each label
 * alone, so a nested span still counts in its own label's row.
 */
import type { TextRange } from '../text/syllables';
import { tokenRangeOf } from '../text/token-range';

export interface TaggedSpan {
  startU16: number;
  endU16: number;
  /** Label index k of the codes. */
  labelIndex: number;
}

export const OUTSIDE = 0;
export const beginCode = (labelIndex: number): number => 2 * labelIndex + 1;
export const insideCode = (labelIndex: number): number => 2 * labelIndex + 2;

/** The code of every token; spans that cover no token (only spaces) tag nothing. */
export function bioCodes(tokens: readonly TextRange[], spans: readonly TaggedSpan[]): Int32Array {
  const codes = new Int32Array(tokens.length);
  const placed = spans
    .flatMap((span) => {
      const range = tokenRangeOf(tokens, span.startU16, span.endU16);
      return range ? [{ ...range, span }] : [];
    })
    .sort(
      (a, b) =>
        b.last - b.first - (a.last - a.first) ||
        b.span.endU16 - b.span.startU16 - (a.span.endU16 - a.span.startU16) ||
        a.first - b.first,
    );
  const taken = new Uint8Array(tokens.length);
  for (const { first, last, span } of placed) {
    if (taken.subarray(first, last + 1).some((flag) => flag === 1)) continue;
    taken.fill(1, first, last + 1);
    codes[first] = beginCode(span.labelIndex);
    codes.fill(insideCode(span.labelIndex), first + 1, last + 1);
  }
  return codes;
}
