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
import { HealthGate } from './backup/HealthGate';
import { formatCount, formatPublished } from './library/format';
import { useAppStore } from './state/app-store';
import { useLibraryStore } from './state/library-store';

// The reader's faces (regular and bold, Latin and Vietnamese subsets), fetched while the library
// shows: a face that arrives after an article opened makes Chromium restyle and lay out the whole
// text again. The sample text picks the subsets by their unicode ranges.
const READER_FONTS = ['400 17px "Noto Serif"', '700 17px "Noto Serif"'];
// A load cut off by a reload or by the host stopping rejects ("A network error occurred."): not an
// error of the page (an e2e check for uncaught errors failed on it under load); the reader's text
// asks for the faces again.
requestIdleCallback(() => READER_FONTS.forEach((font) => void document.fonts.load(font, 'Aẫ').catch(() => undefined)));

// Opening on the library: its first page is asked for now, beside the health check, not after it.
// The views and dialogs not shown at start, and the events' schemas, load after the library's
// first rows have painted (app/deferred.ts), or at once when the app opens elsewhere.
const DEFERRED_FALLBACK_MS = 5_000;
const start = useAppStore.getState();
if (
  start.view === 'library' &&
  start.openArticleId === null &&
  start.adjudicationArticleId === null &&
  !start.schemaOpen
) {
  useLibraryStore.getState().prefetch();
  // A page's first Intl formatter loads ICU's locale data (~100 ms of CPU on this machine under
  // load): built while the first page and the health check are in flight, not in the mount that
  // shows them (the count, the rows' dates and numbers).
  setTimeout(() => {
    formatCount(0, start.language);
    formatPublished('2000-01-01', start.language);
  });
  // The library starts the deferred loads once its first answer is on screen; should that answer
  // never come (the host failed), they start anyway.
  setTimeout(preloadDeferred, DEFERRED_FALLBACK_MS);
} else {
  preloadDeferred();
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <HealthGate>
      <App />
    </HealthGate>
  </StrictMode>,
);
