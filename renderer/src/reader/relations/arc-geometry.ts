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
  labelAnchor: 'middle' | 'start';
  active: boolean;
}

export interface ArcSpace {
  /** The right edge of the text, where the gutter begins. */
  textRight: number;
  /** How many arcs fit side by side in the gutter. */
  gutterLanes: number;
  /** Distance between a line's top and its arc runs (in the gap above it). */
  rise: number;
}

const GUTTER_STEP = 7;

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
      arcs.push({
        id: input.id,
        path: `M${hx},${input.head.top} V${hy} H${tx} V${input.tail.top}`,
        labelX: (hx + tx) / 2,
        labelY: hy - 2,
        labelAnchor: 'middle',
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
    arcs.push({
      id: input.id,
      path: `M${hx},${input.head.top} V${hy} H${gx} V${ty} H${tx} V${input.tail.top}`,
      labelX: hx + 4,
      labelY: hy - 2,
      labelAnchor: 'start',
      active: input.active,
    });
  }
  return arcs;
}
