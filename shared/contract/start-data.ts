import type { CallResult } from './api-error';
import type { CallName } from './index';
import { INITIAL_LIBRARY_SORT, libraryPageRequest } from '../corpus/library-request';

/**
 * The answers the host puts in the page it serves (issue 13, the library's first paint): the
 * host that serves index.html (the browser host, Electron's app protocol) answers the calls the
 * start script would make first, and writes them into the page as a JSON data block (not a
 * script: the CSP stays `script-src 'self'`). The start script (renderer/src/boot.ts) takes them
 * instead of asking, so the library's first rows need no round trip. Zod-free: the start script
 * bundles it.
 */
export const START_DATA_ID = 'marginalia-start-data';

/** One call answered into the page: the same name, input and result as over the transport. */
export interface StartCall {
  name: CallName;
  input: unknown;
  result: CallResult<unknown>;
}

/**
 * The calls answered into the page, in the order the start script makes them: the database's
 * health, and the library's first page at the initial filter and sort (the app always starts
 * there; the library keeps no sort or filter across starts).
 */
export const START_CALLS: readonly Omit<StartCall, 'result'>[] = [
  { name: 'getDatabaseHealth', input: {} },
  { name: 'queryLibrary', input: libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0) },
];
