import { useEffect } from 'react';
import { events } from '../api/client';
import { useReaderStore } from '../reader/reader-store';
import { useAppStore } from './app-store';
import { useLibraryStore } from './library-store';

/**
 * Shows changes made elsewhere (the command line, an import worker, a second app on the same
 * database) without a reload: the open article is loaded again when it changed, and the
 * library's list is fetched again when it is on screen.
 */
export function useLiveUpdates(): void {
  useEffect(
    () =>
      events.on('storeChanged', ({ articleIds }) => {
        const openId = useAppStore.getState().openArticleId;
        if (openId === null) {
          void useLibraryStore.getState().refresh();
        } else if (articleIds.includes(openId)) {
          void useReaderStore.getState().load(openId);
        }
      }),
    [],
  );
}
