// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextRange } from '../../../shared/text/syllables';
import { watchVisibleBand } from '../../../renderer/src/reader/paint-window';
import type { TextLayout } from '../../../renderer/src/reader/text-layout';

// jsdom has neither observer: these keep the callbacks so a test can fire them.
const resizeCallbacks: (() => void)[] = [];
const observed: Element[] = [];
class FakeResizeObserver {
  constructor(callback: () => void) {
    resizeCallbacks.push(callback);
  }
  observe(element: Element) {
    observed.push(element);
  }
  disconnect() {}
}
class FakeIntersectionObserver {
  observe() {}
  disconnect() {}
}

describe('watchVisibleBand (the paragraphs spans and suggestions are painted over)', () => {
  let band: TextRange;
  let measured = 0;
  /** Where the measured band's paragraphs reach in the scroller's content (px). */
  let extent = { top: 0, bottom: 0 };
  const layout = {
    chunks: [],
    visibleLines: () => {
      measured++;
      return band;
    },
    extentInScroller: () => extent,
  } as unknown as TextLayout;

  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    resizeCallbacks.length = 0;
    observed.length = 0;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('follows the text when content above it changes height without a scroll (the find bar opening, document fields), also content mounted later', async () => {
    const scroller = document.createElement('div');
    const header = document.createElement('header');
    scroller.append(header);
    const reports: TextRange[] = [];
    const stop = watchVisibleBand(layout, scroller, (next) => reports.push(next));

    band = { start: 100, end: 200 };
    resizeCallbacks.forEach((callback) => callback());
    expect(reports).toEqual([{ start: 100, end: 200 }]);

    // A bar mounted above the text pushes it down: the paragraphs in view are earlier ones.
    const findBar = document.createElement('div');
    scroller.prepend(findBar);
    await Promise.resolve(); // the mutation observer's report
    expect(observed).toContain(findBar);
    band = { start: 60, end: 160 };
    resizeCallbacks.forEach((callback) => callback());
    expect(reports.at(-1)).toEqual({ start: 60, end: 160 });
    stop();
  });

  it('tells a scroll that keeps the viewport inside the band from the scroll offset, without measuring the paragraphs', () => {
    const scroller = document.createElement('div');
    Object.defineProperty(scroller, 'clientHeight', { value: 500 });
    const reports: TextRange[] = [];
    const stop = watchVisibleBand(layout, scroller, (next) => reports.push(next));
    band = { start: 0, end: 900 };
    extent = { top: 0, bottom: 900 };
    resizeCallbacks.forEach((callback) => callback());
    expect(reports).toEqual([{ start: 0, end: 900 }]);

    measured = 0;
    for (const top of [100, 250, 400]) {
      scroller.scrollTop = top;
      scroller.dispatchEvent(new Event('scroll'));
    }
    expect(measured).toBe(0);

    // The viewport's bottom (450 + 500) passes the band's last paragraph: measured, band moved.
    band = { start: 300, end: 1500 };
    scroller.scrollTop = 450;
    scroller.dispatchEvent(new Event('scroll'));
    expect(measured).toBeGreaterThan(0);
    expect(reports.at(-1)).toEqual({ start: 300, end: 1500 });
    stop();
  });
});
