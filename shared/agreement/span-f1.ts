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

/**
 * The pairs the matching above makes between two lists of extents, as indices into them: exact
 * pairs (same start and end), then overlapping pairs among the rest. The agreement counts and
 * the adjudication's disagreements (layer-diff.ts) are both read from this one alignment.
 */
export interface Alignment {
  exact: [first: number, second: number][];
  overlap: [first: number, second: number][];
}

/** Aligns two coders' extents (of ONE label, or of whatever the caller decides to compare). */
export function alignExtents(first: readonly Extent[], second: readonly Extent[]): Alignment {
  const waiting = new Map<string, number[]>();
  second.forEach((extent, index) => {
    const key = `${extent.start}:${extent.end}`;
    const list = waiting.get(key);
    if (list) list.push(index);
    else waiting.set(key, [index]);
  });
  const secondTaken = new Uint8Array(second.length);
  const firstLeft: number[] = [];
  const exact: [number, number][] = [];
  first.forEach((extent, firstIndex) => {
    const index = waiting.get(`${extent.start}:${extent.end}`)?.pop();
    if (index === undefined) firstLeft.push(firstIndex);
    else {
      secondTaken[index] = 1;
      exact.push([firstIndex, index]);
    }
  });
  const secondLeft = second.flatMap((_, index) => (secondTaken[index] === 0 ? [index] : []));
  return { exact, overlap: alignOverlapping(first, firstLeft, second, secondLeft) };
}

/** Matches two coders' spans of ONE label in one article. */
export function matchSpans(first: readonly Extent[], second: readonly Extent[]): MatchCounts {
  const { exact, overlap } = alignExtents(first, second);
  return {
    first: first.length,
    second: second.length,
    exact: exact.length,
    overlap: exact.length + overlap.length,
  };
}

/** In text order, each extent of `firstLeft` takes the first overlapping untaken one of `secondLeft`. */
function alignOverlapping(
  first: readonly Extent[],
  firstLeft: number[],
  second: readonly Extent[],
  secondLeft: number[],
): [number, number][] {
  const byStart = (a: Extent, b: Extent) => a.start - b.start || a.end - b.end;
  firstLeft.sort((a, b) => byStart(first[a] as Extent, first[b] as Extent));
  secondLeft.sort((a, b) => byStart(second[a] as Extent, second[b] as Extent));
  const taken = new Uint8Array(secondLeft.length);
  const pairs: [number, number][] = [];
  // Spans of `second` before `low` end before every later first-coder span starts, or are taken.
  let low = 0;
  for (const firstIndex of firstLeft) {
    const extent = first[firstIndex] as Extent;
    while (
      low < secondLeft.length &&
      (taken[low] === 1 || (second[secondLeft[low] as number] as Extent).end <= extent.start)
    )
      low++;
    for (let index = low; index < secondLeft.length; index++) {
      const candidate = second[secondLeft[index] as number] as Extent;
      if (candidate.start >= extent.end) break;
      if (taken[index] === 0 && candidate.end > extent.start) {
        taken[index] = 1;
        pairs.push([firstIndex, secondLeft[index] as number]);
        break;
      }
    }
  }
  return pairs;
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
