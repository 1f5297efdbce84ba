/**
 * Where each relation's arc goes, brat-style but never over the text: horizontal runs lie in the
 * gap above a line, and an arc between two lines climbs into its lines' gaps and runs down the
 * right margin (the gutter). Every line gap holds one arc at a place; an arc that finds its gap
 * or the gutter taken is drawn only while one of its ends is active (selected or hovered) —
 * the sidebar lists every relation of the selected span anyway.
 */

export interface Box {
  left: number;
  right: number;
  top: number;
}

export interface ArcInput {
  id: number;
  /** The label's length in characters, to keep labels from writing over each other. */
  labelChars: number;
  /** First line box of each end, relative to the layer. */
  head: Box;
  tail: Box;
  /** Drawn even when its place is taken: it touches the selected or hovered span. */
  active: boolean;
}

export interface Arc {
  id: number;
  path: string;
  labelX: number;
  labelY: number;
  /** False when every place on the arc's runs already holds a label (the colour still tells the type). */
  labelled: boolean;
  active: boolean;
}

export interface ArcSpace {
  /** The right edge of the text, where the gutter begins. */
  textRight: number;
  /** How many arcs fit side by side in the gutter. */
  gutterLanes: number;
  /** Distance between a line's top and its arc runs (in the gap above it). */
  rise: number;
  /** Places in line gaps no label may cover (the selected span's relation handle). */
  keepClear?: readonly { top: number; left: number; right: number }[];
}

const GUTTER_STEP = 7;
/** Width of one label character at the layer's 10 px label font, generously. */
const LABEL_CHAR_PX = 5.8;

/** Lays the arcs out, shortest first (as brat does: short arcs stay low and readable). */
export function layoutArcs(inputs: readonly ArcInput[], space: ArcSpace): Arc[] {
  const gaps = new Map<number, [number, number][]>();
  const gutter: [number, number][][] = Array.from({ length: space.gutterLanes }, () => []);
  const lineKey = (box: Box) => Math.round(box.top);
  const free = (list: readonly [number, number][], from: number, to: number) =>
    list.every(([start, end]) => to <= start || from >= end);
  const take = (box: Box, from: number, to: number) => {
    const list = gaps.get(lineKey(box)) ?? [];
    list.push([from, to]);
    gaps.set(lineKey(box), list);
  };
  const gapFree = (box: Box, from: number, to: number) => free(gaps.get(lineKey(box)) ?? [], from, to);
  const labels = new Map<number, [number, number][]>();
  for (const place of space.keepClear ?? []) {
    const key = Math.round(place.top);
    labels.set(key, [...(labels.get(key) ?? []), [place.left, place.right]]);
  }
  /** The first of the candidate centres (on runs `[line, from, to]`) where the label fits, or null. */
  const placeLabel = (input: ArcInput, runs: readonly [Box, number, number][]): [number, number] | null => {
    const half = (input.labelChars * LABEL_CHAR_PX) / 2 + 2;
    for (const [box, from, to] of runs) {
      const [left, right] = from < to ? [from, to] : [to, from];
      for (const fraction of [0.5, 0.25, 0.75, 0.1, 0.9]) {
        const x = Math.min(
          Math.max(left + (right - left) * fraction, left + half),
          Math.max(left + half, right - half),
        );
        const taken = labels.get(lineKey(box)) ?? [];
        if (free(taken, x - half, x + half)) {
          taken.push([x - half, x + half]);
          labels.set(lineKey(box), taken);
          return [x, box.top - space.rise - 2];
        }
      }
    }
    return null;
  };

  const centre = (box: Box) => (box.left + box.right) / 2;
  const length = (input: ArcInput) =>
    lineKey(input.head) === lineKey(input.tail)
      ? Math.abs(centre(input.head) - centre(input.tail))
      : 1e6 + Math.abs(input.head.top - input.tail.top);
  const ordered = [...inputs].sort((a, b) => Number(b.active) - Number(a.active) || length(a) - length(b));

  const arcs: Arc[] = [];
  for (const input of ordered) {
    const hx = centre(input.head);
    const tx = centre(input.tail);
    const hy = input.head.top - space.rise;
    const ty = input.tail.top - space.rise;
    if (lineKey(input.head) === lineKey(input.tail)) {
      const [from, to] = hx < tx ? [hx, tx] : [tx, hx];
      if (!gapFree(input.head, from, to) && !input.active) continue;
      take(input.head, from, to);
      const label = placeLabel(input, [[input.head, hx, tx]]);
      arcs.push({
        id: input.id,
        path: `M${hx},${input.head.top} V${hy} H${tx} V${input.tail.top}`,
        labelX: label?.[0] ?? 0,
        labelY: label?.[1] ?? 0,
        labelled: label !== null,
        active: input.active,
      });
      continue;
    }
    const [top, bottom] = hy < ty ? [hy, ty] : [ty, hy];
    const lane = gutter.findIndex((list) => free(list, top, bottom));
    const placeFree = lane >= 0 && gapFree(input.head, hx, space.textRight) && gapFree(input.tail, tx, space.textRight);
    if (!placeFree && !input.active) continue;
    const usedLane = Math.max(0, lane);
    gutter[usedLane]?.push([top, bottom]);
    take(input.head, hx, space.textRight);
    take(input.tail, tx, space.textRight);
    const gx = space.textRight + 6 + usedLane * GUTTER_STEP;
    const label = placeLabel(input, [
      [input.head, hx, gx],
      [input.tail, tx, gx],
    ]);
    arcs.push({
      id: input.id,
      path: `M${hx},${input.head.top} V${hy} H${gx} V${ty} H${tx} V${input.tail.top}`,
      labelX: label?.[0] ?? 0,
      labelY: label?.[1] ?? 0,
      labelled: label !== null,
      active: input.active,
    });
  }
  return arcs;
}
