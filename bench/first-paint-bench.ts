/**
 * The library's first paint, broken down (issue 13: < 500 ms at 100,000 articles). Starts the
 * browser host on an existing library (`--db FILE`, e.g. a copy of the 100,000-article bench
 * database; it is not seeded here), waits for its startup backup and check, then opens the app
 * `--runs N` times, each in a fresh browser context (an empty HTTP and code cache, as a first
 * start), and prints for each run, from the navigation: the document, every script, style sheet
 * and font (request → response end), every API call (sent, the host's answer: response start −
 * request start), the first contentful paint, the rows in the DOM, the next frame begun after
 * them (two animation frames: the main thread has produced that frame) and **the rows shown**:
 * Element Timing's render time of the first row's title, the time the frame that first showed
 * its text was presented. That is the figure the target is judged by (the frame can be produced
 * and still reach the screen 100–400 ms later while other threads hold both cores).
 * CPU: the renderer processes' and the host's, per run.
 *
 * `--trace`: a Chromium trace of each run, and the renderer main thread's work until the rows
 * were shown (thread time): script compile and evaluation, React's mount, style, layout, paint,
 * garbage collection, and its tasks over 5 ms in time order. Off by default since 2026-11-30
 * (paint, fifth pass): its categories (v8, blink, devtools.timeline) streamed to the bench during
 * the run cost CPU on the same cores and delay what is timed.
 *
 * `--threads`: the CPU of every thread of Chromium's processes and of the host, from /proc,
 * until the rows were shown (by process type and thread name).
 *
 * `--profile DIR` also writes a V8 CPU profile of each run (DIR/first-paint-N.cpuprofile).
 *
 * `--warm`: every run is a start of Chromium on one persistent profile, after two starts that
 * filled its HTTP cache, V8's code cache and the app's local storage: the desktop app's second and
 * later starts (its custom scheme has the code cache too, electron/main/app-protocol.ts). Rows
 * painted before the app mounted are reported beside the app's own: the start script's early rows,
 * or the library's first screen the host rendered into the page (on every start since s32).
 *
 * Run: npm run build && npx tsx bench/first-paint-bench.ts --db FILE [--runs 5] [--profile DIR] [--warm]
 *   [--trace] [--threads]
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { processCpuMs, startHost, traced, type TraceEvent } from './annotate-bench';
import { launchChromium, launchPersistentChromium } from './bench-browser';
import { hostSettled, startupBackupDone } from './library-bench';

const ROW_SELECTOR = '.library__table tbody tr[data-article-id]';
/**
 * The rows React rendered (inside the app), as against rows painted before it mounted: the start
 * script's early rows, or the host's first screen (inert until the app replaces it).
 */
const APP_ROW_SELECTOR = `#root:not([inert]) .app ${ROW_SELECTOR}`;
/** Starts on the profile before the measured ones with `--warm`. */
const WARM_STARTS = 2;

/**
 * Marks, in the page, when the first rows are in the DOM and the frame after them, and the same
 * for the rows of React's mount (the same moments unless rows were painted before it).
 */
const ROWS_WATCH = `globalThis.__name = (fn) => fn;
  // Element Timing names a row's title by the figures it gives (both, when the first rows are the app's).
  const shownNames = new Map();
  const watch = (selector, at, frameAt, shownAt) =>
    new MutationObserver((_, observer) => {
      const row = document.querySelector(selector);
      if (!row) return;
      observer.disconnect();
      window[at] = performance.now();
      if (at === 'benchRowsAt') window.benchRowsEarly = !row.closest('#root:not([inert]) .app');
      // Element Timing: when the frame that first showed the title's text was presented.
      const title = row.querySelector('.library__title button');
      const names = shownNames.get(title) ?? [];
      shownNames.set(title, [...names, shownAt]);
      title.setAttribute('elementtiming', names[0] ?? shownAt);
      // The host's first screen hydrated: the app took over rows already shown, which are not
      // painted again; theirs is the frame after the hydration (produced, not yet presented).
      const hydrated = names.length > 0 && window.benchRowsEarly;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          window[frameAt] = performance.now();
          if (hydrated) window[shownAt] ??= window[frameAt];
        }),
      );
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      for (const name of shownNames.get(entry.element) ?? [entry.identifier]) window[name] ??= entry.renderTime;
  }).observe({ type: 'element', buffered: true });
  watch(${JSON.stringify(ROW_SELECTOR)}, 'benchRowsAt', 'benchRowsFrameAt', 'benchRowsShownAt');
  watch(${JSON.stringify(APP_ROW_SELECTOR)}, 'benchAppRowsAt', 'benchAppRowsFrameAt', 'benchAppRowsShownAt');`;

/**
 * CPU time (ms) of every thread of this process's descendants (Chromium's processes and the
 * host), from /proc, keyed "process type / thread name" (numbers in thread names dropped, so a
 * pool's threads add up): who used the cores during a start.
 */
function threadsCpu(): Map<string, number> {
  const parentOf = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      parentOf.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!);
    } catch {
      // The process ended while being read.
    }
  }
  const ours = (pid: string): boolean => {
    for (let at: string | undefined = pid; at && at !== '0'; at = parentOf.get(at))
      if (at === String(process.pid)) return true;
    return false;
  };
  const cpu = new Map<string, number>();
  for (const pid of parentOf.keys()) {
    if (pid === String(process.pid) || !ours(pid)) continue;
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(commandLine)?.[1] ?? (commandLine.includes('chrom') ? 'browser' : 'host');
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[\d/:]+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
        const key = `${type} / ${name}`;
        cpu.set(key, (cpu.get(key) ?? 0) + ms);
      }
    } catch {
      // The process ended while being read.
    }
  }
  return cpu;
}

/** The threads that used more than 20 ms between two readings of `threadsCpu`, most first. */
function threadsCpuSince(before: Map<string, number>): string {
  return [...threadsCpu()]
    .map(([key, value]) => [key, value - (before.get(key) ?? 0)] as const)
    .filter(([, value]) => value > 20)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => `${key} ${value.toFixed(0)}`)
    .join(', ');
}

/** CPU time of the renderer processes of the Chromium running on `profileDir`, from /proc. */
function rendererCpuFromProc(profileDir: string): number {
  const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const commandLine = (pid: string) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!commandLine(pid).includes('--type=renderer')) continue;
      // The renderer's parent is the zygote, whose parent is the browser named by its profile.
      let ancestor = stat(pid)[1]!;
      let ours = false;
      for (let level = 0; level < 3 && ancestor !== '0' && !ours; level++) {
        ours = commandLine(ancestor).includes(profileDir);
        ancestor = stat(ancestor)[1]!;
      }
      const fields = stat(pid);
      if (ours) sum += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // The process ended while being read.
    }
  }
  return sum;
}
const CLOCK_TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

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
    fromCache: boolean;
  }[];
  paints: Record<string, number>;
  rowsAt: number;
  rowsFrameAt: number;
  rowsShownAt: number;
  appRowsAt: number;
  appRowsFrameAt: number;
  appRowsShownAt: number;
  rowsEarly: boolean;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * True once the app's rows have been shown and both rows' frames have passed, and the first rows
 * have been shown: by Element Timing, or, for rows painted before the app mounted, by the first
 * contentful paint (Chromium reports no Element Timing for those rows' text, not understood yet;
 * with nothing else on the page, the first contentful paint is theirs).
 */
const rowsShown = () => {
  const state = globalThis as unknown as Record<string, number | boolean | undefined>;
  const firstShown =
    state.benchRowsShownAt !== undefined ||
    (state.benchRowsEarly === true && performance.getEntriesByName('first-contentful-paint').length > 0);
  return (
    firstShown &&
    ['benchRowsFrameAt', 'benchAppRowsShownAt', 'benchAppRowsFrameAt'].every((name) => state[name] !== undefined)
  );
};
const threadMs = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;

/**
 * Prints the renderer main thread's work from the trace until `untilMs` after the navigation
 * (thread time by phase, and its tasks over 5 ms in time order); returns its busy time.
 */
function mainThreadUntil(events: TraceEvent[], untilMs: number): number {
  // The page's renderer main thread: the one that parsed the document.
  const parse = events.find((event) => event.name === 'ParseHTML');
  const main = events.filter((event) => event.pid === parse?.pid && event.tid === parse?.tid && event.ph === 'X');
  const navigationStart = events.find((event) => event.name === 'navigationStart' && event.pid === parse?.pid)?.ts;
  const origin = navigationStart ?? Math.min(...main.map((event) => event.ts));
  const until = origin + untilMs * 1000;
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
    `main thread ${ms(busy)} in ${top.length} tasks until the rows were shown; ` +
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
  return busy;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      runs: { type: 'string', default: '5' },
      profile: { type: 'string' },
      warm: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      threads: { type: 'boolean', default: false },
    },
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
  const viewport = { width: 1360, height: 900 };
  const summary: Record<string, number[]> = {};
  const keep = (name: string, value: number) => (summary[name] ??= []).push(value);
  const browser = values.warm ? null : await launchChromium();
  const browserCdp = await browser?.newBrowserCDPSession();
  const profileDir = values.warm ? mkdtempSync(join(tmpdir(), 'marginalia-first-paint-')) : '';
  /** The CPU of this run's renderer processes: from the browser (cold), from /proc (warm: a persistent context has no browser session). */
  const rendererCpuMs = async () => {
    if (!browserCdp) return rendererCpuFromProc(profileDir);
    const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return processInfo
      .filter((process) => process.type === 'renderer')
      .reduce((sum, process) => sum + process.cpuTime * 1000, 0);
  };
  const openContext = async () => {
    const context = browser
      ? await browser.newContext({ viewport })
      : await launchPersistentChromium(profileDir, viewport);
    await context.addInitScript({ content: ROWS_WATCH });
    return context;
  };
  try {
    if (values.warm) {
      // Starts before the measured ones, on the same profile: the first fills the HTTP cache,
      // the second makes V8's code cache (Chromium keeps a script's compiled code from its second
      // run); both leave what the app keeps in local storage. Each waits until the app is idle.
      for (let start = 1; start <= WARM_STARTS; start++) {
        const context = await openContext();
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(host.url);
        await page.waitForFunction(rowsShown);
        await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestIdleCallback(resolve), 2_000)));
        await context.close();
      }
      console.log(`(${WARM_STARTS} starts on the profile ${profileDir} before the measured ones)`);
    }
    for (let run = 1; run <= runs; run++) {
      const context = await openContext();
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const cpuBefore = browserCdp ? await rendererCpuMs() : 0;
      const hostBefore = processCpuMs(host.child);
      const threadsBefore = values.threads ? threadsCpu() : new Map<string, number>();
      if (values.profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const openApp = async () => {
        await page.goto(host.url);
        await page.waitForFunction(rowsShown, null, { timeout: 120_000, polling: 50 });
      };
      const events = values.trace ? (await traced(cdp, openApp)).events : (await openApp(), []);
      if (values.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(values.profile, { recursive: true });
        writeFileSync(join(values.profile, `first-paint-${run}.cpuprofile`), JSON.stringify(profile));
      }
      const rendererMs = (await rendererCpuMs()) - cpuBefore;
      const hostMs = processCpuMs(host.child) - hostBefore;
      const threads = values.threads ? threadsCpuSince(threadsBefore) : '';
      const figures = await page.evaluate((): PageFigures => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const state = globalThis as unknown as {
          benchRowsAt: number;
          benchRowsFrameAt: number;
          benchRowsShownAt: number;
          benchAppRowsAt: number;
          benchAppRowsFrameAt: number;
          benchAppRowsShownAt: number;
          benchRowsEarly: boolean;
        };
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
            fromCache: entry.transferSize === 0 && entry.encodedBodySize > 0,
          })),
          paints: Object.fromEntries(
            performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]),
          ),
          rowsAt: state.benchRowsAt,
          rowsFrameAt: state.benchRowsFrameAt,
          rowsShownAt:
            state.benchRowsShownAt ??
            performance.getEntriesByName('first-contentful-paint')[0]?.startTime ??
            Number.NaN,
          appRowsAt: state.benchAppRowsAt,
          appRowsFrameAt: state.benchAppRowsFrameAt,
          appRowsShownAt: state.benchAppRowsShownAt,
          rowsEarly: state.benchRowsEarly,
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
              : `  ${(resource.bytes / 1000).toFixed(0)} kB${resource.fromCache ? ' (HTTP cache)' : ''}`),
        );
      }
      console.log(
        `first contentful paint ${ms(figures.paints['first-contentful-paint'] ?? NaN)}; rows in the DOM ${ms(figures.rowsAt)}; ` +
          `the next frame begun ${ms(figures.rowsFrameAt)}; the rows shown ${ms(figures.rowsShownAt)}` +
          (figures.rowsEarly
            ? ` (painted before the app mounted; the app's rows in the DOM ${ms(figures.appRowsAt)}, shown ${ms(figures.appRowsShownAt)})`
            : ''),
      );

      if (values.trace)
        keep('main thread busy until the rows shown (thread time)', mainThreadUntil(events, figures.rowsShownAt));
      if (values.threads) console.log(`CPU by process and thread (ms, until the rows were shown): ${threads}`);
      console.log(`renderer processes CPU ${ms(rendererMs)}, host CPU ${ms(hostMs)}`);
      keep('rows shown (wall)', figures.rowsShownAt);
      keep("app's rows shown (wall)", figures.appRowsShownAt);
      keep('rows in the DOM, next frame begun (wall)', figures.rowsFrameAt);
      keep('first contentful paint (wall)', figures.paints['first-contentful-paint'] ?? NaN);
      keep('renderer CPU', rendererMs);
      keep('host CPU', hostMs);
    }
  } finally {
    await browser?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    host.stop();
  }
  console.log(
    `\n| First paint, ${runs} ${values.warm ? 'warm' : 'cold'} runs | median | min | max |\n| --- | --- | --- | --- |`,
  );
  for (const [name, values] of Object.entries(summary)) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `| ${name} | ${ms(sorted[Math.floor(sorted.length / 2)]!)} | ${ms(sorted[0]!)} | ${ms(sorted.at(-1)!)} |`,
    );
  }
  console.log(`Load average after: ${load()}`);
}

void main();
