/**
 * Annotating benchmark, in Chromium through the browser host, on an article of 400,000
 * characters holding 10,000 spans:
 * - opening the article (click in the library) to the first frame with all highlights painted;
 * - creating a span: hotkey to the next frame with its highlight, median of 200;
 * - scrolling the whole article: frames per second and long tasks over 50 ms.
 *
 * Run: npm run build && npx tsx bench/annotate-bench.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeArticle } from '../electron/services/import/store-article';
import { openWorkbench } from '../electron/services/workbench';
import { canonicalize } from '../shared/text/canonical';
import { launchChromium, newBenchPage, openInReader } from './bench-browser';

const TEXT_LENGTH = 400_000;
const SPANS = 10_000;
const CREATES = 200;
const LABELS = ['RISK', 'PROPOSAL', 'PER', 'ORG', 'LOC', 'DATE', 'TITLE', 'LAW', 'EVENT', 'MISC'];
const SENTENCES = [
  'Thượng tướng Lương Tam Quang, Thứ trưởng Bộ Công an, nêu bật ba điểm về phương hướng phối hợp hoạt động đối ngoại.',
  'Sáng 10/1, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác ngành Ngoại giao năm 2022.',
  'Thứ hai, tiếp tục mở rộng, thúc đẩy hợp tác an ninh với các cơ quan thực thi pháp luật các nước.',
  'Nguy cơ an ninh phi truyền thống ngày càng gia tăng, tác động trực tiếp đến lợi ích quốc gia.',
];

export function buildArticle(): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < TEXT_LENGTH; i++) {
    const paragraph = Array.from({ length: 4 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return canonicalize(paragraphs.join('\n\n')).text.slice(0, TEXT_LENGTH);
}

/** 10,000 spans on word boundaries, some nested and overlapping, across the whole text. */
export function seedSpans(databasePath: string, spanCount = SPANS): number {
  const workbench = openWorkbench(databasePath);
  try {
    const text = buildArticle();
    const stored = storeArticle(workbench.db, workbench.articles, {
      rawText: text,
      text,
      trimmedText: null,
      title: 'Benchmark: 400,000 characters, 10,000 spans',
      source: null,
      byline: null,
      url: null,
      publishedAt: null,
      fileName: null,
    });
    const wordStarts = [...text.matchAll(/(?<=^|\s)\S/g)].map((match) => match.index);
    const now = new Date().toISOString();
    workbench.db.transaction(() => {
      for (let i = 0; i < spanCount; i++) {
        const first = Math.floor((i * wordStarts.length) / spanCount);
        const words = 1 + (i % 7);
        const start = wordStarts[first] as number;
        const nextStart = wordStarts[Math.min(first + words, wordStarts.length - 1)] as number;
        const end = Math.max(start + 1, nextStart - 1);
        workbench.annotationRows.insert({
          articleId: stored.articleId,
          labelKey: LABELS[i % LABELS.length] as string,
          start,
          end,
          quote: text.slice(start, end),
          note: '',
          origin: 'import',
          createdAt: now,
          updatedAt: now,
        });
      }
    })();
    return stored.articleId;
  } finally {
    workbench.close();
  }
}

export async function startHost(databasePath: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', 'out', 'main', 'serve.js'), '--db', databasePath, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-annotate-bench-'));
  const databasePath = join(dir, 'bench.db');
  const articleId = seedSpans(databasePath);
  const host = await startHost(databasePath);
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    await page.goto(host.url);
    // 1. Open: click → the first frame with the highlights near the viewport registered.
    const openMs = await openInReader(page, articleId);

    const apiTimings = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/'))
        .map((entry) => `${entry.name.split('/api/')[1]} ${entry.duration.toFixed(0)} ms`),
    );
    console.log(`API calls while opening (browser host): ${apiTimings.join(', ')}`);
    // 2. Create: select a word, press the PER hotkey, wait for the frame that shows it.
    const createMs: number[] = [];
    for (let i = 0; i < CREATES; i++) {
      const ms = await page.evaluate((index) => {
        const root = document.querySelector('[aria-label="Article text"]') as HTMLElement;
        const paragraphs = Array.from(root.children).filter((element) => element.textContent);
        const paragraph = paragraphs[(index * 7) % paragraphs.length] as HTMLElement;
        const node = paragraph.querySelector('[data-lexical-text]')?.firstChild as Text | null;
        if (!node) return -1;
        const at = node.data.indexOf(' ', (index * 13) % Math.max(1, node.data.length - 40)) + 1;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        const selection = window.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        const wrap = root.closest('.reader__textwrap') as HTMLElement;
        wrap.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
        return new Promise<number>((resolve) => {
          const start = performance.now();
          document.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
      }, i);
      if (ms >= 0) createMs.push(ms);
      if (i % 20 === 0) await page.waitForTimeout(30); // let the saves settle, as a user's pace would
    }

    // 3. Scroll the whole article in steps, one per frame, watching for long tasks.
    const scroll = await page.evaluate(
      () =>
        new Promise<{ frames: number; seconds: number; longTasks: number; worstTaskMs: number; worstFrameMs: number }>(
          (resolve) => {
            const tasks: number[] = [];
            const observer = new PerformanceObserver((list) =>
              list.getEntries().forEach((entry) => tasks.push(entry.duration)),
            );
            observer.observe({ type: 'longtask', buffered: false });
            const page = document.querySelector('.reader__page') as HTMLElement;
            page.scrollTop = 0;
            const step = 120;
            let frames = 0;
            let worstFrame = 0;
            let last = performance.now();
            const start = last;
            const tick = (now: number) => {
              frames++;
              worstFrame = Math.max(worstFrame, now - last);
              last = now;
              if (page.scrollTop + page.clientHeight >= page.scrollHeight - 1) {
                observer.disconnect();
                resolve({
                  frames,
                  seconds: (now - start) / 1000,
                  longTasks: tasks.filter((duration) => duration > 50).length,
                  worstTaskMs: Math.max(0, ...tasks),
                  worstFrameMs: worstFrame,
                });
                return;
              }
              page.scrollTop += step;
              requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          },
        ),
    );

    console.log(
      `Article: ${TEXT_LENGTH.toLocaleString('en')} characters, ${SPANS.toLocaleString('en')} spans (Chromium, browser host)`,
    );
    console.log(`open to first paint with all highlights: ${openMs.toFixed(0)} ms (target < 500 ms)`);
    console.log(
      `create span, hotkey to highlight visible: median ${median(createMs).toFixed(1)} ms of ${createMs.length} (target < 16 ms)`,
    );
    console.log(
      `scroll ${scroll.frames} frames in ${scroll.seconds.toFixed(1)} s: ${(scroll.frames / scroll.seconds).toFixed(0)} fps, ` +
        `worst frame ${scroll.worstFrameMs.toFixed(0)} ms, long tasks > 50 ms: ${scroll.longTasks} (worst ${scroll.worstTaskMs.toFixed(0)} ms)`,
    );
  } finally {
    await browser.close();
    host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Other benches import the article and host helpers; only a direct run benchmarks.
if (require.main === module) void main();
