import { describe, expect, it } from 'vitest';
import { nextBand } from '../../../renderer/src/reader/paint-window';

describe('nextBand (the suggestions painted around the viewport)', () => {
  const needed = { start: 100, end: 200 };
  const wideBand = { start: 0, end: 400 };
  const wide = () => wideBand;

  it('paints the wide band when a scroll leaves the current one, and keeps it while the viewport stays inside', () => {
    expect(nextBand(null, needed, wide, false)).toBe(wideBand);
    expect(nextBand({ start: 150, end: 300 }, needed, wide, false)).toBe(wideBand);
    const current = { start: 50, end: 350 };
    expect(nextBand(current, needed, wide, false)).toBe(current);
  });

  it('shrinks to the viewport once scrolling settles', () => {
    expect(nextBand({ start: 0, end: 400 }, needed, wide, true)).toBe(needed);
  });
});
