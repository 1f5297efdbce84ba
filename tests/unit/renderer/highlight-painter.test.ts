// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Label } from '../../../shared/domain/schemas';
import { IntervalIndex } from '../../../shared/domain/interval-index';
import { HighlightPainter } from '../../../renderer/src/reader/highlight-painter';
import type { TextLayout } from '../../../renderer/src/reader/text-layout';

// jsdom has no CSS Custom Highlight API: a Highlight is a set of ranges, the registry a map.
class FakeHighlight extends Set<{ start: number; end: number }> {
  priority = 0;
}

/** A layout whose "ranges" are just the offsets, so painted highlights can be read back. */
const layout = {
  staticRange: (start: number, end: number) => ({ start, end }),
} as unknown as TextLayout;

const label = (key: string, kind: Label['kind']): Label => ({
  key,
  nameVi: key,
  nameEn: key,
  color: '#336699',
  hotkey: null,
  kind,
  description: '',
  sortOrder: 0,
  parentKey: null,
  hidden: false,
  guideline: '',
});
const LABELS = [label('RISK', 'analytic'), label('PER', 'entity'), label('ORG', 'entity')];

/** Overlapping and nested spans of both layers, from a fixed pseudo-random sequence. */
function spans(count: number): Annotation[] {
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  return Array.from({ length: count }, (_, i) => {
    const start = next() % 2000;
    return {
      id: i + 1,
      articleId: 1,
      labelKey: (LABELS[next() % LABELS.length] as Label).key,
      start,
      end: start + 1 + (next() % 60),
      quote: '',
      note: '',
      origin: 'import',
      createdAt: '',
      updatedAt: '',
    } as Annotation;
  });
}

/** Which highlight (label and level) paints each span, by span start and end. */
function painted(): Map<string, string> {
  const byRange = new Map<string, string>();
  (CSS.highlights as unknown as Map<string, FakeHighlight>).forEach((highlight, name) => {
    for (const range of highlight) byRange.set(`${range.start}-${range.end}`, name);
  });
  return byRange;
}

describe('HighlightPainter', () => {
  /** Idle callbacks waiting to run (jsdom has none): `runIdle` runs them, with time to spare. */
  let idle: Map<number, IdleRequestCallback>;
  const runIdle = () => {
    while (idle.size) {
      const [handle, callback] = idle.entries().next().value as [number, IdleRequestCallback];
      idle.delete(handle);
      callback({ didTimeout: false, timeRemaining: () => 50 });
    }
  };
  beforeEach(() => {
    idle = new Map();
    let handles = 0;
    Object.assign(globalThis, {
      Highlight: FakeHighlight,
      CSS: { highlights: new Map() },
      requestIdleCallback: (callback: IdleRequestCallback) => (idle.set(++handles, callback), handles),
      cancelIdleCallback: (handle: number) => idle.delete(handle),
    });
  });
  afterEach(() => {
    for (const name of ['Highlight', 'CSS', 'requestIdleCallback', 'cancelIdleCallback'])
      Reflect.deleteProperty(globalThis, name);
  });

  it('places all spans at open in one sweep exactly as adding them one by one in text order does', () => {
    // Unique ranges, so a range names one span.
    const all = [...new Map(spans(400).map((span) => [`${span.start}-${span.end}`, span])).values()];
    const index = new IntervalIndex(all);
    const everything = { start: 0, end: 3000 };

    const atOpen = new HighlightPainter(layout, LABELS);
    atOpen.paintAll(index, everything);
    const sweep = painted();
    atOpen.dispose();

    CSS.highlights.clear();
    const oneByOne = new HighlightPainter(layout, LABELS);
    oneByOne.setWindow(everything, new IntervalIndex<Annotation>([]));
    for (const span of index.all()) oneByOne.apply({ upserted: [span], removed: [], renamed: new Map() }, index);
    expect(painted()).toEqual(sweep);
    expect(new Set(sweep.values()).size).toBeGreaterThan(LABELS.length); // overlaps did use levels
  });

  it('places the spans past the first window lazily (on scroll, on an edit or in idle time) with the levels of one sweep', () => {
    const all = [...new Map(spans(400).map((span) => [`${span.start}-${span.end}`, span])).values()];
    const index = new IntervalIndex(all);
    const everything = { start: 0, end: 3000 };
    const levelsOf = (run: (painter: HighlightPainter) => void) => {
      CSS.highlights.clear();
      const painter = new HighlightPainter(layout, LABELS);
      run(painter);
      painter.setWindow(everything, index);
      const levels = painted();
      painter.dispose();
      return levels;
    };
    const atOnce = levelsOf((painter) => painter.paintAll(index, everything));
    // Scrolled far before the idle sweep ran: the window's spans are placed on registering.
    expect(
      levelsOf((painter) => {
        painter.paintAll(index, { start: 0, end: 100 });
        painter.setWindow({ start: 1500, end: 1600 }, index);
      }),
    ).toEqual(atOnce);
    // An edit before the idle sweep ran: the sweep is finished first.
    expect(
      levelsOf((painter) => {
        painter.paintAll(index, { start: 0, end: 100 });
        painter.apply({ upserted: [], removed: [], renamed: new Map() }, index);
      }),
    ).toEqual(atOnce);
    // The idle sweep alone.
    expect(
      levelsOf((painter) => {
        painter.paintAll(index, { start: 0, end: 100 });
        runIdle();
      }),
    ).toEqual(atOnce);
    expect(idle.size).toBe(0);
  });

  it('registers only the spans intersecting the painted window and follows it', () => {
    const index = new IntervalIndex(spans(200));
    const painter = new HighlightPainter(layout, LABELS);
    painter.paintAll(index, { start: 0, end: 500 });
    const inWindow = (start: number, end: number) =>
      index.intersecting(start, end).map((span) => `${span.start}-${span.end}`);
    expect([...painted().keys()].sort()).toEqual([...new Set(inWindow(0, 500))].sort());
    painter.setWindow({ start: 1000, end: 1200 }, index);
    expect([...painted().keys()].sort()).toEqual([...new Set(inWindow(1000, 1200))].sort());
  });
});
