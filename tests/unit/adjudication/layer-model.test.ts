import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../renderer/src/app/contrast';
import { isEditable, layerModel } from '../../../renderer/src/reader/layers/layer-model';
import { DIFF_STYLES } from '../../../renderer/src/reader/layers/layer-styles';
import type { Span } from '../../../renderer/src/reader/sync/document-sync';

const span = (id: number, author: string | undefined, labelKey: string, start: number, end: number): Span => ({
  id,
  labelKey,
  start,
  end,
  quote: '',
  note: '',
  ...(author ? { author } : {}),
});

const spans = [
  span(1, 'An', 'PER', 0, 5),
  span(2, 'Bình', 'PER', 0, 5),
  span(3, 'An', 'ORG', 10, 14),
  span(4, 'Bình', 'LOC', 10, 14),
  span(5, 'Bình', 'DATE', 20, 22),
  span(6, 'gold', 'PER', 0, 5),
  span(7, undefined, 'LOC', 30, 33),
];

describe('reader layers', () => {
  it('compare: hides other layers and the colleague’s twin of an agreed span; paints the three kinds', () => {
    const model = layerModel(spans, { kind: 'compare', author: 'Bình' }, 'An');
    expect([...model.hidden].sort()).toEqual([2, 6]);
    expect(model.differences).toEqual([
      { kind: 'both', start: 10, end: 14 },
      { kind: 'theirs', start: 20, end: 22 },
      // A span just made here has no author yet: it is mine.
      { kind: 'mine', start: 30, end: 33 },
    ]);
  });

  it('one layer at a time: mine, a colleague’s, gold; all hides nothing', () => {
    expect([...layerModel(spans, { kind: 'mine' }, 'An').hidden].sort()).toEqual([2, 4, 5, 6]);
    expect([...layerModel(spans, { kind: 'author', author: 'Bình' }, 'An').hidden].sort()).toEqual([1, 3, 6, 7]);
    expect([...layerModel(spans, { kind: 'gold' }, 'An').hidden].sort()).toEqual([1, 2, 3, 4, 5, 7]);
    expect(layerModel(spans, { kind: 'all' }, 'An')).toEqual({ hidden: new Set(), differences: [] });
  });

  it('only my spans are editable, and only where my layer is on screen', () => {
    expect(isEditable(spans[0]!, { kind: 'compare', author: 'Bình' }, 'An')).toBe(true);
    expect(isEditable(spans[1]!, { kind: 'compare', author: 'Bình' }, 'An')).toBe(false);
    expect(isEditable(spans[5]!, { kind: 'all' }, 'An')).toBe(false);
    expect(isEditable(spans[0]!, { kind: 'gold' }, 'An')).toBe(false);
  });

  it('the kinds’ inks read on the paper (4.5:1) and their line styles differ, so colour is not the only cue', () => {
    for (const { ink } of Object.values(DIFF_STYLES)) expect(contrastRatio(ink, '#fffdf9')).toBeGreaterThanOrEqual(4.5);
    expect(new Set(Object.values(DIFF_STYLES).map((style) => style.line)).size).toBe(3);
  });
});
