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
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadDeferred } from './app/deferred';
import { api } from './api/client';
import { dropUntakenEarlyAnswers } from './api/early';
import { HealthGate, type HealthAnswer } from './backup/HealthGate';
import { errorMessage } from './i18n/backend';
import { earlyRowsFrame } from './library/early-rows';
import { useProfileStore } from './settings/profile-store';
import { useAppStore } from './state/app-store';
import { useAttributeStore } from './state/attribute-store';
import { useLibraryStore } from './state/library-store';
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
let firstPage: Promise<void> = Promise.resolve();
if (libraryFromHash()) {
  firstPage = useLibraryStore.getState().prefetch();
  // The library starts the deferred loads once its first answer is on screen; should that answer
  // never come (the host failed), they start anyway.
  setTimeout(preloadDeferred, DEFERRED_FALLBACK_MS);
} else {
  preloadDeferred();
}

// The first render waits for the database's health and, on the library, its first page (both
// asked for while the bundle loaded, boot.ts): the app mounts with the rows, in one render, layout
// and paint, not first without them (under load the page's answer then took a few frames more).
const health = api.getDatabaseHealth({}).then(
  (answer): HealthAnswer => ({ health: answer }),
  (failure: unknown): HealthAnswer => ({ error: errorMessage(failure) }),
);
// So does the state of the app's mount calls (its info and labels, the profile, the attribute and
// field definitions; shared/contract/start-data.ts MOUNT_CALLS), answered in the page: the first
// render shows the profile's name and the filters' options, and no second render follows while
// its frame is on the way to the screen, nor a shift of the toolbar. The page's answers no call
// took are dropped then: a later call asks the host.
const mountState = health.then(async (answer) => {
  if ('health' in answer && answer.health.status === 'ok')
    await Promise.all([
      useAppStore.getState().boot(),
      useProfileStore.getState().load(),
      useAttributeStore.getState().load(),
    ]);
  dropUntakenEarlyAnswers();
});
// Rows the start script painted when the page came (library/early-rows.ts) get their frame first.
void Promise.all([health, firstPage, mountState]).then(async ([answer]) => {
  await earlyRowsFrame();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <HealthGate answer={answer}>
        <App />
      </HealthGate>
    </StrictMode>,
  );
});
