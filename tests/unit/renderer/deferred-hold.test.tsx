// @vitest-environment jsdom
/**
 * The deferred modules' preloads wait while an article opens (renderer/src/app/deferred.ts
 * `holdDeferredLoads`, started by each article read): their chunks' evaluation landed between the
 * press and the reader's first frame of an open made while they loaded. A module shown meanwhile
 * still loads at once. Its own file: the preload runs once per page (module state).
 */
import { describe, expect, it, vi } from 'vitest';
import { deferred, holdDeferredLoads, preloadDeferred } from '../../../renderer/src/app/deferred';

// The first content is on screen: the preloads wait for nothing else (deferred.test.tsx tests that wait).
vi.mock('../../../renderer/src/app/content-shown', () => ({ afterContentShown: () => Promise.resolve() }));

describe('deferred preloads while an article opens', () => {
  it('wait from the read until the frame after its answer, then go on; a module shown meanwhile loads at once', async () => {
    // Timers faked: with real ones, a machine busy enough to hold the event loop past the 10 ms
    // `settle` ran it before the frame's nested timeout that starts the first load (a clean-clone CI run, 2026-11-30 23:40).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback));
    const loaded = (name: string) => vi.fn(() => Promise.resolve({ name }));
    const reader = loaded('reader');
    const dialog = loaded('dialog');
    const view = loaded('view');
    deferred(reader);
    deferred(dialog);
    const shownLater = deferred(view);
    const settle = () => vi.advanceTimersByTimeAsync(10);
    const runIdle = async () => {
      idle.splice(0).forEach((callback) => callback());
      await settle();
    };

    let answer: () => void = () => undefined;
    holdDeferredLoads(new Promise<void>((resolve) => (answer = resolve)));
    preloadDeferred();
    await settle();
    // The first module (the reader's chunk) is not held: an open needs it.
    expect(reader).toHaveBeenCalledTimes(1);
    for (let turn = 0; turn < 3; turn++) await runIdle();
    expect(dialog).not.toHaveBeenCalled();
    // Shown while held: loaded at once.
    await shownLater.load();
    expect(view).toHaveBeenCalledTimes(1);

    answer();
    await settle(); // the frame after the answer
    for (let turn = 0; turn < 3; turn++) await runIdle();
    expect(dialog).toHaveBeenCalledTimes(1);
    expect(view).toHaveBeenCalledTimes(1); // not loaded twice
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
});
