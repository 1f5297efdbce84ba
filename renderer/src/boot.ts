/**
 * The start script: an entry of its own, tiny, run as soon as it arrives (`async` in index.html,
 * put there by the build: electron.vite.config.ts), while the app's bundle still downloads and
 * compiles off the main thread (issue 13, the library's first paint). It takes the answers to the
 * calls the first paint waits for (the database's health; the library's first page when the app
 * opens on the library) from the page, where the host that served it wrote them
 * (shared/contract/start-data.ts), or sends them through the same transport as the typed client;
 * the client takes those answers when the app makes the same calls (api/early.ts). The page's
 * answers to the calls the app makes as it mounts are kept for it too. Under Electron
 * the transport is the preload's bridge, in a browser HTTP to the host. main.tsx imports it too,
 * so it runs once whichever comes first. It keeps the library's first screen the host rendered
 * into the page, or removes it (first-screen/in-page.ts); without one, when the first page's rows
 * are in before the app has mounted, it paints them (library/early-rows.ts).
 */
import { APP_ENTRY_ID } from './app-entry';
import { answersInPage, keepAnswersInPage, startCall } from './api/early';
import { pickTransport } from './api/transport';
import { startLanguage } from './i18n/languages';
import type { LibraryPage } from '../../shared/corpus/library-query';
import { keepFirstScreen } from './first-screen/in-page';
import { canPaintEarlyRows, earlyRowsFrame, paintEarlyRows } from './library/early-rows';
import { formatCount, formatPublished } from './library/format';
import { INITIAL_LIBRARY_SORT, libraryPageRequest } from '../../shared/corpus/library-request';
import { MOUNT_CALLS } from '../../shared/contract/start-data';
import { libraryFromHash } from './state/route';

const transport = pickTransport();
const inPage = answersInPage();
const language = startLanguage();
// The host's first screen is kept, or hidden now and removed once the page is parsed
// (first-screen/in-page.ts). The app's bundle does not wait for its frame: run when it arrives, it
// hydrated the screen 90 ms sooner (median, s32), and the screen was still painted first in every
// start.
void keepFirstScreen(language);
startCall(transport, inPage, 'getDatabaseHealth', {});
keepAnswersInPage(inPage, MOUNT_CALLS);
/** Settles once the early rows' frame is shown, or at once when none will be painted. */
let earlyRowsShown: Promise<void> = Promise.resolve();
if (libraryFromHash()) {
  const firstPage = startCall(transport, inPage, 'queryLibrary', libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0));
  // Its rows are painted as soon as they are in, when the app has not mounted yet and the last
  // start kept the table's place for this window (library/early-rows.ts).
  if (canPaintEarlyRows(language)) {
    // Never rejects: the app's bundle is started when it settles.
    earlyRowsShown = firstPage
      .then((answer) =>
        answer.ok && paintEarlyRows(answer.value as LibraryPage, language) ? earlyRowsFrame() : undefined,
      )
      .catch(() => undefined);
  }
  // A page's first Intl formatter loads ICU's locale data (~40–100 ms of CPU on this machine):
  // built now, while the main thread waits for the bundle, not in the mount that shows the count,
  // the rows' dates and numbers. In a task of its own, after the calls.
  setTimeout(() => {
    formatCount(0, language);
    formatPublished('2000-01-01', language);
  });
}

// The app's bundle is fetched and compiled from a module preload (put in index.html by the build in
// place of its script) and run from here, as soon as it has arrived, unless the early rows come
// first (at once, when the page holds the first page's answer): then after their frame. Its
// evaluation is one long task (~100 ms of CPU) that would hold that frame back. When the bundle
// comes first, the early rows are painted when the page arrives and main.tsx mounts the app a
// frame later. In dev, index.html runs main.tsx itself. (A top-level
// await here would hold the bundle back too, but makes the build split the start bundle into ~30
// chunks to keep the modules' order.)
const entry = document.getElementById(APP_ENTRY_ID) as HTMLLinkElement | null;
if (entry) {
  const fetched = new Promise<void>((resolve) => {
    if (performance.getEntriesByName(entry.href).length > 0) return resolve();
    entry.addEventListener('load', () => resolve());
    entry.addEventListener('error', () => resolve()); // the script's own load reports it
  });
  void Promise.race([earlyRowsShown, fetched]).then(async () => {
    await earlyRowsFrame(); // rows painted before the bundle arrived: after their frame
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry.href;
    document.head.append(script);
  });
}
