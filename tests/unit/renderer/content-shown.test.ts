/**
 * Work held until the first content is on screen (renderer/src/app/content-shown.ts): it waits
 * for Chromium's first contentful paint, and not forever when none comes (a hidden window).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Entries = { getEntriesByName: (name: string) => unknown[] };

function fakePaintTiming() {
  const observers: ((list: Entries) => void)[] = [];
  vi.stubGlobal(
    'PerformanceObserver',
    class {
      constructor(callback: (list: Entries) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  return (name: string) =>
    observers.forEach((callback) => callback({ getEntriesByName: (n) => (n === name ? [{}] : []) }));
}

async function freshModule() {
  vi.resetModules();
  return import('../../../renderer/src/app/content-shown');
}

describe('afterContentShown', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('settles at the first contentful paint, not at an earlier paint', async () => {
    vi.useFakeTimers();
    const paint = fakePaintTiming();
    const { afterContentShown } = await freshModule();
    const settled = vi.fn();
    void afterContentShown().then(settled);
    paint('first-paint');
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    paint('first-contentful-paint');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('settles after its fallback when no content is painted', async () => {
    vi.useFakeTimers();
    fakePaintTiming();
    const { afterContentShown } = await freshModule();
    const settled = vi.fn();
    void afterContentShown().then(settled);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledTimes(1);
  });
});
