import { api } from '../api/client';
import type { SyncTransport } from './sync/transport';

/** The reader's DocumentSync over the typed client: every write answers history and summary. */
export const apiTransport: SyncTransport = {
  apply: (changeSet) => api.applyChanges(changeSet),
  undo: (articleId) => api.undo({ articleId }),
  redo: (articleId) => api.redo({ articleId }),
};
