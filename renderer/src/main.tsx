// First: sends the calls the first paint waits for, if the start script has not already.
import './boot';
import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/latin-700.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/vietnamese-600.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './styles/app.css';
// Before the app: the first render is already in the chosen language.
import { initialLanguage } from './i18n';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot';
import { preloadDeferred } from './app/deferred';
import { loadStartState } from './app/start-state';
import { keepFirstScreen } from './first-screen/in-page';
import { earlyRowsFrame } from './library/early-rows';
import { libraryFromHash } from './state/route';

// The reader's faces (the text's regular and bold, the side panels' regular and semibold, Latin
// and Vietnamese subsets), fetched while the library shows: a face that arrives after an article
// opened makes Chromium restyle and lay out the whole text again, and the first open asked for
// the panels' Vietnamese face at the press. The sample text picks the subsets by their unicode ranges.
const READER_FONTS = ['400 17px "Noto Serif"', '700 17px "Noto Serif"', '400 13px "Noto Sans"', '600 13px "Noto Sans"'];
// A load cut off by a reload or by the host stopping rejects ("A network error occurred."): not an
// error of the page (an e2e check for uncaught errors failed on it under load); the reader's text
// asks for the faces again.
requestIdleCallback(() => READER_FONTS.forEach((font) => void document.fonts.load(font, 'Aẫ').catch(() => undefined)));

// Opening on the library: its first page is asked for now (the start script sent that call, boot.ts;
// this takes its answer), not when the view mounts. The views and dialogs not shown at start, and
// the events' schemas, load after the library's first rows have painted (app/deferred.ts), or at
// once when the app opens elsewhere.
const DEFERRED_FALLBACK_MS = 5_000;
const onLibrary = libraryFromHash();
if (onLibrary) {
  // The library starts the deferred loads once its first answer is on screen; should that answer
  // never come (the host failed), they start anyway.
  setTimeout(preloadDeferred, DEFERRED_FALLBACK_MS);
} else {
  preloadDeferred();
}

// The first render waits for the state it shows (app/start-state.ts: the database's health, on the
// library its first page, the app's mount state; asked for while the bundle loaded, boot.ts): the
// app mounts with the rows, in one render, layout and paint, not first without them (under load
// the page's answer then took a few frames more). Rows the start script painted when the page came
// (library/early-rows.ts) get their frame first.
// The host's first screen (first-screen/in-page.ts), when the page keeps it, is hydrated: the app
// takes over its markup in place (no second layout, nothing replaced on screen) and the page is
// interactive from that commit (the screen is `inert` until then). Otherwise the app renders anew.
void Promise.all([loadStartState(onLibrary), keepFirstScreen(initialLanguage)]).then(async ([answer, hydrate]) => {
  await earlyRowsFrame();
  const root = document.getElementById('root') as HTMLElement;
  if (!hydrate) return createRoot(root).render(<AppRoot answer={answer} />);
  hydrateRoot(root, <AppRoot answer={answer} onFirstCommit={() => root.removeAttribute('inert')} />, {
    // A screen that differs from the app's first render is rendered anew by React, and said.
    onRecoverableError: (error) => console.warn("The first screen was not the app's; rendered anew", error),
  });
});
