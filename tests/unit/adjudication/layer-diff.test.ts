import { describe, expect, it } from 'vitest';
import { diffLayers, type LayerSpan } from '../../../shared/agreement/layer-diff';
import { matchSpans } from '../../../shared/agreement/span-f1';

const span = (labelKey: string, start: number, end: number): LayerSpan => ({ labelKey, start, end });

describe('diffLayers', () => {
  it('sorts agreement, boundary, label, and one-sided differences, in text order', () => {
    const mine = [span('PER', 0, 5), span('PER', 10, 15), span('ORG', 20, 25), span('LOC', 40, 45)];
    const theirs = [span('PER', 0, 5), span('PER', 10, 18), span('LOC', 20, 25), span('DATE', 60, 62)];
    const { agreed, disagreements } = diffLayers(mine, theirs);
    expect(agreed).toEqual([[mine[0], theirs[0]]]);
    expect(disagreements.map((d) => [d.kind, d.start, d.end, d.key])).toEqual([
      ['both', 10, 18, 'PER@10-15|PER@10-18'],
      ['both', 20, 25, 'ORG@20-25|LOC@20-25'],
      ['mine', 40, 45, 'LOC@40-45|-'],
      ['theirs', 60, 62, '-|DATE@60-62'],
    ]);
  });

  it('pairs a label first with its own label, so a wider twin of another label stays a label difference', () => {
    // Mine PER [0,10); theirs ORG [0,10) and PER [2,8): the PER pair (boundaries) wins over the ORG exact range.
    const { disagreements } = diffLayers([span('PER', 0, 10)], [span('ORG', 0, 10), span('PER', 2, 8)]);
    expect(disagreements.map((d) => d.key)).toEqual(['-|ORG@0-10', 'PER@0-10|PER@2-8']);
  });

  it('agrees with the span F1 counts it is built on: per label, matched = agreed + boundary pairs', () => {
    const mine = [span('PER', 0, 4), span('PER', 3, 9), span('PER', 20, 30)];
    const theirs = [span('PER', 0, 4), span('PER', 5, 12), span('PER', 40, 41)];
    const counts = matchSpans(mine, theirs);
    const { agreed, disagreements } = diffLayers(mine, theirs);
    expect(agreed.length).toBe(counts.exact);
    expect(agreed.length + disagreements.filter((d) => d.kind === 'both').length).toBe(counts.overlap);
  });

  it('is empty for identical layers and all one-sided against an empty layer', () => {
    const layer = [span('PER', 0, 4), span('ORG', 6, 9)];
    expect(
      diffLayers(
        layer,
        layer.map((s) => ({ ...s })),
      ).disagreements,
    ).toEqual([]);
    expect(diffLayers(layer, []).disagreements.map((d) => d.kind)).toEqual(['mine', 'mine']);
  });
});
