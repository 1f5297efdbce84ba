import { create } from '../state/create';
import type { EntityListItem, EntityPage, HistoryState } from '../../../shared/contract';
import type { Change } from '../../../shared/domain/changes';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoDescription: null, redoDescription: null };

/**
 * The entities views' state: the list (with its search), the open entity page, and the
 * corpus-wide undo stack that entity edits, merges and splits are on.
 */
interface EntitiesState {
  query: string;
  items: EntityListItem[];
  page: EntityPage | null;
  history: HistoryState;
  search(query: string): Promise<void>;
  loadPage(id: number): Promise<void>;
  /** Applies one step (a corpus-wide change set); true when it was saved. */
  apply(changes: Change[], description: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const LIST_LIMIT = 500;

export const useEntitiesStore = create<EntitiesState>((set, get) => {
  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));

  /** After a write: the list, the open page and the history, fresh. */
  const refresh = async () => {
    const { query, page } = get();
    const [items, history] = await Promise.all([
      api.listEntities({ query, limit: LIST_LIMIT }),
      api.getHistoryState({ articleId: null }),
    ]);
    set({ items, history });
    if (page) await get().loadPage(page.entity.id);
  };

  const step = async (run: () => Promise<{ description: string } | null>) => {
    try {
      const applied = await run();
      if (applied) useAppStore.getState().notify('info', applied.description);
      await refresh();
    } catch (error) {
      fail(error);
    }
  };

  return {
    query: '',
    items: [],
    page: null,
    history: NO_HISTORY,

    async search(query) {
      set({ query });
      try {
        const [items, history] = await Promise.all([
          api.listEntities({ query, limit: LIST_LIMIT }),
          api.getHistoryState({ articleId: null }),
        ]);
        if (get().query === query) set({ items, history });
      } catch (error) {
        fail(error);
      }
    },

    async loadPage(id) {
      try {
        const [page, history] = await Promise.all([
          api.getEntityPage({ id }),
          api.getHistoryState({ articleId: null }),
        ]);
        set({ page, history });
      } catch (error) {
        set({ page: null });
        fail(error);
      }
    },

    async apply(changes, description) {
      try {
        await api.applyChanges({ origin: 'manual', description, changes });
        await refresh();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    undo: () => step(() => api.undo({ articleId: null })),
    redo: () => step(() => api.redo({ articleId: null })),
  };
});
