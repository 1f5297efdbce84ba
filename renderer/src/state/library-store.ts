import { create } from 'zustand';
import type { ArticleSummary } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { errorMessage, useAppStore } from './app-store';

interface LibraryState {
  articles: ArticleSummary[];
  loaded: boolean;
  /** Articles ticked in the library, e.g. to export only those. */
  selectedIds: ReadonlySet<number>;
  refresh(): Promise<void>;
  toggleSelected(id: number): void;
  setSelected(ids: Iterable<number>): void;
  /** Replaces one row after a change made elsewhere (status, annotation count). */
  updateSummary(summary: ArticleSummary): void;
}

export const useLibraryStore = create<LibraryState>((set) => ({
  articles: [],
  loaded: false,
  selectedIds: new Set(),

  async refresh() {
    try {
      const articles = await api.listArticles({});
      set({ articles, loaded: true });
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  toggleSelected(id) {
    set((state) => {
      const selectedIds = new Set(state.selectedIds);
      if (!selectedIds.delete(id)) selectedIds.add(id);
      return { selectedIds };
    });
  },

  setSelected(ids) {
    set({ selectedIds: new Set(ids) });
  },

  updateSummary(summary) {
    set((state) => ({ articles: state.articles.map((row) => (row.id === summary.id ? summary : row)) }));
  },
}));
