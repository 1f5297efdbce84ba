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

/** The text's one chunk (a paragraph in it, as TextLayout fills a chunk before it is measured). */
let chunk: HTMLElement;
/** Px per character: a width change of the text re-flows it (see the redraw test). */
let pxPerChar = 1;
/** A layout whose boxes are the offsets scaled, so drawn marks can be read back. */
const layout = {
  get root() {
    return chunk.parentElement as HTMLElement;
  },
  staticRange: (start: number, end: number) => ({ start, end }),
  boxesByChunk: (start: number, end: number) => [
    { chunk, boxes: [{ left: start * pxPerChar, top: 0, width: (end - start) * pxPerChar, height: 20 }] },
  ],
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

/** Which highlight (label and level) draws each span, by span start and end. */
function painted(): Map<string, string> {
  const byRange = new Map<string, string>();
  chunk.querySelectorAll<HTMLElement>('.reader__marks [data-h]').forEach((mark) => {
    byRange.set(`${mark.dataset.start}-${mark.dataset.end}`, mark.dataset.h as string);
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
  /** The text's resize observers (jsdom has none): `resize` reports a new width to them. */
  let resizeCallbacks: ResizeObserverCallback[];
  const resize = (width: number) =>
    resizeCallbacks.forEach((callback) =>
      callback([{ contentRect: { width } } as ResizeObserverEntry], {} as ResizeObserver),
    );
  beforeEach(() => {
    idle = new Map();
    resizeCallbacks = [];
    pxPerChar = 1;
    let handles = 0;
    const root = document.createElement('div');
    chunk = document.createElement('div');
    chunk.append(document.createElement('p'));
    root.append(chunk);
    Object.assign(globalThis, {
      Highlight: FakeHighlight,
      CSS: { highlights: new Map() },
      ResizeObserver: class {
        constructor(callback: ResizeObserverCallback) {
          resizeCallbacks.push(callback);
        }
        observe() {}
        disconnect() {}
      },
      requestIdleCallback: (callback: IdleRequestCallback) => (idle.set(++handles, callback), handles),
      cancelIdleCallback: (handle: number) => idle.delete(handle),
    });
  });
  afterEach(() => {
    for (const name of ['Highlight', 'CSS', 'ResizeObserver', 'requestIdleCallback', 'cancelIdleCallback'])
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

  it('draws only the spans intersecting the painted window and follows it', () => {
    const index = new IntervalIndex(spans(200));
    const painter = new HighlightPainter(layout, LABELS);
    painter.paintAll(index, { start: 0, end: 500 });
    const inWindow = (start: number, end: number) =>
      index.intersecting(start, end).map((span) => `${span.start}-${span.end}`);
    expect([...painted().keys()].sort()).toEqual([...new Set(inWindow(0, 500))].sort());
    painter.setWindow({ start: 1000, end: 1200 }, index);
    expect([...painted().keys()].sort()).toEqual([...new Set(inWindow(1000, 1200))].sort());
  });

  it("draws a created span without redrawing the others, in a layer after the chunk's paragraphs", () => {
    const index = new IntervalIndex(spans(50));
    const painter = new HighlightPainter(layout, LABELS);
    painter.paintAll(index, { start: 0, end: 3000 });
    const before = [...chunk.querySelectorAll('.reader__marks [data-h]')];
    const created = { ...(index.all()[0] as Annotation), id: 999, start: 2500, end: 2510 };
    painter.apply(
      { upserted: [created], removed: [], renamed: new Map() },
      new IntervalIndex([...index.all(), created]),
    );
    const after = [...chunk.querySelectorAll('.reader__marks [data-h]')];
    expect(after).toHaveLength(before.length + 1);
    expect(before.every((mark) => after.includes(mark))).toBe(true); // the very same elements
    expect(painted().get('2500-2510')).toMatch(/^m-[A-Z]+-0$/);
    expect(chunk.lastElementChild?.className).toBe('reader__marks');
    expect(chunk.firstElementChild?.tagName).toBe('P');
  });

  it('measures and draws every mark again when the text changes width, and drops them all on clear', () => {
    const index = new IntervalIndex(spans(20));
    const painter = new HighlightPainter(layout, LABELS);
    painter.paintAll(index, { start: 0, end: 3000 });
    const lefts = () => [...chunk.querySelectorAll<HTMLElement>('.reader__marks i')].map((box) => box.style.left);
    resize(700); // the first report: the width the marks were measured at
    const measured = lefts();
    pxPerChar = 2;
    resize(700); // no change
    expect(lefts()).toEqual(measured);
    resize(500);
    expect(lefts()).toEqual(measured.map((left) => `${parseFloat(left) * 2}px`));
    painter.clear();
    expect(chunk.querySelector('.reader__marks')).toBeNull();
  });
});
