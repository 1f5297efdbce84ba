import type { ApiHandlers } from '../../shared/contract';
import { dispatchCall } from '../../shared/contract/dispatch';
import { FIRST_SCREEN_ATTRIBUTE, type FirstScreen } from '../../shared/contract/first-screen';
import { isLanguage } from '../../shared/i18n/languages';
import { START_CALLS, START_DATA_ID, type StartCall } from '../../shared/contract/start-data';

/** The app's mount point in index.html, empty as the build leaves it. */
const EMPTY_ROOT = '<div id="root"></div>';

/**
 * The renderer's index.html with the start calls answered in it (shared/contract/start-data.ts;
 * issue 13, the library's first paint): one function for both hosts that serve the page, the
 * browser host and Electron's app protocol. Each call goes through `dispatchCall`, as over the
 * transport (input and output checked, failures as typed errors), so the start script gets
 * exactly what it would have been answered. The block goes before the first script tag, so the
 * parser has it before any script can run. The page comes in two parts: `head`, everything before
 * the block, to be sent at once (the browser starts fetching the style sheet and the scripts it
 * names while the host answers), then `rest`, the block and the remainder, once the answers are
 * in. A page without a `<script` tag is all `head`.
 *
 * `firstScreen`, when given, renders the library's first screen from those answers
 * (shared/contract/first-screen.ts), put into the page's `#root`: the browser paints it as the page
 * arrives, before any script has run. It is `inert` until the app's first render has hydrated it.
 */
export function withStartData(
  html: string,
  handlers: ApiHandlers,
  onInternalError: (name: string, error: unknown) => void,
  firstScreen?: (calls: StartCall[]) => Promise<FirstScreen | null>,
): { head: string; rest: Promise<string> } {
  const at = html.indexOf('<script');
  if (at < 0) return { head: html, rest: Promise.resolve('') };
  const rest = (async () => {
    // The calls run synchronously (SQLite): after this turn, once the caller has sent `head`.
    await new Promise((resolve) => setImmediate(resolve));
    const calls = await answerStartCalls(handlers, onInternalError);
    const screen = firstScreen ? await firstScreen(calls) : null;
    const remainder = html.slice(at);
    return `${startDataBlock(calls)}\n    ${screen ? remainder.replace(EMPTY_ROOT, () => rootWith(screen)) : remainder}`;
  })();
  return { head: html.slice(0, at), rest };
}

/** Each start call answered through `dispatchCall`, as over the transport. */
export async function answerStartCalls(
  handlers: ApiHandlers,
  onInternalError: (name: string, error: unknown) => void,
): Promise<StartCall[]> {
  const calls: StartCall[] = [];
  for (const call of START_CALLS)
    calls.push({ ...call, result: await dispatchCall(handlers, call.name, call.input, onInternalError) });
  return calls;
}

/**
 * A JSON data block. `<` is escaped (`\u003c`, still the same JSON): an article's title holding
 * `</script>` or `<!--` cannot end the block or open a comment.
 */
export function startDataBlock(calls: StartCall[]): string {
  const json = JSON.stringify(calls).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${START_DATA_ID}">${json}</script>`;
}

/**
 * `#root` holding the first screen, not interactive until the app has hydrated it. The language is
 * one of the app's (the host picked it); anything else is dropped, not quoted.
 */
function rootWith({ html, language }: FirstScreen): string {
  const tag = isLanguage(language) ? language : '';
  return `<div id="root" inert ${FIRST_SCREEN_ATTRIBUTE}="${tag}">${html}</div>`;
}
