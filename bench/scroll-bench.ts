/**
 * Scrolling benchmark for the reader, in Chromium through the browser host, on the annotating
 * benchmark's article (400,000 characters, 10,000 spans; bench/annotate-bench.ts builds it):
 * the article is opened, then scrolled top to bottom by 120 px per frame while rAF frame times
 * and long tasks (> 50 ms) are recorded. The CDP Performance counters over the scroll say where
 * the main thread went (script, style, layout, everything else: mostly paint and observers).
 *
 * Options: --frames N (stop after N frames; default: the whole article), --runs N (default 1),
 *          --trace (also record a CDP trace of the scroll and print the main thread's self time
 *          by event name, e.g. IntersectionObserver work, Paint, Layout).
 *
 * Run: npm run build && npx tsx bench/scroll-bench.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { seedSpans, startHost } from './annotate-bench';
import { launchChromium, newBenchPage, openInReader } from './bench-browser';

const SCROLL_STEP_PX = 120;

interface ScrollResult {
  frames: number;
  seconds: number;
  frameMs: number[];
  longTasks: number[];
  /** Animation frames over 50 ms (`long-animation-frame`), with the scripts that ran in them. */
  longFrames: LongFrame[];
}

/** A long animation frame: when (ms from the scroll's start), how long, and what ran in it. */
interface LongFrame {
  atMs: number;
  durationMs: number;
  /** ms from the frame's start to its rendering (style, layout, paint) and to its style and layout. */
  renderStartMs: number;
  styleAndLayoutStartMs: number;
  scripts: string[];
}

interface TraceEvent {
  ph: string;
  name: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what a loaded machine does not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
};

function scrollThrough(page: Page, maxFrames: number): Promise<ScrollResult> {
  return page.evaluate(
    ({ step, maxFrames }) =>
      new Promise<ScrollResult>((resolve) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) =>
          list.getEntries().forEach((entry) => longTasks.push(entry.duration)),
        );
        observer.observe({ type: 'longtask', buffered: false });
        // What a long task was: the long animation frames name the scripts that ran in them
        // (callback kind, function, duration, forced style and layout), cheaply, without a trace.
        interface ScriptTiming extends PerformanceEntry {
          invoker: string;
          invokerType: string;
          sourceFunctionName: string;
          sourceURL: string;
          sourceCharPosition: number;
          forcedStyleAndLayoutDuration: number;
        }
        interface LongFrameTiming extends PerformanceEntry {
          renderStart: number;
          styleAndLayoutStart: number;
          scripts: ScriptTiming[];
        }
        // Kept as they come and described at the end: the observer's callback stays a few µs.
        const seen: LongFrameTiming[] = [];
        let start = 0;
        const frames = new PerformanceObserver((list) => seen.push(...(list.getEntries() as LongFrameTiming[])));
        const describe = (entry: LongFrameTiming): LongFrame => ({
          atMs: entry.startTime - start,
          durationMs: entry.duration,
          renderStartMs: entry.renderStart ? entry.renderStart - entry.startTime : -1,
          styleAndLayoutStartMs: entry.styleAndLayoutStart ? entry.styleAndLayoutStart - entry.startTime : -1,
          scripts: entry.scripts.map(
            (script) =>
              `${script.invokerType} ${script.invoker} ${script.duration.toFixed(0)} ms ` +
              `(forced style/layout ${script.forcedStyleAndLayoutDuration.toFixed(0)}) ` +
              `${script.sourceFunctionName || '?'}@${script.sourceURL.split('/').pop()}:${script.sourceCharPosition}`,
          ),
        });
        frames.observe({ type: 'long-animation-frame', buffered: false });
        const scroller = document.querySelector('.reader__page') as HTMLElement;
        scroller.scrollTop = 0;
        const frameMs: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (start === 0) start = now;
          else frameMs.push(now - last);
          last = now;
          const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
          if (atEnd || frameMs.length >= maxFrames) {
            observer.disconnect();
            // The last frame's entry is reported after it ends: one more frame before stopping.
            requestAnimationFrame(() => {
              frames.disconnect();
              resolve({
                frames: frameMs.length,
                seconds: (now - start) / 1000,
                frameMs,
                longTasks,
                longFrames: seen.map(describe),
              });
            });
            return;
          }
          scroller.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { step: SCROLL_STEP_PX, maxFrames },
  );
}

/**
 * The renderer main thread's tasks that used the most thread time, each with the largest named
 * events inside (functions by name, scripts by file): what the long tasks were.
 */
function costliestTasks(events: TraceEvent[], count: number): string[] {
  const main = events.find((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X');
  const tasks = onMain.filter((event) => event.name === 'ThreadControllerImpl::RunTask');
  const start = Math.min(...tasks.map((task) => task.ts));
  const cpu = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;
  return tasks
    .sort((a, b) => cpu(b) - cpu(a))
    .slice(0, count)
    .map((task) => {
      const inner = onMain
        .filter(
          (event) =>
            event !== task &&
            event.ts >= task.ts &&
            event.ts <= task.ts + (task.dur ?? 0) &&
            [
              'FunctionCall',
              'EvaluateScript',
              'v8.evaluateModule',
              'UpdateLayoutTree',
              'Layout',
              'Paint',
              'MajorGC',
              'MinorGC',
              'HitTest',
              'IntersectionObserverController::computeIntersections',
            ].includes(event.name),
        )
        .sort((a, b) => cpu(b) - cpu(a))
        .slice(0, 5)
        .map((event) => {
          const where = event.args?.data?.functionName || event.args?.data?.url?.split('/').pop();
          return `${event.name}${where ? ` ${where}` : ''} ${cpu(event).toFixed(1)}`;
        });
      return `at ${((task.ts - start) / 1000).toFixed(0)} ms: ${cpu(task).toFixed(1)} ms CPU (${((task.dur ?? 0) / 1000).toFixed(1)} wall): ${inner.join(', ')}`;
    });
}

/** Self time (own duration minus children's) per event name on the renderer's main thread. */
function mainThreadSelfTimes(events: TraceEvent[]): { busyMs: number; byName: [string, number][] } {
  const main = events.find((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain');
  if (!main) return { busyMs: 0, byName: [] };
  const slices = events
    .filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let busyUs = 0;
  for (const slice of slices) {
    const duration = slice.dur as number;
    while (stack.length && (stack[stack.length - 1] as { end: number }).end <= slice.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - duration);
    else busyUs += duration;
    self.set(slice.name, (self.get(slice.name) ?? 0) + duration);
    stack.push({ end: slice.ts + duration, name: slice.name });
  }
  const byName = [...self.entries()]
    .map(([name, us]): [string, number] => [name, us / 1000])
    .sort((a, b) => b[1] - a[1]);
  return { busyMs: busyUs / 1000, byName };
}

async function runOnce(browser: Browser, url: string, articleId: number, maxFrames: number, trace: boolean) {
  const page = await newBenchPage(browser);
  await page.goto(url);
  await openInReader(page, articleId);
  await page.waitForTimeout(1000); // let the opening settle: the scroll is measured alone
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    new Map((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
  if (trace) {
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'toplevel'],
    });
  }
  // API answers and script chunks that come in during the scroll: their handling (a chunk's
  // evaluation) runs between the scroll's frames.
  const answers: string[] = [];
  const scrolling = { since: 0 };
  page.on('requestfinished', (request) => {
    const url = request.url();
    if (!scrolling.since || !(url.includes('/api/') || url.endsWith('.js'))) return;
    const at = Date.now() - scrolling.since;
    const name = url.includes('/api/') ? url.split('/api/')[1] : url.split('/').pop();
    void request
      .sizes()
      .then(({ responseBodySize }) =>
        answers.push(`${name} at ${at.toFixed(0)} ms (${(responseBodySize / 1000).toFixed(0)} kB)`),
      );
  });
  const before = await metrics();
  scrolling.since = Date.now();
  const result = await scrollThrough(page, maxFrames);
  scrolling.since = 0;
  const after = await metrics();
  const traceBuffer = trace ? await browser.stopTracing() : null;
  await page.close();
  const spent = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000;
  const slow = result.frameMs.filter((ms) => ms > 1.5 * (1000 / 60)).length;
  console.log(
    `scroll ${result.frames} frames in ${result.seconds.toFixed(1)} s: ${(result.frames / result.seconds).toFixed(0)} fps, ` +
      `frame p50 ${percentile(result.frameMs, 50).toFixed(1)} ms, p95 ${percentile(result.frameMs, 95).toFixed(1)} ms, ` +
      `worst ${Math.max(...result.frameMs).toFixed(0)} ms, frames over 25 ms: ${slow}, ` +
      `long tasks > 50 ms: ${result.longTasks.length} (worst ${Math.max(0, ...result.longTasks).toFixed(0)} ms); ` +
      'target 60 fps with no long task, on a quiet machine',
  );
  for (const frame of result.longFrames) {
    console.log(
      `  long frame at ${frame.atMs.toFixed(0)} ms: ${frame.durationMs.toFixed(0)} ms ` +
        `(rendering from ${frame.renderStartMs.toFixed(0)}, style and layout from ${frame.styleAndLayoutStartMs.toFixed(0)} ms)` +
        (frame.scripts.length ? `; scripts: ${frame.scripts.join('; ')}` : '; no script'),
    );
  }
  if (answers.length)
    console.log(
      `  API answers and scripts loaded during the scroll (ms from its start, roughly): ${answers.join(', ')}`,
    );
  const task = spent('TaskDuration');
  const script = spent('ScriptDuration');
  const style = spent('RecalcStyleDuration');
  const layout = spent('LayoutDuration');
  console.log(
    `  main thread busy ${task.toFixed(0)} ms of ${(result.seconds * 1000).toFixed(0)} ms: script ${script.toFixed(0)}, ` +
      `style ${style.toFixed(0)}, layout ${layout.toFixed(0)}, other (paint, observers, …) ${(task - script - style - layout).toFixed(0)}`,
  );
  if (traceBuffer) {
    mkdirSync(join(__dirname, '.tmp'), { recursive: true });
    const tracePath = join(__dirname, '.tmp', 'scroll-trace.json');
    writeFileSync(tracePath, traceBuffer);
    console.log(`  trace written to ${tracePath} (open it in Chromium's performance panel)`);
    const { traceEvents } = JSON.parse(traceBuffer.toString()) as { traceEvents: TraceEvent[] };
    const { busyMs, byName } = mainThreadSelfTimes(traceEvents);
    console.log(`  trace, renderer main thread busy ${busyMs.toFixed(0)} ms; self time by event:`);
    for (const [name, ms] of byName.slice(0, 14)) {
      console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${((ms / busyMs) * 100).toFixed(0).padStart(3)} %  ${name}`);
    }
    console.log('  trace, the tasks that used the most thread time (ms from the trace start):');
    for (const line of costliestTasks(traceEvents, 8)) console.log(`    ${line}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      frames: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
      runs: { type: 'string', default: '1' },
      trace: { type: 'boolean', default: false },
    },
  });
  const maxFrames = Number(values.frames);
  const runs = Number(values.runs);
  if (!Number.isInteger(maxFrames) || maxFrames < 1)
    throw new Error(`--frames: expected a positive integer, got ${values.frames}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got ${values.runs}`);

  const dir = mkdtempSync(join(tmpdir(), 'marginalia-scroll-bench-'));
  const databasePath = join(dir, 'bench.db');
  const articleId = seedSpans(databasePath);
  const host = await startHost(databasePath);
  const browser = await launchChromium();
  try {
    console.log(
      `load average: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')} (${cpus().length} CPUs)`,
    );
    console.log(
      `Article: 400,000 characters, 10,000 spans; scrolled ${SCROLL_STEP_PX} px per frame (Chromium, browser host)`,
    );
    for (let run = 0; run < runs; run++) await runOnce(browser, host.url, articleId, maxFrames, values.trace);
  } finally {
    await browser.close();
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
