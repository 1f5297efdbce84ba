import { renderToString } from 'react-dom/server';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderFirstScreen } from '../../../shared/contract/first-screen';
import { answersOf, keepAnswersInPage } from '../api/early';
import { AppRoot } from '../app/AppRoot';
import { loadStartState } from '../app/start-state';
import { i18next } from '../i18n';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { useProfileStore } from '../settings/profile-store';
import { useAttributeStore } from '../state/attribute-store';

/** The stores the start state is loaded into (app/start-state.ts). */
const START_STORES: StoreApi<unknown>[] = [useAppStore, useProfileStore, useAttributeStore, useLibraryStore];
const toInitialState = (store: StoreApi<unknown>) => store.setState(store.getInitialState(), true);

/**
 * The library's first screen as the app's first render shows it (issue 13, the first paint;
 * shared/contract/first-screen.ts): the same components, loaded with the same state from the
 * same answers (app/start-state.ts), in the language the host expects the page to start in (a
 * page that starts in another discards the screen, first-screen/in-page.ts). Loaded by
 * render-first-screen.ts, after the browser globals these modules read as they load.
 *
 * The stores are this module's own: one render at a time (`queue`), each from their initial state.
 */
let queue: Promise<unknown> = Promise.resolve();

export const renderLibraryFirstScreen: RenderFirstScreen = (request) => {
  const rendered = queue.then(async () => {
    const { language } = request;
    // From the stores' initial state, as a page starts: nothing of the last render's is left over.
    START_STORES.forEach(toInitialState);
    keepAnswersInPage(answersOf(request.calls), request.calls);
    const answer = await loadStartState(true);
    // A database to recover, or a library whose first page did not come: the page shows what the
    // app makes of it, with nothing painted first.
    if (!('health' in answer) || answer.health.status !== 'ok' || !useLibraryStore.getState().pages.has(0)) return null;
    await i18next.changeLanguage(language);
    useAppStore.setState({ language });
    const html = renderToString(<AppRoot answer={answer} />);
    return { html, language };
  });
  queue = rendered.catch(() => undefined);
  return rendered;
};
