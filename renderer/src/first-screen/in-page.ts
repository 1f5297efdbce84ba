import { FIRST_SCREEN_ATTRIBUTE } from '../../../shared/contract/first-screen';
import type { Language } from '../i18n/languages';
import { libraryFromHash } from '../state/route';

/**
 * The window the host's first screen is rendered for (it cannot know the page's): the library's
 * list renders the rows that fit its height. The page's render that hydrates the screen assumes the
 * same, and the list corrects to the real size after the first frame.
 */
export const FIRST_SCREEN_WINDOW = { width: 1920, height: 1080 };

let kept: Promise<boolean> | null = null;

/**
 * The library's first screen the host rendered into `#root` (shared/contract/first-screen.ts):
 * painted as the page arrives, `inert` until the app's first render has hydrated it. Kept only
 * when the page starts as it was rendered: on the library (the address's hash, which the host never
 * sees, may open an article) and in the same language (the host cannot see a choice kept in the
 * page's storage). Otherwise hidden at once (the start script runs as soon as it arrives, mostly
 * before the screen's first frame: its layout takes longer) and removed once the page is parsed
 * (the parser may still be adding to it), before the app runs. Decided once, whichever asks first
 * (the start script, main.tsx).
 */
export function keepFirstScreen(language: Language): Promise<boolean> {
  kept ??= decide(language);
  return kept;
}

async function decide(language: Language): Promise<boolean> {
  const startsAsRendered = (root: HTMLElement) =>
    root.getAttribute(FIRST_SCREEN_ATTRIBUTE) === language && libraryFromHash();
  const early = document.getElementById('root');
  if (early?.hasAttribute(FIRST_SCREEN_ATTRIBUTE) && !startsAsRendered(early)) early.style.visibility = 'hidden';
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const root = document.getElementById('root');
  if (!root?.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) return false;
  const keep = startsAsRendered(root);
  root.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
  if (keep) return true;
  root.replaceChildren();
  root.removeAttribute('inert');
  root.style.removeProperty('visibility');
  return false;
}

/**
 * The window the app's first render assumes: the first screen's while the app hydrates it (`#root`
 * is inert until the hydration's commit, main.tsx), else the page's. Outside a browser (the host's
 * render) there is no `#root`, and the stand-in window is the first screen's.
 */
export const firstRenderWindow = () =>
  document.getElementById('root')?.hasAttribute('inert')
    ? FIRST_SCREEN_WINDOW
    : { width: window.innerWidth, height: window.innerHeight };
