/**
 * The start script: an entry of its own, tiny, run as soon as it arrives (`async` in index.html,
 * put there by the build: electron.vite.config.ts), while the app's bundle still downloads and
 * compiles off the main thread (issue 13, the library's first paint). It sends the calls the
 * first paint waits for (the database's health; the library's first page when the app opens on
 * the library) through the same transport as the typed client, which takes their answers when the
 * app makes the same calls (api/early.ts); under Electron that is the preload's bridge, in a
 * browser HTTP to the host. main.tsx imports it too, so it runs once whichever comes first.
 */
import { sendEarly } from './api/early';
import { pickTransport } from './api/transport';
import { startLanguage } from './i18n/languages';
import { formatCount, formatPublished } from './library/format';
import { INITIAL_LIBRARY_SORT, libraryPageRequest } from './state/library-request';
import { libraryFromHash } from './state/route';

const transport = pickTransport();
sendEarly(transport, 'getDatabaseHealth', {});
if (libraryFromHash()) {
  sendEarly(transport, 'queryLibrary', libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0));
  // A page's first Intl formatter loads ICU's locale data (~40–100 ms of CPU on this machine):
  // built now, while the main thread waits for the bundle, not in the mount that shows the count,
  // the rows' dates and numbers. In a task of its own, after the calls.
  setTimeout(() => {
    const language = startLanguage();
    formatCount(0, language);
    formatPublished('2000-01-01', language);
  });
}
