import {
  ApiError,
  BRIDGE_GLOBAL,
  CALL_NAMES,
  type ApiClient,
  type CallName,
  type CallResult,
} from '../../../shared/contract';

type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;
type Bridge = Record<CallName, (input: unknown) => Promise<CallResult<unknown>>>;

const TOKEN_HEADER = 'x-marginalia-token';
const TOKEN_STORAGE_KEY = 'marginalia.token';

/** Under Electron the preload bridge; in a browser, HTTP to the host that served this page. */
function pickTransport(): Transport {
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

/** One typed function per contract call; failures reject with an ApiError. */
export function createApiClient(transport: Transport = pickTransport()): ApiClient {
  const call = async (name: CallName, input: unknown) => {
    let result: CallResult<unknown>;
    try {
      result = await transport(name, input);
    } catch (error) {
      throw new ApiError('internal', `Could not reach the workbench: ${String(error)}`);
    }
    if (!result.ok) throw ApiError.fromPayload(result.error);
    return result.value;
  };
  return Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as ApiClient;
}

export const api: ApiClient = createApiClient();
