/**
 * The library's first paint, broken down (issue 13: < 500 ms at 100,000 articles). Starts the
 * browser host on an existing library (`--db FILE`, e.g. a copy of the 100,000-article bench
 * database; it is not seeded here), waits for its startup backup and check, then opens the app
 * `--runs N` times, each in a fresh browser context (an empty HTTP and code cache, as a first
 * start), and prints for each run, from the navigation: the document, every script, style sheet
 * and font (request → response end), every API call (sent, the host's answer: response start −
 * request start), the first contentful paint, the rows in the DOM and the frame after them; then
 * the renderer main thread's work (thread time, from a trace): script compile and evaluation,
 * React's mount, style, layout, paint, garbage collection, and its tasks over 5 ms in time order.
 * CPU: the renderer processes' and the host's, per run.
 *
 * `--profile DIR` also writes a V8 CPU profile of each run (DIR/first-paint-N.cpuprofile).
 *
 * Run: npm run build && npx tsx bench/first-paint-bench.ts --db FILE [--runs 5] [--profile DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processCpuMs, startHost, traced, type TraceEvent } from './annotate-bench';
import { launchChromium } from './bench-browser';
import { hostSettled, startupBackupDone } from './library-bench';

const ROW_SELECTOR = '.library__table tbody tr[data-article-id]';

/** Main-thread trace events whose thread time is summed (they nest: the shares overlap). */
const PHASES = [
  'ParseHTML',
  'v8.compile',
  'v8.compileModule',
  'v8.produceModuleCache',
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MinorGC',
  'MajorGC',
];

interface PageFigures {
  timeOrigin: number;
  navigation: { responseEnd: number; domInteractive: number; domContentLoaded: number; load: number };
  resources: {
    name: string;
    type: string;
    start: number;
    requestStart: number;
    responseStart: number;
    end: number;
    bytes: number;
  }[];
  paints: Record<string, number>;
  rowsAt: number;
  rowsFrameAt: number;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const threadMs = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, runs: { type: 'string', default: '5' }, profile: { type: 'string' } },
  });
  if (!values.db) throw new Error('--db FILE: a library to open (a copy; the host takes a backup of it)');
  const runs = Number(values.runs);
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' ');
  console.log(`Load average before: ${load()}`);
  const hostStarted = Date.now() - 1_000;
  const host = await startHost(values.db);
  await startupBackupDone(values.db, hostStarted);
  await hostSettled(host.child);
  const browser = await launchChromium();
  const browserCdp = await browser.newBrowserCDPSession();
  const rendererCpuMs = async () => {
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return processInfo
      .filter((process) => process.type === 'renderer')
      .reduce((sum, process) => sum + process.cpuTime * 1000, 0);
  };
  const summary: Record<string, number[]> = {};
  const keep = (name: string, value: number) => (summary[name] ??= []).push(value);
  try {
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      await context.addInitScript({
        content: `globalThis.__name = (fn) => fn;
          new MutationObserver((_, observer) => {
            if (!document.querySelector(${JSON.stringify(ROW_SELECTOR)})) return;
            observer.disconnect();
            window.benchRowsAt = performance.now();
            requestAnimationFrame(() => requestAnimationFrame(() => (window.benchRowsFrameAt = performance.now())));
          }).observe(document, { childList: true, subtree: true });`,
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const cpuBefore = await rendererCpuMs();
      const hostBefore = processCpuMs(host.child);
      if (values.profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const { events } = await traced(cdp, async () => {
        await page.goto(host.url);
        await page.waitForFunction(
          () => (globalThis as unknown as { benchRowsFrameAt?: number }).benchRowsFrameAt,
          null,
          {
            timeout: 120_000,
            polling: 50,
          },
        );
      });
      if (values.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(values.profile, { recursive: true });
        writeFileSync(join(values.profile, `first-paint-${run}.cpuprofile`), JSON.stringify(profile));
      }
      const rendererMs = (await rendererCpuMs()) - cpuBefore;
      const hostMs = processCpuMs(host.child) - hostBefore;
      const figures = await page.evaluate((): PageFigures => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const state = globalThis as unknown as { benchRowsAt: number; benchRowsFrameAt: number };
        return {
          timeOrigin: performance.timeOrigin,
          navigation: {
            responseEnd: navigation.responseEnd,
            domInteractive: navigation.domInteractive,
            domContentLoaded: navigation.domContentLoadedEventEnd,
            load: navigation.loadEventEnd,
          },
          resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
            name: new URL(entry.name).pathname.replace(/^.*\//, ''),
            type: entry.initiatorType,
            start: entry.startTime,
            requestStart: entry.requestStart,
            responseStart: entry.responseStart,
            end: entry.responseEnd,
            bytes: entry.encodedBodySize,
          })),
          paints: Object.fromEntries(
            performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]),
          ),
          rowsAt: state.benchRowsAt,
          rowsFrameAt: state.benchRowsFrameAt,
        };
      });
      await context.close();

      console.log(`\n## Run ${run} (load ${load()})`);
      console.log(
        `document ${ms(figures.navigation.responseEnd)}, DOM interactive ${ms(figures.navigation.domInteractive)}, ` +
          `DOMContentLoaded ${ms(figures.navigation.domContentLoaded)}, load ${ms(figures.navigation.load)}`,
      );
      for (const resource of figures.resources.sort((a, b) => a.start - b.start)) {
        const answer = resource.name.startsWith('api') || resource.type === 'fetch';
        console.log(
          `  ${resource.type.padEnd(14)} ${resource.name.padEnd(48)} ${ms(resource.start).padStart(8)} → ${ms(resource.end).padStart(8)}` +
            (answer
              ? `  (host ${ms(resource.responseStart - resource.requestStart)})`
              : `  ${(resource.bytes / 1000).toFixed(0)} kB`),
        );
      }
      console.log(
        `first contentful paint ${ms(figures.paints['first-contentful-paint'] ?? NaN)}; rows in the DOM ${ms(figures.rowsAt)}; ` +
          `the frame after them ${ms(figures.rowsFrameAt)}`,
      );

      // The page's renderer main thread: the one that parsed the document.
      const parse = events.find((event) => event.name === 'ParseHTML');
      const main = events.filter((event) => event.pid === parse?.pid && event.tid === parse?.tid && event.ph === 'X');
      const navigationStart = events.find((event) => event.name === 'navigationStart' && event.pid === parse?.pid)?.ts;
      const origin = navigationStart ?? Math.min(...main.map((event) => event.ts));
      const until = origin + figures.rowsFrameAt * 1000;
      const inWindow = main.filter((event) => event.ts <= until);
      const phases = new Map<string, number>();
      for (const event of inWindow)
        if (PHASES.includes(event.name)) phases.set(event.name, (phases.get(event.name) ?? 0) + threadMs(event));
      const top: TraceEvent[] = [];
      let outerEnd = -Infinity;
      for (const event of inWindow
        .filter((candidate) => (candidate.cat ?? '').split(',').includes('toplevel'))
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
        if (event.ts < outerEnd) continue;
        top.push(event);
        outerEnd = event.ts + (event.dur ?? 0);
      }
      const busy = top.reduce((sum, event) => sum + threadMs(event), 0);
      console.log(
        `main thread ${ms(busy)} in ${top.length} tasks until the frame after the rows; ` +
          [...phases]
            .sort((a, b) => b[1] - a[1])
            .map(([phase, value]) => `${phase} ${value.toFixed(0)}`)
            .join(', '),
      );
      for (const task of top.filter((event) => threadMs(event) > 5)) {
        const inside = inWindow
          .filter(
            (event) =>
              event !== task &&
              PHASES.includes(event.name) &&
              event.ts >= task.ts &&
              event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0),
          )
          .reduce(
            (map, event) => map.set(event.name, (map.get(event.name) ?? 0) + threadMs(event)),
            new Map<string, number>(),
          );
        console.log(
          `  task at ${ms((task.ts - origin) / 1000).padStart(8)}: ${ms((task.dur ?? 0) / 1000)} wall, ${ms(threadMs(task))} thread` +
            ` — ${[...inside]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 5)
              .map(([name, value]) => `${name} ${value.toFixed(0)}`)
              .join(', ')}`,
        );
      }
      console.log(`renderer processes CPU ${ms(rendererMs)}, host CPU ${ms(hostMs)}`);
      keep('rows frame (wall)', figures.rowsFrameAt);
      keep('main thread busy (thread time)', busy);
      keep('renderer CPU', rendererMs);
      keep('host CPU', hostMs);
    }
  } finally {
    await browser.close();
    host.stop();
  }
  console.log(`\n| First paint, ${runs} cold runs | median | min | max |\n| --- | --- | --- | --- |`);
  for (const [name, values] of Object.entries(summary)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `| ${name} | ${ms(sorted[Math.floor(sorted.length / 2)]!)} | ${ms(sorted[0]!)} | ${ms(sorted.at(-1)!)} |`,
    );
  }
  console.log(`Load average after: ${load()}`);
}

void main();
