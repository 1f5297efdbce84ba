import type { ApiClient, CallName, CallResult } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/api-error';
import { EVENT_NAMES, EVENTS_BRIDGE_GLOBAL, EVENTS_PATH, type EventName } from '../../../shared/contract/event-names';
import type { EventContract, EventHandler, EventsClient } from '../../../shared/contract/events';
import { BRIDGE_GLOBAL, CALL_NAMES, UPLOAD_PATH } from '../../../shared/contract/names';
import { preloadStarted } from '../app/deferred';
import type { AnswerReply, AnswerRequest } from './answer-worker';
import { callOverHttp, TOKEN_HEADER } from './http-call';

type Transport = (name: CallName, input: unknown) => Promise<CallResult<unknown>>;
type Bridge = Record<CallName, (input: unknown) => Promise<CallResult<unknown>>>;

const TOKEN_STORAGE_KEY = 'marginalia.token';

/** Calls whose answers are large enough to fetch and parse in the answer worker. */
const WORKER_CALLS: ReadonlySet<CallName> = new Set(['openArticle', 'reopenArticle']);

/**
 * Under Electron the preload bridge; in a browser, HTTP to the host that served this page, the
 * large answers through a worker (answer-worker.ts) so that the page's main thread only takes
 * them parsed, as from Electron's IPC.
 */
function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return (name, input) => bridge[name](input);
  const token = browserHostToken();
  const inWorker = typeof Worker === 'function' ? workerTransport(token) : null;
  return (name, input) =>
    inWorker && WORKER_CALLS.has(name) ? inWorker(name, input) : callOverHttp(name, input, token);
}

function workerTransport(token: string): Transport {
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
  return (name, input) =>
    new Promise((resolve, reject) => {
      if (broken) return void onPage({ name, input, resolve, reject });
      const id = nextId++;
      waiting.set(id, { name, input, resolve, reject });
      start().postMessage({ id, name, input, token } satisfies AnswerRequest);
    });
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

/**
 * Sends files to the browser host as one multipart upload, which it streams to disk; resolves
 * to the id `startImport({ source: { kind: 'upload', uploadId } })` takes. Null under Electron,
 * whose IPC has no such route (it sends files as base64 uploads).
 */
export function createUploader(): ((files: { name: string; file: Blob }[]) => Promise<string>) | null {
  if ((window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]) return null;
  return async (files) => {
    const form = new FormData();
    for (const { name, file } of files) form.append('file', file, name);
    let result: CallResult<{ uploadId: string }>;
    try {
      const response = await fetch(UPLOAD_PATH, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: browserHostToken() },
        body: form,
      });
      result = (await response.json()) as CallResult<{ uploadId: string }>;
    } catch (error) {
      throw new ApiError('internal', `Could not reach the workbench: ${String(error)}`);
    }
    if (!result.ok) throw ApiError.fromPayload(result.error);
    return result.value.uploadId;
  };
}

export const uploadFiles = createUploader();

/** Where raw event payloads come from: the preload under Electron, an EventSource in a browser. */
export interface EventSourceLike {
  /** Starts delivering; `deliver` gets each event's name and unparsed payload. */
  open(deliver: (name: EventName, payload: unknown) => void, onResync: () => void): void;
}

type EventsBridge = { on: (name: EventName, handler: (payload: unknown) => void) => () => void };

/** Reopens a stream the browser gave up on (it retries by itself only on network errors). */
const REOPEN_DELAY_MS = 2000;

function pickEventSource(): EventSourceLike {
  const bridge = (window as unknown as Record<string, EventsBridge | undefined>)[EVENTS_BRIDGE_GLOBAL];
  if (bridge) {
    return { open: (deliver) => EVENT_NAMES.forEach((name) => bridge.on(name, (payload) => deliver(name, payload))) };
  }
  return {
    open(deliver, onResync) {
      let broken = false;
      const connect = () => {
        const source = new EventSource(`${EVENTS_PATH}?token=${encodeURIComponent(browserHostToken())}`);
        for (const name of EVENT_NAMES) {
          source.addEventListener(name, (message) => {
            try {
              deliver(name, JSON.parse((message as MessageEvent<string>).data));
            } catch (error) {
              console.error(`Dropped a ${name} event that is not JSON`, error);
            }
          });
        }
        source.addEventListener('open', () => {
          // Events sent while the stream was down are lost: followers fetch a fresh state.
          if (broken) onResync();
          broken = false;
        });
        source.addEventListener('error', () => {
          broken = true;
          if (source.readyState !== EventSource.CLOSED) return;
          source.close();
          setTimeout(connect, REOPEN_DELAY_MS);
        });
      };
      connect();
    },
  };
}

/**
 * The events' schemas, from a chunk of their own loaded after the first paint: building the
 * contract's zod schemas cost more than any other module's evaluation at start (issue 13).
 */
const loadEventSchemas = (): Promise<EventContract> =>
  preloadStarted.then(() => import('../../../shared/contract/events')).then((module) => module.eventContract);

/**
 * Typed subscriptions to the pushed events. The source opens on the first subscription; every
 * payload is parsed with the event's schema, and one that does not match is dropped loudly rather
 * than handed to the UI. Events that arrive before the schemas have loaded wait for them and are
 * delivered in the order they came.
 */
export function createEventsClient(
  source: EventSourceLike = pickEventSource(),
  loadSchemas: () => Promise<EventContract> = loadEventSchemas,
): EventsClient {
  const handlers = new Map<EventName, Set<(payload: never) => void>>();
  const resyncHandlers = new Set<() => void>();
  let opened = false;
  /** The schemas once loaded; `failed` when their chunk could not be loaded. */
  let schemas: EventContract | 'failed' | null = null;
  /** Events received while the schemas load, in arrival order. */
  let waiting: [EventName, unknown][] = [];
  const dispatch = (contract: EventContract, name: EventName, raw: unknown) => {
    const parsed = contract[name].payload.safeParse(raw);
    if (!parsed.success) {
      console.error(`Dropped a ${name} event that does not match its schema`, parsed.error.issues[0]);
      return;
    }
    for (const handler of handlers.get(name) ?? []) (handler as (payload: unknown) => void)(parsed.data);
  };
  const deliver = (name: EventName, raw: unknown) => {
    if (schemas === null) waiting.push([name, raw]);
    else if (schemas === 'failed') console.error(`Dropped a ${name} event: its schema could not be loaded`);
    else dispatch(schemas, name, raw);
  };
  const ensureOpen = () => {
    if (opened) return;
    opened = true;
    loadSchemas().then(
      (contract) => {
        schemas = contract;
        const queued = waiting;
        waiting = [];
        for (const [name, raw] of queued) dispatch(contract, name, raw);
      },
      (error: unknown) => {
        // Without their schemas no event can be checked: none is handed to the UI.
        console.error(`Could not load the events' schemas; ${waiting.length} events dropped`, error);
        schemas = 'failed';
        waiting = [];
      },
    );
    source.open(deliver, () => resyncHandlers.forEach((handler) => handler()));
  };
  return {
    on<N extends EventName>(name: N, handler: EventHandler<N>) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      const entry = handler as (payload: never) => void;
      set.add(entry);
      ensureOpen();
      return () => void set.delete(entry);
    },
    onResync(handler) {
      resyncHandlers.add(handler);
      ensureOpen();
      return () => void resyncHandlers.delete(handler);
    },
  };
}

export const events: EventsClient = createEventsClient();
