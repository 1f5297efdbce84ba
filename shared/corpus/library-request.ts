import type { LibraryFilter, LibrarySort } from './library-query';
import type { CallInput } from '../contract';

/** Rows per request; the list asks for the pages its visible rows fall in. */
export const LIBRARY_PAGE_SIZE = 100;

/** The library's order when the app starts: import order. */
export const INITIAL_LIBRARY_SORT: LibrarySort = { key: 'imported', direction: 'ascending' };

/** The sort the server is asked for: with words to find, the default order is the best match first. */
function effectiveSort(filter: LibraryFilter, sort: LibrarySort): LibrarySort {
  return filter.text !== undefined && sort.key === 'imported' ? { key: 'relevance', direction: 'ascending' } : sort;
}

/**
 * The `queryLibrary` input for one page. The start script (boot.ts) sends the first page's with
 * the initial filter and sort before the store exists; the store's own request for it must be the
 * same input to be answered by that call (api/early.ts), so both build it here.
 */
export function libraryPageRequest(filter: LibraryFilter, sort: LibrarySort, page: number): CallInput<'queryLibrary'> {
  return { filter, sort: effectiveSort(filter, sort), offset: page * LIBRARY_PAGE_SIZE, limit: LIBRARY_PAGE_SIZE };
}
