/**
 * Where two layers (two authors' spans of one article) differ, read from the same alignment the
 * span F1 counts (span-f1.ts `alignExtents`), so the reader's painted differences, the
 * adjudication's walk and the agreement figures never disagree about what matched:
 * 1. per label, exact pairs agree; overlapping pairs of one label differ in their boundaries;
 * 2. the spans left of both sides are aligned again whatever their label (same range first,
 *    then overlapping): such a pair differs in its label (and maybe its boundaries);
 * 3. what is still left is only in one layer.
 */
import { alignExtents, type Extent } from './span-f1';

/** A span of one layer; offsets in UTF-16 units on the canonical text, `[start, end)`. */
export interface LayerSpan extends Extent {
  labelKey: string;
}

/** Only in the first layer ("mine"), only in the second ("theirs"), or in both but not alike. */
export type DifferenceKind = 'mine' | 'theirs' | 'both';
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['mine', 'theirs', 'both'];

export interface Disagreement<S extends LayerSpan = LayerSpan> {
  kind: DifferenceKind;
  mine: S | null;
  theirs: S | null;
  /** The union of the two versions: where the walk goes and what the view shows in context. */
  start: number;
  end: number;
  /**
   * The disagreement by content (both versions' label and range), so a decision recorded for it
   * is found again after a restart, and no longer applies once either layer changes there.
   */
  key: string;
}

export interface LayerDiff<S extends LayerSpan = LayerSpan> {
  agreed: [mine: S, theirs: S][];
  /** In text order: by start, then end, then key. */
  disagreements: Disagreement<S>[];
}

const spanKey = (span: LayerSpan | null): string => (span ? `${span.labelKey}@${span.start}-${span.end}` : '-');

/** The key of a disagreement between these versions (null: the side has none). */
export const disagreementKey = (mine: LayerSpan | null, theirs: LayerSpan | null): string =>
  `${spanKey(mine)}|${spanKey(theirs)}`;

export function diffLayers<S extends LayerSpan>(mine: readonly S[], theirs: readonly S[]): LayerDiff<S> {
  const agreed: [S, S][] = [];
  const pairs: [S, S][] = [];
  const mineLeft: S[] = [];
  const theirsLeft: S[] = [];
  for (const [, [mineOfLabel, theirsOfLabel]] of byLabel(mine, theirs)) {
    const { exact, overlap } = alignExtents(mineOfLabel, theirsOfLabel);
    for (const [i, j] of exact) agreed.push([mineOfLabel[i] as S, theirsOfLabel[j] as S]);
    for (const [i, j] of overlap) pairs.push([mineOfLabel[i] as S, theirsOfLabel[j] as S]);
    mineLeft.push(...leftOver(mineOfLabel, [...exact, ...overlap], 0));
    theirsLeft.push(...leftOver(theirsOfLabel, [...exact, ...overlap], 1));
  }
  const across = alignExtents(mineLeft, theirsLeft);
  const acrossPairs = [...across.exact, ...across.overlap];
  for (const [i, j] of acrossPairs) pairs.push([mineLeft[i] as S, theirsLeft[j] as S]);
  const disagreements: Disagreement<S>[] = [
    ...pairs.map(([a, b]) => disagreement('both', a, b)),
    ...leftOver(mineLeft, acrossPairs, 0).map((span) => disagreement('mine', span, null)),
    ...leftOver(theirsLeft, acrossPairs, 1).map((span) => disagreement('theirs', null, span)),
  ];
  disagreements.sort((a, b) => a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { agreed, disagreements };
}

function disagreement<S extends LayerSpan>(kind: DifferenceKind, mine: S | null, theirs: S | null): Disagreement<S> {
  const sides = [mine, theirs].filter((span): span is S => span !== null);
  return {
    kind,
    mine,
    theirs,
    start: Math.min(...sides.map((span) => span.start)),
    end: Math.max(...sides.map((span) => span.end)),
    key: disagreementKey(mine, theirs),
  };
}

function leftOver<S>(spans: readonly S[], pairs: readonly [number, number][], side: 0 | 1): S[] {
  const taken = new Set(pairs.map((pair) => pair[side]));
  return spans.filter((_, index) => !taken.has(index));
}

function byLabel<S extends LayerSpan>(mine: readonly S[], theirs: readonly S[]): Map<string, [S[], S[]]> {
  const groups = new Map<string, [S[], S[]]>();
  const add = (span: S, side: 0 | 1) => {
    let group = groups.get(span.labelKey);
    if (!group) groups.set(span.labelKey, (group = [[], []]));
    group[side].push(span);
  };
  for (const span of mine) add(span, 0);
  for (const span of theirs) add(span, 1);
  return groups;
}
