import { app, net, protocol } from 'electron';
import { extname, join, normalize, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { ApiHandlers } from '../../shared/contract';
import type { RenderFirstScreen } from '../../shared/contract/first-screen';
import { pickLanguage } from '../../shared/i18n/languages';
import { RENDERER_CSP } from '../services/security';
import { withStartData } from '../services/start-page';
import { decodeUrlPath } from '../services/url-path';

/**
 * The renderer is served from app://marginalia/ rather than file://: a standard, secure
 * origin that IPC senders are checked against, with the CSP sent as a real header.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://marginalia`;

/**
 * Must run before the app is ready. `codeCache` (Electron ≥ 28, standard schemes only) lets V8
 * keep the compiled renderer scripts in the profile as it does for http(s): the app starts many
 * times with the same profile, and from the second start the start bundle (~540 kB) is not
 * compiled again (issue 13, the library's first paint; measured through the browser host, whose
 * http origin has it by default: bench/first-paint-bench.ts --warm).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the built renderer. index.html carries the start calls' answers (services/start-page.ts,
 * the same function as the browser host's): the library's first rows need no round trip over IPC,
 * and, rendered from them (services/first-screen/), its first screen, painted before any script.
 */
export function serveRenderer(
  rendererDir: string,
  handlers: ApiHandlers,
  log: (message: string) => void,
  renderFirstScreen: RenderFirstScreen,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'marginalia') return new Response('Not found', { status: 404 });
    const pathname = decodeUrlPath(url.pathname);
    if (pathname === null) return new Response('Bad request: malformed percent-encoding', { status: 400 });
    const relative = normalize(pathname).replace(/^([/\\])+/, '') || 'index.html';
    const filePath = join(rendererDir, relative);
    if (!filePath.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 });
    const headers = {
      'content-type': MIME[extname(filePath)] ?? 'application/octet-stream',
      'content-security-policy': RENDERER_CSP,
      'x-content-type-options': 'nosniff',
    };
    if (filePath === join(rendererDir, 'index.html')) {
      const page = withStartData(
        await readFile(filePath, 'utf8'),
        handlers,
        (call, error) =>
          log(
            `call ${call} (answered into the page) failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
        (calls) =>
          renderFirstScreen({
            calls,
            language: pickLanguage({
              query: url.searchParams.get('lang'),
              stored: null,
              systemLocale: app.getLocale(),
            }),
          }),
      );
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode(page.head));
          controller.enqueue(encoder.encode(await page.rest));
          controller.close();
        },
      });
      return new Response(body, { headers: { ...headers, 'cache-control': 'no-store' } });
    }
    const file = await net.fetch(pathToFileURL(filePath).toString());
    if (!file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, { headers });
  });
}
