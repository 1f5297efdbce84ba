// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextRange } from '../../../shared/text/syllables';
import { watchPaintWindow } from '../../../renderer/src/reader/paint-window';
import type { TextLayout } from '../../../renderer/src/reader/text-layout';

// jsdom has no IntersectionObserver: this one keeps its callback so a test can report chunks.
const observers: FakeIntersectionObserver[] = [];
class FakeIntersectionObserver {
  targets: Element[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    observers.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(near: number[]) {
    this.callback(this.targets.map((target, chunk) => ({ target, isIntersecting: near.includes(chunk) })));
  }
}

describe('watchPaintWindow (the chunks near the viewport, one observer per text)', () => {
  const chunks = [0, 1, 2, 3].map(() => document.createElement('div'));
  const layout = {
    chunks,
    chunkOf: (element: Element) => chunks.indexOf(element as HTMLDivElement),
    chunkRange: (chunk: number) => ({ start: chunk * 100, end: chunk * 100 + 100 }),
  } as unknown as TextLayout;

  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    observers.length = 0;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shares one observer between the watchers of a text (each observer costs every scroll frame), and tells a late watcher the window at once', () => {
    const scroller = document.createElement('div');
    const band: TextRange[] = [];
    const arcs: TextRange[] = [];
    const stopBand = watchPaintWindow(layout, scroller, (window) => band.push(window));
    const stopArcs = watchPaintWindow(layout, scroller, (window) => arcs.push(window));
    expect(observers).toHaveLength(1);
    expect(observers[0]?.targets).toEqual(chunks);

    observers[0]?.report([1, 2]);
    expect(band).toEqual([{ start: 100, end: 300 }]);
    expect(arcs).toEqual([{ start: 100, end: 300 }]);

    // The find bar opened after the text's first frames: no report would come before a scroll.
    const hits: TextRange[] = [];
    const stopHits = watchPaintWindow(layout, scroller, (window) => hits.push(window));
    expect(observers).toHaveLength(1);
    expect(hits).toEqual([{ start: 100, end: 300 }]);

    // A watcher that stops hears nothing more; the observer lives while one is left.
    stopArcs();
    observers[0]?.report([2, 3]);
    expect(arcs).toHaveLength(1);
    expect(band.at(-1)).toEqual({ start: 200, end: 400 });
    expect(hits.at(-1)).toEqual({ start: 200, end: 400 });
    stopBand();
    expect(observers[0]?.disconnected).toBe(false);
    stopHits();
    expect(observers[0]?.disconnected).toBe(true);

    // Watching again after the last stopped starts a new observer, without a stale window.
    const later: TextRange[] = [];
    const stopLater = watchPaintWindow(layout, scroller, (window) => later.push(window));
    expect(observers).toHaveLength(2);
    expect(later).toEqual([]);
    stopLater();
  });

  it('keeps two watchers passing the same function apart (a React state setter used twice)', () => {
    const scroller = document.createElement('div');
    const windows: TextRange[] = [];
    const onChange = (window: TextRange) => windows.push(window);
    const stopFirst = watchPaintWindow(layout, scroller, onChange);
    const stopSecond = watchPaintWindow(layout, scroller, onChange);
    stopFirst();
    observers[0]?.report([0]);
    expect(windows).toEqual([{ start: 0, end: 100 }]);
    expect(observers[0]?.disconnected).toBe(false);
    stopSecond();
  });

  it('gives each scroller of the same text its own observer', () => {
    const stopOne = watchPaintWindow(layout, document.createElement('div'), () => {});
    const stopOther = watchPaintWindow(layout, document.createElement('div'), () => {});
    expect(observers).toHaveLength(2);
    stopOne();
    stopOther();
  });
});
