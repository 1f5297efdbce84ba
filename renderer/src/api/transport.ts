import type { CallName } from '../../../shared/contract';
import type { CallResult } from '../../../shared/contract/api-error';
import { BRIDGE_GLOBAL } from '../../../shared/contract/names';

/**
 * How a call reaches the host, answered with the result envelope (never rejected for a refused
 * call; rejected only when the host cannot be reached). Kept apart from the typed client so the
 * start script (boot.ts) can send the first calls with nothing else loaded.
 */
export type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;
type Bridge = Record<CallName, (input: unknown) => Promise<CallResult<unknown>>>;

export const TOKEN_HEADER = 'x-marginalia-token';
const TOKEN_STORAGE_KEY = 'marginalia.token';

/** Under Electron the preload bridge; in a browser, HTTP to the host that served this page. */
export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return (name, input) => bridge[name](input);
  const token = browserHostToken();
  return async (name, input) => {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
    try {
      return (await response.json()) as CallResult<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `The host answered ${response.status} without a result.` },
      };
    }
  };
}

/** The per-run token arrives in the URL once; it is kept for reloads of this tab. */
export function browserHostToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
}
