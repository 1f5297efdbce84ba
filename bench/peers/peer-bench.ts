/**
 * Side-by-side opening benchmark: the same document (the annotating benchmark's article of
 * 400,000 characters, with 1,000 and with 10,000 spans) opened in Marginalia's reader, in
 * @recogito/text-annotator 4.1.1 and in the Label Studio frontend 1.4.0, in one headless
 * Chromium run. Each figure is open → first frame showing highlights:
 * - Marginalia: from the click on the article in the library (through the browser host, so the
 *   request for the article and its spans is included) to the frame after the first highlight
 *   is registered;
 * - the peers: from the call of the page's `benchOpen` (after the library's script has loaded)
 *   through fetching the same text and spans as JSON from the local static server, rendering
 *   and handing the spans over, to the frame after the first highlight element exists.
 * A peer that has not painted within --limit seconds prints "did not finish in N s".
 *
 * The peers are installed in this folder only, never in the app:
 *   (cd bench/peers && npm ci) && npm run build && npx tsx bench/peers/peer-bench.ts
 * Options: --runs N (default 3), --limit S (default 120), --spans 1000,10000
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { openWorkbench } from '../../electron/services/workbench';
import { buildArticle, seedSpans, startHost } from '../annotate-bench';
import { launchChromium, newBenchPage, openInReader } from '../bench-browser';

interface BenchSpan {
  id: number;
  labelKey: string;
  start: number;
  end: number;
}

interface Peer {
  name: string;
  /** Opens the document with `spans` spans in `page`; resolves with ms to the first highlighted frame. */
  open(browser: Browser, spans: number, limitMs: number): Promise<number | null>;
  stop?(): void;
}

const PEERS_DIR = __dirname;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves this folder's pages and node_modules, and the documents as JSON, on 127.0.0.1 only. */
async function startStaticServer(documents: Map<number, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const document = /^\/data\/(\d+)\.json$/.exec(path);
    if (document) {
      const body = documents.get(Number(document[1]));
      response.writeHead(body ? 200 : 404, { 'content-type': CONTENT_TYPES['.json'] as string });
      response.end(body ?? '');
      return;
    }
    const file = join(PEERS_DIR, path);
    const servable = /^\/[\w-]+\.(html|js)$/.test(path) || path.startsWith('/node_modules/');
    if (!servable || !file.startsWith(PEERS_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Resolves with the promise's value, or null once `limitMs` has passed. */
async function withinLimit<T>(promise: Promise<T>, limitMs: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), limitMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function marginalia(spanCounts: readonly number[], dir: string): Promise<Peer> {
  const hosts = new Map<number, { url: string; articleId: number; stop: () => void }>();
  for (const count of spanCounts) {
    const databasePath = join(dir, `marginalia-${count}.db`);
    const articleId = seedSpans(databasePath, count);
    hosts.set(count, { ...(await startHost(databasePath)), articleId });
  }
  return {
    name: 'Marginalia',
    async open(browser, spans, limitMs) {
      const host = hosts.get(spans) as { url: string; articleId: number };
      const page = await newBenchPage(browser);
      try {
        await page.goto(host.url, { timeout: limitMs });
        return await withinLimit(openInReader(page, host.articleId), limitMs);
      } finally {
        await page.close();
      }
    },
    stop: () => hosts.forEach((host) => host.stop()),
  };
}

function staticPeer(name: string, pagePath: string, origin: string): Peer {
  return {
    name,
    async open(browser, spans, limitMs) {
      const page = await newBenchPage(browser);
      try {
        // Loading the library is not timed, but on a busy machine it may take longer than
        // Playwright's default 30 s: allow it the limit too.
        await page.goto(`${origin}${pagePath}`, { timeout: limitMs });
        await page.waitForFunction(() => 'benchOpen' in window, undefined, { timeout: limitMs });
        return await withinLimit(
          page.evaluate(
            (url) => (window as unknown as { benchOpen: (url: string) => Promise<number> }).benchOpen(url),
            `/data/${spans}.json`,
          ),
          limitMs,
        );
      } finally {
        // A peer still busy past the limit holds its renderer: closing the page ends it.
        await page.close({ runBeforeUnload: false });
      }
    },
  };
}

function spansOf(databasePath: string): BenchSpan[] {
  const workbench = openWorkbench(databasePath);
  try {
    const [article] = workbench.articles.list();
    if (!article) throw new Error(`${databasePath}: no article was seeded`);
    return workbench.annotationRows
      .listForArticle(article.id)
      .map(({ id, labelKey, start, end }) => ({ id, labelKey, start, end }));
  } finally {
    workbench.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      limit: { type: 'string', default: '120' },
      spans: { type: 'string', default: '1000,10000' },
    },
  });
  const runs = Number(values.runs);
  const limitS = Number(values.limit);
  const spanCounts = values.spans.split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got ${values.runs}`);
  if (!(limitS > 0)) throw new Error(`--limit: expected seconds > 0, got ${values.limit}`);
  if (spanCounts.some((count) => !Number.isInteger(count) || count < 1)) {
    throw new Error(`--spans: expected positive integers separated by commas, got ${values.spans}`);
  }
  for (const library of ['@recogito/text-annotator', '@heartexlabs/label-studio']) {
    if (!existsSync(join(PEERS_DIR, 'node_modules', library))) {
      throw new Error(`${library} is not installed: run (cd bench/peers && npm ci) first`);
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'marginalia-peer-bench-'));
  const text = buildArticle();
  const peers: Peer[] = [await marginalia(spanCounts, dir)];
  const documents = new Map(
    spanCounts.map((count) => [
      count,
      JSON.stringify({
        text,
        spans: spansOf(join(dir, `marginalia-${count}.db`)),
        labels: ['RISK', 'PROPOSAL', 'PER', 'ORG', 'LOC', 'DATE', 'TITLE', 'LAW', 'EVENT', 'MISC'],
      }),
    ]),
  );
  const { origin, server } = await startStaticServer(documents);
  peers.push(staticPeer('@recogito/text-annotator 4.1.1', '/recogito.html', origin));
  peers.push(staticPeer('Label Studio frontend 1.4.0', '/label-studio.html', origin));
  const browser = await launchChromium();
  try {
    console.log(
      `Open → first frame with highlights, ${text.length.toLocaleString('en')} characters, ${runs} run(s) each; ` +
        `load average ${loadavg()
          .map((load) => load.toFixed(1))
          .join(', ')} (${cpus().length} CPUs)`,
    );
    for (const spans of spanCounts) {
      const medians = new Map<string, number>();
      for (const peer of peers) {
        const times: number[] = [];
        let finished = true;
        for (let run = 0; run < runs && finished; run++) {
          const ms = await peer.open(browser, spans, limitS * 1000);
          if (ms === null) finished = false;
          else times.push(ms);
        }
        const label = `${spans.toLocaleString('en')} spans  ${peer.name.padEnd(32)}`;
        if (!finished) {
          console.log(`${label} did not finish in ${limitS} s`);
          continue;
        }
        medians.set(peer.name, median(times));
        const range = `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms`;
        console.log(`${label} median ${median(times).toFixed(0)} ms (${range})`);
      }
      const ours = medians.get('Marginalia');
      for (const [name, ms] of medians) {
        if (name !== 'Marginalia' && ours) {
          console.log(
            `  ${name} / Marginalia: ${(ms / ours).toFixed(1)}× (target ≥ 2× against Recogito at 1,000 spans)`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    for (const peer of peers) peer.stop?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
