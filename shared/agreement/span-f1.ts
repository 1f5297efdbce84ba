/**
 * Span-level F1 between two coders, the measure of the CoNLL and MUC evaluations (Tjong Kim Sang
 * & De Meulder 2003; Chinchor 1992, "MUC-4 evaluation metrics"), used as an agreement measure by
 * taking one coder as the reference (Hripcsak & Rothschild 2005, "Agreement, the F-measure, and
 * reliability in information retrieval", JAMIA 12(3): 296–298). With m matched spans, and a and b
 * spans by each coder:
 *
 *   precision = m / b,   recall = m / a,   F1 = 2m / (a + b)
 *
 * which is symmetric, so it does not matter who is the reference.
 * - **exact**: same label, same start and same end;
 * - **overlap**: same label and at least one character in common. Exact pairs are matched
 *   first; then, in text order, each remaining span of the first coder takes the first remaining
 *   overlapping span of the second. Each span is matched at most once, so F1 ≤ 1.
 */

/** One coder's spans of one label in one article; offsets in any one unit, `[start, end)`. */
export interface Extent {
  start: number;
  end: number;
}

export interface MatchCounts {
  /** Spans of the first coder. */
  first: number;
  /** Spans of the second coder. */
  second: number;
  exact: number;
  /** Matched with overlapping boundaries, exact matches included. */
  overlap: number;
}

export const NO_MATCHES: Readonly<MatchCounts> = { first: 0, second: 0, exact: 0, overlap: 0 };

/** Matches two coders' spans of ONE label in one article. */
export function matchSpans(first: readonly Extent[], second: readonly Extent[]): MatchCounts {
  const waiting = new Map<string, number[]>();
  second.forEach((extent, index) => {
    const key = `${extent.start}:${extent.end}`;
    const list = waiting.get(key);
    if (list) list.push(index);
    else waiting.set(key, [index]);
  });
  const secondTaken = new Uint8Array(second.length);
  const firstLeft: Extent[] = [];
  let exact = 0;
  for (const extent of first) {
    const index = waiting.get(`${extent.start}:${extent.end}`)?.pop();
    if (index === undefined) firstLeft.push(extent);
    else {
      secondTaken[index] = 1;
      exact++;
    }
  }
  const secondLeft = second.filter((_, index) => secondTaken[index] === 0);
  return {
    first: first.length,
    second: second.length,
    exact,
    overlap: exact + matchOverlapping(firstLeft, secondLeft),
  };
}

function matchOverlapping(first: Extent[], second: Extent[]): number {
  const byStart = (a: Extent, b: Extent) => a.start - b.start || a.end - b.end;
  first.sort(byStart);
  second.sort(byStart);
  const taken = new Uint8Array(second.length);
  let matched = 0;
  // Spans of `second` before `low` end before every later first-coder span starts, or are taken.
  let low = 0;
  for (const extent of first) {
    while (low < second.length && (taken[low] === 1 || (second[low] as Extent).end <= extent.start)) low++;
    for (let index = low; index < second.length; index++) {
      const candidate = second[index] as Extent;
      if (candidate.start >= extent.end) break;
      if (taken[index] === 0 && candidate.end > extent.start) {
        taken[index] = 1;
        matched++;
        break;
      }
    }
  }
  return matched;
}

export function addCounts(into: MatchCounts, counts: Readonly<MatchCounts>): void {
  into.first += counts.first;
  into.second += counts.second;
  into.exact += counts.exact;
  into.overlap += counts.overlap;
}

/** F1 from matched counts; null when neither coder has a span (nothing to agree on). */
export function f1(matched: number, counts: Readonly<MatchCounts>): number | null {
  const spans = counts.first + counts.second;
  return spans === 0 ? null : (2 * matched) / spans;
}
