import type { TextRange } from './syllables';

/**
 * The tokens a span `[startU16, endU16)` touches, as `first..last` inclusive indices into
 * `tokens` (ascending, non-overlapping): a token counts when it overlaps the span, so an edge
 * that falls inside a token takes the whole token. Null when the span covers no token (spaces).
 */
export function tokenRangeOf(
  tokens: readonly TextRange[],
  startU16: number,
  endU16: number,
): { first: number; last: number } | null {
  const first = firstTokenEndingAfter(tokens, startU16);
  let last = firstTokenEndingAfter(tokens, endU16 - 1);
  if (last === tokens.length || (tokens[last] as TextRange).start >= endU16) last--;
  return first <= last ? { first, last } : null;
}

/** Index of the first token that ends after `offset` (tokens.length when none does). */
function firstTokenEndingAfter(tokens: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as TextRange).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
