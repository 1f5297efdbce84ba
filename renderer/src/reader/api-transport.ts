import { api } from '../api/client';
import type { SyncTransport } from './sync/transport';

/**
 * The reader's DocumentSync over the typed client: every write answers history and summary.
 * Undo and redo take the newest step of the article's history or of the schema's (undoNewest).
 */
export const apiTransport: SyncTransport = {
  apply: (changeSet) => api.applyChanges(changeSet),
  undo: (articleId) => api.undoNewest({ articleId }),
  redo: (articleId) => api.redoNewest({ articleId }),
};
