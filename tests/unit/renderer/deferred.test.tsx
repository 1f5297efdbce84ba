// @vitest-environment jsdom
/**
 * Views not shown at start load as chunks of their own without React Suspense (issue 13,
 * renderer/src/app/deferred.tsx): a view opened before its chunk has loaded renders once it has,
 * a failed load is tried again the next time the view is shown, and the preload (once the first
 * content is on screen) loads every registered module and lets the events' schemas load.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, DeferredView, preloadDeferred, preloadStarted } from '../../../renderer/src/app/deferred';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// When the first content is on screen (Chromium's first contentful paint): shown unless a test says.
const contentShown = vi.hoisted(() => ({ current: Promise.resolve() }));
vi.mock('../../../renderer/src/app/content-shown', () => ({ afterContentShown: () => contentShown.current }));

/** A module whose import resolves or rejects when the test says. */
function pendingModule() {
  const imports: { resolve: (module: { View: () => ReactElement }) => void; reject: (error: Error) => void }[] = [];
  const importer = vi.fn(
    () =>
      new Promise<{ View: () => ReactElement }>((resolve, reject) => {
        imports.push({ resolve, reject });
      }),
  );
  return { module: deferred(importer), importer, imports };
}
const View = () => <p className="shown">the view</p>;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('deferred views', () => {
  it('a view opened before its chunk has loaded starts the load and renders once it has', async () => {
    const { module, importer, imports } = pendingModule();
    act(() => root.render(<DeferredView module={module} render={({ View }) => <View />} />));
    expect(importer).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.shown')).toBeNull();
    await act(async () => imports[0]!.resolve({ View }));
    expect(container.querySelector('.shown')?.textContent).toBe('the view');
    // Shown again later: no second import, rendered at once.
    act(() => root.render(null));
    act(() => root.render(<DeferredView module={module} render={({ View }) => <View />} />));
    expect(container.querySelector('.shown')).not.toBeNull();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('a failed load is tried again the next time the view is shown', async () => {
    const { module, importer, imports } = pendingModule();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() => root.render(<DeferredView module={module} render={({ View }) => <View />} />));
    await act(async () => imports[0]!.reject(new Error('chunk missing')));
    expect(container.querySelector('.shown')).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
    act(() => root.render(null));
    act(() => root.render(<DeferredView module={module} render={({ View }) => <View />} />));
    expect(importer).toHaveBeenCalledTimes(2);
    await act(async () => imports[1]!.resolve({ View }));
    expect(container.querySelector('.shown')).not.toBeNull();
    error.mockRestore();
  });

  it('the preload, after the next frame, loads every module, one per idle period, once', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback));
    const first = pendingModule();
    const second = pendingModule();
    preloadDeferred();
    preloadDeferred(); // a second call (main.tsx's fallback) starts nothing more
    let started = false;
    void preloadStarted.then(() => (started = true));
    // Polled, not a fixed wait: on a loaded machine the frame's timer chain can outlast any fixed delay.
    await vi.waitFor(() => expect(started).toBe(true));
    const runIdle = async () => {
      const callback = idle.shift();
      callback?.();
      await Promise.resolve();
    };
    // Modules registered by the other tests come first in the registry; run idle periods until both started.
    for (let turn = 0; turn < 10 && second.importer.mock.calls.length === 0; turn++) {
      await runIdle();
      first.imports.at(-1)?.resolve({ View });
      await new Promise((resolve) => setTimeout(resolve));
    }
    expect(first.importer).toHaveBeenCalledTimes(1);
    expect(second.importer).toHaveBeenCalledTimes(1);
    expect(first.module.current()).not.toBeNull();
    expect(idle.length).toBeLessThanOrEqual(1);
    vi.unstubAllGlobals();
  });

  it('regression: the reader’s chunk (registered first) waited for an idle period after the first paint; it now loads right after the frame', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/app/deferred');
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback));
    const reader = vi.fn(() => new Promise<never>(() => undefined));
    const other = vi.fn(() => new Promise<never>(() => undefined));
    fresh.deferred(reader);
    fresh.deferred(other);
    fresh.preloadDeferred();
    await vi.waitFor(() => expect(reader).toHaveBeenCalledTimes(1));
    // No idle period has run: the first module is loading, the next waits for one.
    expect(other).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('regression: the preloads began while the first frame was still on its way to the screen; they wait until the first content is shown', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/app/deferred');
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback));
    let show: () => void = () => undefined;
    contentShown.current = new Promise<void>((resolve) => (show = resolve));
    const reader = vi.fn(() => new Promise<never>(() => undefined));
    fresh.deferred(reader);
    fresh.preloadDeferred();
    // Frames go by: nothing loads while the first content is not on screen.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reader).not.toHaveBeenCalled();
    show();
    await vi.waitFor(() => expect(reader).toHaveBeenCalledTimes(1));
    contentShown.current = Promise.resolve();
    vi.unstubAllGlobals();
  });
});
