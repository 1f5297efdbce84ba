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
  const layout = {
    chunks: [],
    visibleLines: () => band,
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
});
