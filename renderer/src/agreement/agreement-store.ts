import { create } from '../state/create';
import type { AgreementArticles, AgreementReport } from '../../../shared/contract/agreement';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';

interface AgreementState {
  /** Authors known to the corpus, with how many articles each annotated (libraryFacets). */
  known: { author: string; count: number }[];
  chosen: string[];
  articles: AgreementArticles;
  withinFilter: boolean;
  report: AgreementReport | null;
  computing: boolean;
  /** Spans were written since `report` was computed. */
  stale: boolean;
  loadAuthors(): Promise<void>;
  toggle(author: string): void;
  setArticles(articles: AgreementArticles): void;
  setWithinFilter(within: boolean): void;
  compute(libraryFilter: LibraryFilter): Promise<void>;
  markStale(): void;
}

/** The agreement view's choices and its last report, kept while other views are shown. */
export const useAgreementStore = create<AgreementState>((set, get) => ({
  known: [],
  chosen: [],
  articles: 'annotatedByAll',
  withinFilter: false,
  report: null,
  computing: false,
  stale: false,

  async loadAuthors() {
    try {
      const { authors } = await api.libraryFacets({});
      set({ known: authors });
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  toggle(author) {
    const { chosen } = get();
    set({ chosen: chosen.includes(author) ? chosen.filter((name) => name !== author) : [...chosen, author] });
  },

  setArticles(articles) {
    set({ articles });
  },

  setWithinFilter(withinFilter) {
    set({ withinFilter });
  },

  async compute(libraryFilter) {
    const { chosen, articles, withinFilter } = get();
    set({ computing: true });
    try {
      const report = await api.agreement({ authors: chosen, articles, filter: withinFilter ? libraryFilter : {} });
      set({ report, stale: false });
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    } finally {
      set({ computing: false });
    }
  },

  markStale() {
    if (get().report) set({ stale: true });
  },
}));
