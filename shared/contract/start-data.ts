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
 * The calls whose answers the app mounts with, wherever it opens: its info and the labels, the
 * profile (the toolbar) and the attribute and field definitions (the library's filters, the
 * reader's fields). Answered in the page, they cost no request while the first frame is on its
 * way to the screen (a request is work for the browser's and the renderer's main threads and the
 * host, on the same two cores), and the first render already shows them. The start script keeps
 * their answers for the app's calls (renderer/src/api/early.ts; main.tsx makes them).
 */
export const MOUNT_CALLS: readonly Omit<StartCall, 'result'>[] = [
  { name: 'getAppInfo', input: {} },
  { name: 'listLabels', input: {} },
  { name: 'getProfile', input: {} },
  { name: 'listAttributeDefs', input: {} },
  { name: 'listFieldDefs', input: {} },
];

/**
 * The calls answered into the page: those the start script makes (the database's health, and
 * the library's first page at the initial filter and sort: the app always starts there; the
 * library keeps no sort or filter across starts), then the app's mount calls.
 */
export const START_CALLS: readonly Omit<StartCall, 'result'>[] = [
  { name: 'getDatabaseHealth', input: {} },
  { name: 'queryLibrary', input: libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0) },
  ...MOUNT_CALLS,
];
