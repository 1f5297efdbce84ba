import { create } from './create';
import type {
  LibraryFacets,
  LibraryFilter,
  LibraryRow,
  LibrarySort,
  LibrarySortKey,
} from '../../../shared/corpus/library-query';
import type { ArticleSummary } from '../../../shared/domain/schemas';
import { api } from '../api/client';
import { errorMessage, useAppStore } from './app-store';
import { INITIAL_LIBRARY_SORT, LIBRARY_PAGE_SIZE, libraryPageRequest } from '../../../shared/corpus/library-request';

export { LIBRARY_PAGE_SIZE };

interface LibraryState {
  filter: LibraryFilter;
  sort: LibrarySort;
  /** Articles under the filter; null until the first answer. */
  total: number | null;
  /** Articles in the whole library (no filter), for the heading. */
  libraryTotal: number | null;
  /**
   * The words searched are in more than RANKED_MATCHES_MAX articles, so the list is not ranked by
   * relevance (newest first within the words-in-a-row group and the rest); the view says so.
   */
  broad: boolean;
  /** Loaded pages by page index; a new filter or sort starts an empty map. */
  pages: ReadonlyMap<number, LibraryRow[]>;
  /** Bumped by every new query, so answers to an older one are dropped. */
  generation: number;
  facets: LibraryFacets | null;
  /** Articles ticked in the library, e.g. to export only those. */
  selectedIds: ReadonlySet<number>;
  setFilter(filter: LibraryFilter): void;
  /** The name of the entity of the `entity` filter, for its chip (the filter holds the id only). */
  entityName: string | null;
  /** The entity registry's "show articles": the library filtered to the articles that mention it. */
  showEntityArticles(entity: { id: number; name: string }): void;
  sortBy(key: LibrarySortKey): void;
  /** Loads the page holding row `index` unless it is loaded or on its way. */
  ensureRow(index: number): void;
  /** Asks again for the count and the loaded pages (after an import, an edit elsewhere). */
  refresh(): Promise<void>;
  /**
   * Asks for the first page while the app starts (main.tsx; the start script sent the call), so
   * the library's first paint does not wait for that round trip and the app's mount. Resolves
   * when it is in, or failed (quietly: the view asks again).
   */
  prefetch(): Promise<void>;
  /** The library view mounting: the prefetched page serves the first time, later it asks again. */
  opened(): Promise<void>;
  loadFacets(): Promise<void>;
  toggleSelected(id: number): void;
  setSelected(ids: Iterable<number>): void;
  /** Ticks every article under the filter (or none, when all are ticked). */
  toggleAllUnderFilter(): Promise<void>;
  /** Replaces one row after a change made elsewhere (status, annotation count). */
  updateSummary(summary: ArticleSummary): void;
}

const inFlight = new Set<string>();
/** The first page asked for at start, until the library view takes it. */
let startPage: Promise<void> | null = null;

export const useLibraryStore = create<LibraryState>((set, get) => {
  /** `quiet`: a failure is not shown (the prefetch; the view asks again when it opens). */
  const fetchPage = async (page: number, generation: number, quiet = false) => {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const { filter, sort } = get();
      const answer = await api.queryLibrary(libraryPageRequest(filter, sort, page));
      if (get().generation !== generation) return;
      set((state) => ({
        total: answer.total,
        broad: answer.broad === true,
        libraryTotal: Object.keys(filter).length === 0 ? answer.total : state.libraryTotal,
        pages: new Map(state.pages).set(page, answer.rows),
      }));
    } catch (error) {
      if (!quiet) useAppStore.getState().notify('error', errorMessage(error));
    } finally {
      inFlight.delete(key);
    }
  };

  /** A new query: drop the loaded pages and fetch the first one. */
  const requery = (patch: Partial<Pick<LibraryState, 'filter' | 'sort'>>) => {
    const generation = get().generation + 1;
    set({ ...patch, generation, pages: new Map() });
    void fetchPage(0, generation);
  };

  return {
    filter: {},
    sort: INITIAL_LIBRARY_SORT,
    total: null,
    broad: false,
    libraryTotal: null,
    pages: new Map(),
    generation: 0,
    facets: null,
    selectedIds: new Set(),
    entityName: null,

    setFilter(filter) {
      requery({ filter });
    },

    showEntityArticles(entity) {
      set({ entityName: entity.name });
      requery({ filter: { entity: entity.id } });
      useAppStore.getState().showView('library');
    },

    sortBy(key) {
      const current = get().sort;
      const direction = current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending';
      requery({ sort: { key, direction } });
    },

    ensureRow(index) {
      const page = Math.floor(index / LIBRARY_PAGE_SIZE);
      if (!get().pages.has(page)) void fetchPage(page, get().generation);
    },

    async refresh() {
      const { pages, filter } = get();
      const generation = get().generation + 1;
      set({ generation });
      const loaded = pages.size > 0 ? [...pages.keys()] : [0];
      await Promise.all(loaded.map((page) => fetchPage(page, generation)));
      // The whole library's count, for the heading, when a filter hides it.
      if (Object.keys(filter).length > 0) {
        const all = await api.queryLibrary({ limit: 1 }).catch(() => null);
        if (all) set({ libraryTotal: all.total });
      }
    },

    prefetch() {
      startPage = fetchPage(0, get().generation, true);
      return startPage;
    },

    async opened() {
      const prefetched = startPage;
      startPage = null;
      if (prefetched) {
        await prefetched;
        if (get().pages.has(0)) return;
      }
      await get().refresh();
    },

    async loadFacets() {
      try {
        set({ facets: await api.libraryFacets({}) });
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

    async toggleAllUnderFilter() {
      const { filter, selectedIds, total } = get();
      if (total !== null && total > 0 && selectedIds.size >= total) {
        set({ selectedIds: new Set() });
        return;
      }
      try {
        set({ selectedIds: new Set(await api.libraryArticleIds({ filter })) });
      } catch (error) {
        useAppStore.getState().notify('error', errorMessage(error));
      }
    },

    updateSummary(summary) {
      set((state) => {
        const pages = new Map(state.pages);
        for (const [page, rows] of pages) {
          if (rows.some((row) => row.id === summary.id)) {
            pages.set(
              page,
              rows.map((row) => (row.id === summary.id ? { ...summary, snippet: row.snippet } : row)),
            );
          }
        }
        return { pages };
      });
    },
  };
});
