import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiHandlers, CallName } from '../../shared/contract';
import { dispatchCall } from '../../shared/contract/dispatch';
import { EVENTS_PATH } from '../../shared/contract/event-names';
import { UPLOAD_PATH } from '../../shared/contract/imports';
import type { EventBus } from '../services/events/event-bus';
import { ApiError } from '../../shared/contract/errors';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../services/import/limits';
import { RENDERER_CSP } from '../services/security';
import { withStartData } from '../services/start-page';
import type { RenderFirstScreen } from '../../shared/contract/first-screen';
import { pickLanguage } from '../../shared/i18n/languages';
import { decodeUrlPath } from '../services/url-path';
import {
  BodySlots,
  hasToken,
  isForeignOrigin,
  maxRequestBodyBytes,
  readBodyCapped,
  TOKEN_HEADER,
} from './request-guards';
import type { UploadStaging } from './upload-staging';

export { TOKEN_HEADER };

/** A finished file the browser may download (exports), resolved by job id. */
export interface DownloadableFile {
  path: string;
  fileName: string;
  contentType: string;
}

export interface BrowserHostOptions {
  handlers: ApiHandlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. A taken port is a PortInUseError unless fallBackToFreePort is set. */
  port?: number;
  /** Only for the default port: when it is taken, listen on a free one instead of failing. */
  fallBackToFreePort?: boolean;
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string;
  /** Largest accepted request body; by default sized to the largest upload (request-guards). */
  maxBodyBytes?: number;
  /** How many bodies over 1 MB are read at once; more are answered 503 (default 2). */
  maxConcurrentLargeBodies?: number;
  resolveDownload?: (jobId: string) => DownloadableFile | null;
  /** The workbench's events, streamed to every open page at GET /api/events. */
  events?: Pick<EventBus, 'subscribeAll'>;
  /** Open event streams at most (a tab holds one); more are refused with 503. */
  maxEventClients?: number;
  /** A comment line this often keeps idle streams (and proxies) from timing out. */
  keepAliveMs?: number;
  /**
   * Where POST /api/upload streams files (the same staging the handlers' `takeUpload` reads);
   * without it the route answers 501.
   */
  uploads?: UploadStaging;
  /** The import limits an upload is checked against (per file, files per upload). */
  importLimits?: ImportLimits;
  /** Called once a download was sent (or the transfer broke off), so its file can go. */
  onDownloadServed?: (jobId: string) => void;
  log?: (message: string) => void;
  /**
   * Renders the library's first screen into the page opened with the token (services/first-screen/);
   * without it the page carries the start data only.
   */
  renderFirstScreen?: RenderFirstScreen;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  /** Event streams open now. */
  readonly eventClients: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

const DEFAULT_MAX_EVENT_CLIENTS = 16;
const DEFAULT_KEEP_ALIVE_MS = 15_000;
/** How long a browser waits before reconnecting a dropped event stream. */
const EVENT_RETRY_MS = 1000;
/**
 * Unsent event bytes a stream may hold (a tab that stopped reading); past it the stream is
 * closed, and the tab reconnects and fetches fresh snapshots instead of the host buffering on.
 */
const MAX_UNSENT_EVENT_BYTES = 32 * 1024 * 1024;
/** Total bytes of files one browser upload may carry (a dropped folder of articles). */
export const DEFAULT_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * Calls whose handler gives its last answer again, as the same object, while the database is
 * unchanged (reader-handlers.ts, the article's 0.6 MB): its encoded body is kept with it and sent
 * again as it is. Encoding it (JSON, then UTF-8 of a two-byte string) took ~13 ms of the host's CPU
 * per open, before the first byte; the handler and the output check of a kept answer take ~1 ms.
 */
const KEPT_ANSWER_CALLS: ReadonlySet<CallName> = new Set(['openArticle', 'reopenArticle']);

/** GET routes that a page opens without fetch, so the token may come in the query string. */
const QUERY_TOKEN_ROUTES = ['/api/download/', EVENTS_PATH];
export { UPLOAD_PATH };

/**
 * The contract over HTTP on 127.0.0.1, for users without Electron and for end-to-end tests.
 * Every API call needs the per-run token (401 without it); the Host header must name this
 * server, so a web page elsewhere cannot reach it by DNS rebinding.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((message: string) => console.error(message));
  let port = 0;
  const eventClients = new Set<ServerResponse>();
  const maxBodyBytes = options.maxBodyBytes ?? maxRequestBodyBytes(DEFAULT_IMPORT_LIMITS, DEFAULT_UPLOAD_BYTES);
  const largeBodies = new BodySlots(options.maxConcurrentLargeBodies ?? 2);
  /** A kept answer's body (see KEPT_ANSWER_CALLS), by the handler's answer object. */
  const encodedAnswers = new WeakMap<object, Buffer>();
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      log(`browser host: ${String(error)}`);
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLocalHostHeader(request.headers.host, port)) {
      sendText(response, 421, 'Misdirected request: this server only answers 127.0.0.1 and localhost.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const pathname = decodeUrlPath(url.pathname);
    if (pathname === null) {
      sendText(response, 400, 'Bad request: malformed percent-encoding in the path.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      if (isForeignOrigin(request, port)) {
        sendJson(response, 403, {
          ok: false,
          error: { code: 'invalid_input', message: 'Requests from other sites are refused.' },
        });
        return;
      }
      const queryAllowed = request.method === 'GET' && QUERY_TOKEN_ROUTES.some((route) => pathname.startsWith(route));
      if (!hasToken(request, url, token, queryAllowed)) {
        sendJson(response, 401, { ok: false, error: { code: 'invalid_input', message: 'Missing or wrong token.' } });
        return;
      }
      if (pathname === EVENTS_PATH && request.method === 'GET') {
        streamEvents(request, response);
        return;
      }
      if (pathname.startsWith('/api/download/')) {
        serveDownload(response, pathname.slice('/api/download/'.length));
        return;
      }
      if (request.method !== 'POST') {
        sendText(response, 405, 'API calls are POST requests.');
        return;
      }
      if (pathname === UPLOAD_PATH) {
        await receiveUpload(request, response);
        return;
      }
      const name = pathname.slice('/api/'.length);
      const read = await readBodyCapped(request, maxBodyBytes, largeBodies);
      if (!read.ok) {
        refuseBody(response, read.status, maxBodyBytes);
        return;
      }
      const body = read.body;
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(response, 400, {
          ok: false,
          error: { code: 'invalid_input', message: 'The request body is not JSON.' },
        });
        return;
      }
      // The handler's own answer (before the output check copies it), for a call that may keep it.
      let answered: unknown = null;
      const handlers = KEPT_ANSWER_CALLS.has(name as CallName)
        ? {
            ...options.handlers,
            [name]: (input: unknown) =>
              (answered = (options.handlers[name as CallName] as (input: unknown) => unknown)(input)),
          }
        : options.handlers;
      const result = await dispatchCall(handlers, name, payload, (call, error) =>
        log(`call ${call} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
      if (!result.ok || typeof answered !== 'object' || answered === null) {
        sendJson(response, result.ok ? 200 : statusOf(result.error.code), result);
        return;
      }
      const encoded = encodedAnswers.get(answered) ?? jsonBytes(result);
      encodedAnswers.set(answered, encoded);
      sendBytes(response, 200, encoded);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    await serveStatic(request, response, url, pathname);
  }

  async function receiveUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!options.uploads) {
      sendText(response, 501, 'This host takes no uploads.');
      return;
    }
    const limits = options.importLimits ?? DEFAULT_IMPORT_LIMITS;
    if (!largeBodies.tryTake()) {
      refuse(response, 503, ApiError.of('busy', 'uploadBusy'));
      return;
    }
    try {
      const received = await options.uploads.receive(request, {
        maxFileBytes: limits.maxFileBytes,
        maxTotalBytes: Math.max(DEFAULT_UPLOAD_BYTES, limits.maxFileBytes),
        maxFiles: limits.maxFiles,
      });
      if (received.ok)
        sendJson(response, 200, { ok: true, value: { uploadId: received.uploadId, files: received.files } });
      else refuse(response, received.status, received.error);
    } finally {
      largeBodies.release();
    }
  }

  /** Server-Sent Events: every workbench event as `event: name` + one JSON `data` line. */
  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    if (!options.events) {
      sendText(response, 501, 'This host publishes no events.');
      return;
    }
    if (eventClients.size >= (options.maxEventClients ?? DEFAULT_MAX_EVENT_CLIENTS)) {
      sendText(response, 503, 'Too many open event streams.');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    response.write(`retry: ${EVENT_RETRY_MS}\n: connected\n\n`);
    eventClients.add(response);
    const unsubscribe = options.events.subscribeAll(({ name, payload }) => {
      if (response.writableLength > MAX_UNSENT_EVENT_BYTES) {
        response.destroy();
        return;
      }
      // JSON.stringify escapes line breaks, so the payload is always one data line.
      response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(
      () => response.write(': keep-alive\n\n'),
      options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
    );
    keepAlive.unref();
    const cleanUp = () => {
      clearInterval(keepAlive);
      unsubscribe();
      eventClients.delete(response);
    };
    request.on('close', cleanUp);
    response.on('close', cleanUp);
    response.on('error', cleanUp);
  }

  function serveDownload(response: ServerResponse, jobId: string): void {
    const file = options.resolveDownload?.(jobId);
    if (!file || !existsSync(file.path)) {
      sendJson(response, 404, { ok: false, error: { code: 'not_found', message: `No download for job ${jobId}.` } });
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-length': statSync(file.path).size,
      'content-disposition': `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    // Served once: the file is deleted when the transfer ends, complete or not.
    response.once('close', () => options.onDownloadServed?.(jobId));
    createReadStream(file.path).pipe(response);
  }

  async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    pathname: string,
  ): Promise<void> {
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
    let filePath = join(options.rendererDir, relative || 'index.html');
    if (!filePath.startsWith(options.rendererDir + sep) && filePath !== options.rendererDir) {
      sendText(response, 403, 'Forbidden.');
      return;
    }
    if (!existsSync(filePath) || statSync(filePath).isDirectory()) filePath = join(options.rendererDir, 'index.html');
    if (!existsSync(filePath)) {
      sendText(response, 500, `The renderer is not built (${options.rendererDir}). Run npm run build.`);
      return;
    }
    const headers = {
      'content-type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    // The page opened with the token (the address the host prints) carries the first answers in
    // it (services/start-page.ts): the library's rows need no round trip. Without the token it
    // holds no data, as the API gives none. Not stored in the browser's cache: it holds titles.
    if (filePath === join(options.rendererDir, 'index.html') && hasToken(request, url, token, true)) {
      const render = options.renderFirstScreen;
      const page = withStartData(
        readFileSync(filePath, 'utf8'),
        options.handlers,
        (call, error) =>
          log(
            `call ${call} (answered into the page) failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
        render &&
          ((calls) =>
            render({
              calls,
              language: pickLanguage({
                query: url.searchParams.get('lang'),
                stored: null,
                systemLocale: firstLanguageTag(request.headers['accept-language']),
              }),
            })),
      );
      response.writeHead(200, { ...headers, 'cache-control': 'no-store' });
      response.write(page.head);
      response.end(await page.rest);
      return;
    }
    response.writeHead(200, {
      ...headers,
      // The build names every file under assets/ by a hash of its content: a file there never
      // changes, so a reload (after a restore, or the user's) takes it from the cache.
      'cache-control': filePath.startsWith(join(options.rendererDir, 'assets') + sep)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    createReadStream(filePath).pipe(response);
  }

  port = await listen(server, options.port ?? 0, options.fallBackToFreePort ?? false);
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    get eventClients() {
      return eventClients.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          options.uploads?.dispose();
          resolve();
        });
      }),
  };
}

/** The port asked for is used by another program (or another Marginalia host). */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (another Marginalia host, or another program). ` +
        'Stop it, or choose another port with --port N (--port 0 takes any free port).',
    );
  }
}

async function listen(server: Server, port: number, fallBackToFreePort: boolean): Promise<number> {
  const tryPort = (candidate: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => reject(error);
      server.once('error', onError);
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  try {
    return await tryPort(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    if (!fallBackToFreePort) throw new PortInUseError(port);
    return tryPort(0);
  }
}

function isLocalHostHeader(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

function statusOf(code: string): number {
  switch (code) {
    case 'invalid_input':
      return 400;
    case 'not_found':
      return 404;
    case 'rejected':
      return 422;
    case 'unsupported':
      return 501;
    case 'busy':
      return 503;
    default:
      return 500;
  }
}

/**
 * Encoded once, with its length, and written as bytes. The UTF-8 encoding is the costly part for
 * the 0.6 MB answer of `openArticle`, whose Vietnamese text makes it a two-byte string: ~11 ms of
 * CPU on Node 20 (JSON.stringify ~2 ms; 2026-11-30), which a kept answer no longer pays
 * (KEPT_ANSWER_CALLS).
 */
function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendBytes(response, status, jsonBytes(body));
}

const jsonBytes = (body: unknown) => Buffer.from(JSON.stringify(body), 'utf8');

function sendBytes(response: ServerResponse, status: number, bytes: Buffer): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
    'cache-control': 'no-store',
  });
  response.end(bytes);
}

/** A refused upload ends the connection, so the rest of it is not read. */
function refuse(response: ServerResponse, status: number, error: ApiError): void {
  response.setHeader('connection', 'close');
  sendJson(response, status, { ok: false, error: error.toPayload() });
}

/** Refused bodies end the connection, so the rest of the upload is not read. */
function refuseBody(response: ServerResponse, status: 413 | 503, maxBytes: number): void {
  const message =
    status === 413
      ? `The request is larger than the browser host accepts (${Math.floor(maxBytes / 1024 / 1024)} MB, files as base64). Import fewer files at a time, or use npm run cli -- import.`
      : 'The host is busy reading other large uploads. Try again when they are done.';
  response.setHeader('connection', 'close');
  sendJson(response, status, { ok: false, error: { code: 'invalid_input', message } });
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function asciiFileName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'export'
  );
}

/** The first tag of an Accept-Language header (`vi-VN,vi;q=0.9,en;q=0.8` → `vi-VN`), or ''. */
export function firstLanguageTag(header: string | undefined): string {
  return header?.split(',')[0]?.split(';')[0]?.trim() ?? '';
}
