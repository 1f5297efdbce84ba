import { net, protocol } from 'electron';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_CSP } from '../services/security';
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

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'marginalia') return new Response('Not found', { status: 404 });
    const pathname = decodeUrlPath(url.pathname);
    if (pathname === null) return new Response('Bad request: malformed percent-encoding', { status: 400 });
    const relative = normalize(pathname).replace(/^([/\\])+/, '') || 'index.html';
    const filePath = join(rendererDir, relative);
    if (!filePath.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 });
    const file = await net.fetch(pathToFileURL(filePath).toString());
    if (!file.ok) return new Response('Not found', { status: 404 });
    return new Response(file.body, {
      headers: {
        'content-type': MIME[extname(filePath)] ?? 'application/octet-stream',
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
