import type { CallName } from '../../../shared/contract';
import type { CallResult } from '../../../shared/contract/api-error';
import { BRIDGE_GLOBAL, TOKEN_HEADER } from '../../../shared/contract/names';
import type { AnswerReply, AnswerRequest } from './answer-worker';
import { callOverHttp } from './http-call';

export { TOKEN_HEADER };

/**
 * How a call reaches the host, answered with the result envelope (never rejected for a refused
 * call; rejected only when the host cannot be reached). Kept apart from the typed client so the
 * start script (boot.ts) can send the first calls with nothing else loaded.
 */
export type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;
type Bridge = Record<CallName, (input: unknown) => Promise<CallResult<unknown>>>;

const TOKEN_STORAGE_KEY = 'marginalia.token';

/** Calls whose answers are large enough to fetch and parse in the answer worker. */
const WORKER_CALLS: ReadonlySet<CallName> = new Set(['openArticle', 'reopenArticle']);

/**
 * Under Electron the preload bridge; in a browser, HTTP to the host that served this page, the
 * large answers through a worker (answer-worker.ts) so that the page's main thread only takes
 * them parsed, as from Electron's IPC.
 */
export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return (name, input) => bridge[name](input);
  const token = browserHostToken();
  const inWorker = typeof Worker === 'function' ? workerTransport(token) : null;
  return (name, input) =>
    inWorker && WORKER_CALLS.has(name) ? inWorker(name, input) : callOverHttp(name, input, token);
}

/** One answer worker per page, whichever of the start script and the client asks first. */
let sharedWorkerTransport: Transport | null = null;

function workerTransport(token: string): Transport {
  if (sharedWorkerTransport) return sharedWorkerTransport;
  interface Waiting {
    name: CallName;
    input: unknown;
    resolve: (result: CallResult<unknown>) => void;
    reject: (error: Error) => void;
  }
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const onPage = ({ name, input, resolve, reject }: Waiting) => callOverHttp(name, input, token).then(resolve, reject);
  const start = () => {
    if (worker) return worker;
    worker = new Worker(new URL('./answer-worker.ts', import.meta.url), { type: 'module', name: 'answers' });
    worker.onmessage = ({ data: reply }: MessageEvent<AnswerReply>) => {
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('failure' in reply) call?.reject(new Error(reply.failure));
      else call?.resolve(reply.result as CallResult<unknown>);
    };
    // A worker that cannot start (its script refused or missing): these calls are reads, so the
    // ones it held are made again on the page, as is every later one.
    worker.onerror = (event) => {
      console.error('The answer worker failed; large answers are fetched on the page', event.message);
      broken = true;
      const held = [...waiting.values()];
      waiting.clear();
      held.forEach(onPage);
    };
    return worker;
  };
  // Started while the library shows, so the first open does not wait for the worker's script.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start);
  sharedWorkerTransport = (name, input) =>
    new Promise((resolve, reject) => {
      if (broken) return void onPage({ name, input, resolve, reject });
      const id = nextId++;
      waiting.set(id, { name, input, resolve, reject });
      start().postMessage({ id, name, input, token } satisfies AnswerRequest);
    });
  return sharedWorkerTransport;
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
