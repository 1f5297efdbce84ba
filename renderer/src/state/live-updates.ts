import { useEffect } from 'react';
import { events } from '../api/client';
import { useAppStore } from './app-store';
import { useAttributeStore } from './attribute-store';
import { useLibraryStore } from './library-store';

/**
 * Runs `task` now, or, when a run is still going, once more after it: a burst of changes (an
 * import committing file after file) costs at most one fetch in flight and one queued.
 */
export function coalesced(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}

/**
 * Shows changes made elsewhere (the command line, an import worker, a second app on the same
 * database) without a reload: the open article is loaded again when it changed, and the
 * library's list is fetched again when it is on screen (it fetches itself when it opens).
 * Writes from another tab or window of this host need no reload: the reader applies their
 * `changesApplied` events to the open article (reader-store.ts).
 */
export function useLiveUpdates(): void {
  useEffect(() => {
    const refreshLibrary = coalesced(() => useLibraryStore.getState().refresh());
    const reloadArticle = coalesced(async () => {
      const openId = useAppStore.getState().openArticleId;
      // The reader's store is in the reader's chunk (loaded, or loading, since an article is open).
      if (openId !== null)
        await import('../reader/reader-store').then(({ useReaderStore }) => useReaderStore.getState().load(openId));
    });
    const reloadDefinitions = coalesced(() => useAttributeStore.getState().load());
    const stopChanges = events.on('storeChanged', ({ articleIds }) => {
      const openId = useAppStore.getState().openArticleId;
      if (openId === null) refreshLibrary();
      else if (articleIds.includes(openId)) reloadArticle();
    });
    // Attribute and field definitions changed (an edit or its undo, in any window; a renamed label
    // key carries its definitions along): read them again.
    const stopDefinitions = events.on('changesApplied', (applied) => {
      if (applied.attributeDefs || applied.fieldDefs || applied.labels) reloadDefinitions();
    });
    // After a break in the event stream, changes may have been missed: read again what is shown.
    const stopResync = events.onResync(() => {
      reloadDefinitions();
      if (useAppStore.getState().openArticleId === null) refreshLibrary();
      else reloadArticle();
    });
    return () => {
      stopChanges();
      stopDefinitions();
      stopResync();
    };
  }, []);
}
