/** Without a first contentful paint (a hidden window paints nothing), the wait ends after this. */
const CONTENT_SHOWN_FALLBACK_MS = 1_000;

let shown: Promise<void> | null = null;

/**
 * Settles once the page's first content has been presented on screen (Chromium's first
 * contentful paint: the library's rows at start), or after a second without one. Work the first
 * frame does not need waits for it (issue 13, bench/README.md "paint, fifth pass"): a call that
 * costs the host 200–480 ms of CPU (`libraryFacets`), sent right after the mount, went out while
 * the rows' frame was still on its way to the screen (100–400 ms after the page produced it), on
 * the same two cores.
 */
export function afterContentShown(): Promise<void> {
  shown ??= new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, CONTENT_SHOWN_FALLBACK_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (typeof PerformanceObserver === 'undefined') return done();
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done(); // no paint timing here: nothing to wait for
    }
  });
  return shown;
}
