import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { afterContentShown } from './content-shown';
import { afterNextFrame } from './frames';

/**
 * A module the first paint does not need (a view or dialog not shown at start), in a chunk of its
 * own: the start bundle parses and evaluates less (issue 13). Not `React.lazy`: React throttles a
 * Suspense boundary's reveal (~300 ms), which delayed the first article open by ~250 ms when
 * tried (bench/README.md). A deferred module is loaded in idle time after the first paint
 * (`preloadDeferred`, called by the library once its first answer is shown, or by main.tsx when
 * the app opens elsewhere), or at once when something shows it earlier; until then that place
 * renders nothing, and it renders as soon as the module has loaded.
 */
export interface Deferred<M> {
  /** Starts the load (once); a failed load is tried again on the next call. */
  load(): Promise<M>;
  /** The module once loaded, else null. */
  current(): M | null;
  subscribe(listener: () => void): () => void;
}

const registry: Deferred<unknown>[] = [];

export function deferred<M>(importer: () => Promise<M>): Deferred<M> {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;
  const listeners = new Set<() => void>();
  const module: Deferred<M> = {
    load() {
      loading ??= importer().then(
        (value) => {
          loaded = value;
          listeners.forEach((listener) => listener());
          return value;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    current: () => loaded,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  registry.push(module as Deferred<unknown>);
  return module;
}

/** Renders `render(module)` once the module has loaded, and starts its load when mounted first. */
export function DeferredView<M>({ module, render }: { module: Deferred<M>; render: (loaded: M) => ReactNode }) {
  // The first screen's render (first-screen/) sees the same: what has loaded, so far nothing.
  const loaded = useSyncExternalStore(module.subscribe, module.current, module.current);
  useEffect(() => {
    if (loaded === null)
      module.load().catch((error: unknown) => console.error('Could not load a part of the app', error));
  }, [loaded, module]);
  return loaded === null ? null : render(loaded);
}

/** Settles when no article is being opened: the preloads below wait for it (`holdDeferredLoads`). */
let held: Promise<void> = Promise.resolve();

/**
 * Holds the deferred modules' preloads until `until` settles and the frame after it is drawn: an
 * article opened while they load (a user's first open, a second after start) had each chunk's
 * compile and evaluation as tasks of the page's main thread between its press and its first frame.
 * A module something shows meanwhile still loads at once (`DeferredView`).
 */
export function holdDeferredLoads(until: Promise<unknown>): void {
  const released = until.then(afterNextFrame, afterNextFrame);
  held = Promise.all([held, released]).then(() => undefined);
}

let resolveStarted: () => void = () => undefined;
/** Resolves when the deferred modules start loading: after the first paint (`preloadDeferred`). */
export const preloadStarted = new Promise<void>((resolve) => (resolveStarted = resolve));
let preloading = false;

/**
 * Once the first content is on screen (the library's first rows; `afterContentShown`), loads
 * every deferred module, one per idle period (each chunk's evaluation is a task of its own, so
 * input is never held up by more than one of them). Only the first call does anything. Not at
 * the frame after the rows were rendered: that frame was still being rastered and presented,
 * 50–100 ms on a busy machine, and the reader chunk's ~25 requests and compiles took the same two
 * cores (issue 13, bench/README.md).
 */
export function preloadDeferred(): void {
  if (preloading) return;
  preloading = true;
  const queue = [...registry];
  const next = () => {
    const module = queue.shift();
    if (!module) return;
    module
      .load()
      .catch(() => undefined) // loaded again when shown
      .finally(() => void held.then(() => requestIdleCallback(next)));
  };
  // The first (the reader's chunk, registered first) at once: an article opened right after
  // start must not wait for an idle period; the others one per idle period.
  void afterContentShown().then(() =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        resolveStarted();
        next();
      }),
    ),
  );
}
