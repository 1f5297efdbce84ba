import { deferred } from '../app/deferred';

/**
 * The reader's chunk (ReaderView and what only it uses), not in the start bundle (issue 13).
 * Registered before every other deferred module, so it is the first loaded after the library's
 * first paint; a press on an article's row also starts its load, with the article's read
 * (LibraryView), so an open made right after start does not wait for it to be asked for.
 */
export const readerChunk = deferred(() => import('./ReaderView'));

let warmupAsked = false;
/** An article was opened in this page: the reader's first-use costs are paid, or being paid. */
let readerUsed = false;
let removeWarmup: (() => void) | null = null;

/**
 * Once per page, in an idle period after the reader's chunk has loaded (the library calls it once
 * its first rows show): builds the reader's text column hidden on a made-up text and removes it
 * (`mountReaderWarmup`), so the first article opened does not pay the reader's first-use costs.
 * Not once an article has started opening.
 */
export function warmReaderWhenIdle(): void {
  if (warmupAsked) return;
  warmupAsked = true;
  readerChunk.load().then(
    ({ mountReaderWarmup }) =>
      requestIdleCallback(() => {
        if (!readerUsed) removeWarmup = mountReaderWarmup(() => (removeWarmup = null));
      }),
    () => undefined, // loaded again, and reported, when the reader is shown
  );
}

/** An article starts opening (its read starts): the warm-up is removed at once, or never made. */
export function stopReaderWarmup(): void {
  readerUsed = true;
  removeWarmup?.();
}
