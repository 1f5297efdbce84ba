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

/** A span placed on the tokens: `first..last` inclusive, or first = −1 when it covers none. */
export interface PlacedSpan {
  startU16: number;
  endU16: number;
  first: number;
  last: number;
}

export const OUTSIDE = 0;
export const beginCode = (labelIndex: number): number => 2 * labelIndex + 1;
export const insideCode = (labelIndex: number): number => 2 * labelIndex + 2;

export function placeOnTokens(tokens: readonly TextRange[], startU16: number, endU16: number): PlacedSpan {
  const range = tokenRangeOf(tokens, startU16, endU16);
  return { startU16, endU16, first: range?.first ?? -1, last: range?.last ?? -1 };
}

/** The code of every token; spans that cover no token (only spaces) tag nothing. */
export function bioCodes<S extends PlacedSpan>(
  tokenCount: number,
  spans: readonly S[],
  labelIndexOf: (span: S) => number,
): Int32Array {
  const codes = new Int32Array(tokenCount);
  // Spans in text order that do not share a token need no ranking: none takes another's place.
  for (const span of disjointInOrder(spans) ? spans : [...spans].sort(outermostFirst)) {
    const { first, last } = span;
    if (first < 0) continue;
    let free = true;
    for (let token = first; token <= last && free; token++) free = codes[token] === OUTSIDE;
    if (!free) continue;
    const labelIndex = labelIndexOf(span);
    codes[first] = beginCode(labelIndex);
    if (last > first) codes.fill(insideCode(labelIndex), first + 1, last + 1);
  }
  return codes;
}

function disjointInOrder(spans: readonly PlacedSpan[]): boolean {
  let previousLast = -1;
  for (const { first, last } of spans) {
    if (first < 0) continue;
    if (first <= previousLast) return false;
    previousLast = last;
  }
  return true;
}

function outermostFirst(a: PlacedSpan, b: PlacedSpan): number {
  return b.last - b.first - (a.last - a.first) || b.endU16 - b.startU16 - (a.endU16 - a.startU16) || a.first - b.first;
}
