import { describe, expect, it } from 'vitest';
import { layoutArcs, type ArcInput, type Box } from '../../../renderer/src/reader/relations/arc-geometry';

const LINE_TOP = 100;
const box = (left: number, right: number, top = LINE_TOP): Box => ({ left, right, top });
const arc = (id: number, head: Box, tail: Box, active = false): ArcInput => ({
  id,
  labelChars: 'holds title'.length,
  head,
  tail,
  active,
});
/** A label's extent when drawn centred on its x (the layer draws labels with text-anchor middle). */
const HALF = ('holds title'.length * 5.8) / 2;
const space = { textRight: 700, gutterLanes: 4, rise: 4 };

describe('layoutArcs', () => {
  it('labels of arcs in one line gap never write over each other', () => {
    // One person with three titles on the same line, as in a dense paragraph: all three active.
    const person = box(300, 420);
    const arcs = layoutArcs(
      [arc(1, person, box(100, 220), true), arc(2, person, box(440, 600), true), arc(3, person, box(620, 660), true)],
      space,
    );
    const placed = arcs.filter((placedArc) => placedArc.labelled).map((placedArc) => placedArc.labelX);
    expect(placed.length).toBeGreaterThan(1);
    const sorted = [...placed].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(2 * HALF);
  });

  it('an arc with no free place for its label is marked unlabelled (its label was drawn at the corner of the layer)', () => {
    // Two active arcs over the same short run: the second label has nowhere to go.
    const head = box(300, 340);
    const tail = box(350, 390);
    const [first, second] = layoutArcs([arc(1, head, tail, true), arc(2, head, tail, true)], space);
    expect(first?.labelled).toBe(true);
    expect(second?.labelled).toBe(false);
  });

  it('keeps labels off the places it is asked to keep clear (the relation handle)', () => {
    const head = box(100, 200);
    const tail = box(500, 600);
    const centre = (150 + 550) / 2;
    const keepClear = [{ top: LINE_TOP, left: centre - 6, right: centre + 6 }];
    const [placed] = layoutArcs([arc(1, head, tail)], { ...space, keepClear });
    expect(placed?.labelled).toBe(true);
    const [from, to] = [placed!.labelX - HALF, placed!.labelX + HALF];
    expect(to <= keepClear[0]!.left || from >= keepClear[0]!.right).toBe(true);
  });
});
