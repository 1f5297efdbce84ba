// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../shared/assist/suggestion';
import type { Label } from '../../../shared/domain/schemas';
import { SuggestionPainter } from '../../../renderer/src/reader/assist/suggestion-painter';
import type { TextLayout } from '../../../renderer/src/reader/text-layout';

// jsdom has no CSS Custom Highlight API: a Highlight is a set of ranges, the registry a map.
class FakeHighlight extends Set<{ start: number; end: number }> {
  priority = 0;
}

/** A layout whose "ranges" are the offsets, so what is painted can be read back. */
const layout = {
  staticRange: (start: number, end: number) => ({ start, end }),
  range: (start: number, end: number) => ({ start, end }),
} as unknown as TextLayout;

const label = (key: string): Label => ({
  key,
  nameVi: key,
  nameEn: key,
  color: '#336699',
  hotkey: null,
  kind: 'entity',
  description: '',
  sortOrder: 0,
  parentKey: null,
  hidden: false,
  guideline: '',
});

const suggestion = (labelKey: string, start: number, end: number): Suggestion =>
  ({ labelKey, start, end, quote: '', source: 'pattern', rule: 'r' }) as Suggestion;

/** The painted ranges of each suggestion highlight, as "start-end", sorted. */
function painted(): Record<string, string[]> {
  const byName: Record<string, string[]> = {};
  (CSS.highlights as unknown as Map<string, FakeHighlight>).forEach((highlight, name) => {
    if (highlight.size) byName[name] = [...highlight].map((range) => `${range.start}-${range.end}`).sort();
  });
  return byName;
}

describe('SuggestionPainter', () => {
  beforeEach(() => {
    Object.assign(globalThis, { Highlight: FakeHighlight, CSS: { highlights: new Map() } });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'Highlight');
    Reflect.deleteProperty(globalThis, 'CSS');
  });

  it('paints the suggestions in the window, overlapping or touching ones of a label as one range, and follows the window', () => {
    const painter = new SuggestionPainter(layout, [label('PER'), label('ORG')]);
    painter.setWindow({ start: 0, end: 100 });
    painter.show(
      [
        suggestion('PER', 30, 34), // apart from the others
        suggestion('PER', 0, 5),
        suggestion('PER', 3, 8), // overlaps the one before
        suggestion('PER', 8, 10), // touches it
        suggestion('ORG', 4, 9), // another label: never merged with PER
        suggestion('ORG', 150, 160), // outside the window
      ],
      null,
    );
    expect(painted()).toEqual({ 'm-suggest-PER': ['0-10', '30-34'], 'm-suggest-ORG': ['4-9'] });
    painter.setWindow({ start: 140, end: 200 });
    expect(painted()).toEqual({ 'm-suggest-ORG': ['150-160'] });
    painter.show([], null);
    expect(painted()).toEqual({});
  });

  it('leaves out a run with the same extent as a run of a label registered later, which covers it whole', () => {
    // Registered PER, then ORG, then LOC: at equal priority the later paints on top.
    const painter = new SuggestionPainter(layout, [label('PER'), label('ORG'), label('LOC')]);
    painter.setWindow({ start: 0, end: 100 });
    painter.show(
      [
        suggestion('PER', 0, 10),
        suggestion('ORG', 0, 10), // the same phrase under ORG: on top of PER there
        suggestion('LOC', 0, 10), // and under LOC: on top of both
        suggestion('PER', 20, 30),
        suggestion('ORG', 22, 30), // overlapping, not the same extent: both show
        suggestion('PER', 40, 44),
        suggestion('PER', 44, 50), // merged with the one before into 40-50 …
        suggestion('ORG', 40, 50), // … which this covers whole
      ],
      null,
    );
    expect(painted()).toEqual({
      'm-suggest-PER': ['20-30'],
      'm-suggest-ORG': ['22-30', '40-50'],
      'm-suggest-LOC': ['0-10'],
    });
  });
});
