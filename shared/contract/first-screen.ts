import type { Language } from '../i18n/languages';
import type { StartCall } from './start-data';

/**
 * The library's first screen rendered by the host into the page it serves (issue 13, the first
 * paint): the app's own first render (renderer/src/first-screen/render-first-screen.ts, built for
 * Node and run in a worker, electron/services/first-screen/), from the start calls' answers the
 * page carries anyway. The browser lays it out and paints it as the HTML arrives, before any script
 * has run; the app's first render then hydrates it (renderer/src/first-screen/in-page.ts, main.tsx).
 * Zod-free: the start script bundles the names.
 */
export interface FirstScreenRequest {
  /** The start calls, answered (START_CALLS). */
  calls: StartCall[];
  /**
   * The language the page starts in when it has no choice of its own kept, which the host cannot
   * see (shared/i18n/languages.ts `pickLanguage`, from the address's `?lang=` and the system's
   * locale: the browser's first Accept-Language tag, or Electron's app locale).
   */
  language: Language;
}

export interface FirstScreen {
  /** The markup of `#root`'s content. */
  html: string;
  /** The UI language it is in: the page keeps it only when it starts in the same one. */
  language: Language;
}

/** Null when there is no library to show first (a database that needs recovery, a failed call). */
export type RenderFirstScreen = (request: FirstScreenRequest) => Promise<FirstScreen | null>;

/** The attribute of `#root` naming the language of the first screen it holds. */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
