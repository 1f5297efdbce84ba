/**
 * The reader's responsiveness while suggestions load and paint (issue 14, "the reader stays
 * responsive while suggestions paint"), in Chromium through the browser host:
 * - the 400,000-character article of annotate-bench.ts, with no spans, so that every gazetteer
 *   name and pattern in it is a suggestion (thousands; the panel lists the first 1,000);
 * - from the click that opens it until one second after the suggestion highlights are
 *   registered, the page scrolls the reader one step per frame, as a reader would, and records
 *   every frame's length and every long task (> 50 ms, the Long Tasks API);
 * - printed: time to the suggestions on screen, frames per second, worst frame, frames over
 *   50 ms, long tasks and the worst one, and the same for the second after the paint alone.
 *
 *   npm run build && npx tsx bench/suggest-paint-bench.ts
 *
 * Prints the load average: on a shared machine the figures are upper bounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSpans, startHost } from './annotate-bench';
import { launchChromium, newBenchPage } from './bench-browser';

interface FrameWindow {
  frames: number[];
  longTasks: number[];
}

interface Measured {
  toPaintedMs: number;
  rangesPainted: number;
  whileLoading: FrameWindow;
  afterPaint: FrameWindow;
}

const summary = (name: string, { frames, longTasks }: FrameWindow): string => {
  const seconds = frames.reduce((sum, ms) => sum + ms, 0) / 1000;
  const slow = frames.filter((ms) => ms > 50).length;
  return (
    `${name}: ${frames.length} frames in ${seconds.toFixed(1)} s (${(frames.length / Math.max(seconds, 0.001)).toFixed(0)} fps), ` +
    `worst frame ${Math.max(0, ...frames).toFixed(0)} ms, frames > 50 ms: ${slow}; ` +
    `long tasks: ${longTasks.length} (worst ${Math.max(0, ...longTasks).toFixed(0)} ms, total ${longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms)`
  );
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-suggest-paint-bench-'));
  const databasePath = join(dir, 'bench.db');
  const articleId = seedSpans(databasePath, 0);
  const host = await startHost(databasePath);
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    await page.goto(host.url);
    const row = page.locator(`tr[data-article-id="${articleId}"] button.link`);
    await row.waitFor();
    // The observers and the frame loop start at the click, in the page, before any answer comes.
    await page.evaluate(() => {
      document.addEventListener(
        'click',
        () => {
          const state = {
            start: performance.now(),
            paintedAt: 0,
            rangesPainted: 0,
            phase: 'loading' as 'loading' | 'after' | 'done',
            loading: { frames: [] as number[], longTasks: [] as number[] },
            after: { frames: [] as number[], longTasks: [] as number[] },
          };
          Object.assign(window, { benchState: state });
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (state.phase === 'done') continue;
              // A task belongs to the window it ended in.
              const bucket =
                state.paintedAt && entry.startTime + entry.duration > state.paintedAt ? state.after : state.loading;
              bucket.longTasks.push(entry.duration);
            }
          }).observe({ type: 'longtask', buffered: false });
          let last = state.start;
          const tick = (now: number) => {
            const bucket = state.phase === 'loading' ? state.loading : state.after;
            bucket.frames.push(now - last);
            last = now;
            let suggested = 0;
            CSS.highlights.forEach((highlight, name) => {
              if (name.startsWith('m-suggest-') && name !== 'm-suggest-focused') suggested += highlight.size;
            });
            if (state.phase === 'loading' && suggested > 0) {
              state.paintedAt = now;
              state.rangesPainted = suggested;
              state.phase = 'after';
            } else if (state.phase === 'after' && now - state.paintedAt > 1000) {
              state.phase = 'done';
              return;
            }
            // A reader scrolling on while the suggestions arrive.
            const scroller = document.querySelector<HTMLElement>('.reader__page');
            if (scroller) scroller.scrollTop += 40;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
    });
    await row.click();
    const measured = await page.evaluate(
      () =>
        new Promise<Measured>((resolve) => {
          const wait = () => {
            const state = (window as unknown as { benchState?: Record<string, never> }).benchState as unknown as
              | {
                  start: number;
                  paintedAt: number;
                  rangesPainted: number;
                  phase: string;
                  loading: FrameWindow;
                  after: FrameWindow;
                }
              | undefined;
            if (!state || state.phase !== 'done') {
              setTimeout(wait, 100);
              return;
            }
            resolve({
              toPaintedMs: state.paintedAt - state.start,
              rangesPainted: state.rangesPainted,
              whileLoading: state.loading,
              afterPaint: state.after,
            });
          };
          wait();
        }),
    );
    console.log('Article: 400,000 characters, no spans; suggestions from the shipped gazetteer and patterns');
    console.log(
      `click → suggestion highlights registered and painted: ${measured.toPaintedMs.toFixed(0)} ms; ` +
        `suggestion ranges registered near the viewport: ${measured.rangesPainted}`,
    );
    console.log(summary('while opening and loading suggestions (scrolling)', measured.whileLoading));
    console.log(summary('the second after they are painted (scrolling)', measured.afterPaint));
    console.log(
      `load average at the end: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')} (${cpus().length} CPUs)`,
    );
  } finally {
    await browser.close();
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
