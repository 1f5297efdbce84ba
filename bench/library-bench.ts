/**
 * The corpus at scale (issue 13): a library of N synthetic articles (default 100,000) with ten
 * spans each (1,000,000 at the default), then
 * - in-process, through CorpusService: a library page per sort key and filter, the dashboard's
 *   aggregates, a concordance (p50/p95 over a few runs);
 * - in Chromium through the browser host: library first paint, a sort and a filter change to the
 *   repainted list, the search box cleared, scrolling (frame times), the renderer's JS heap; the
 *   concordance with many hits (to the rendered list, and scrolling it).
 *
 * Options: --articles N (default 100000), --runs N (default 5), --skip-browser.
 * Run: npm run build && npx tsx bench/library-bench.ts [--articles 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { LibraryPageInputSchema, type LibraryFilter, type LibrarySort } from '../shared/corpus/library-query';
import { displayTitleOf } from '../electron/services/store/articles';
import { SearchIndex } from '../electron/services/store/search-index';
import { SortKeyWriter } from '../electron/services/store/sort-keys';
import { contentHashOf } from '../electron/services/import/store-article';
import { openWorkbench, type Workbench } from '../electron/services/workbench';
import { startHost } from './annotate-bench';
import { launchChromium, newBenchPage } from './bench-browser';

const SPANS_PER_ARTICLE = 10;
const SYLLABLES = (
  'bộ công an đề xuất tăng cường bảo vệ an ninh quốc gia trật tự xã hội hợp tác quốc tế ' +
  'phòng chống tội phạm ma túy biên giới kinh tế chính sách pháp luật người dân đối ngoại ' +
  'nguy cơ thách thức chiến lược phát triển bền vững khu vực thế giới hội nghị lãnh đạo'
).split(' ');
const SOURCES = Array.from({ length: 24 }, (_, index) => `Báo số ${index + 1}`);
const AUTHORS = ['Lan', 'Minh', 'Hùng', 'Thảo', 'Quang'];
const LABEL_KEYS = ['RISK', 'PROPOSAL', 'PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'LAW', 'EVENT', 'MISC'];
const STATUSES = ['new', 'in_progress', 'done'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows straight into SQLite (triggers fill library_facets), indexed and sort-keyed as an import does. */
export function seed(workbench: Workbench, articles: number): void {
  const next = random(13);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  const insertArticle = workbench.db.prepare(
    `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
     VALUES (@text, @text, @hash, @title, @source, @published, @words, @status, @now, @now)`,
  );
  const insertSpan = workbench.db.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', ?, 'manual', ?, ?)`,
  );
  const index = new SearchIndex(workbench.db);
  const sortKeys = new SortKeyWriter(workbench.db);
  const now = new Date().toISOString();
  const batch = workbench.db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const words = Array.from({ length: 120 }, () => pick(SYLLABLES));
      const starts: number[] = [];
      let text = '';
      for (const word of words) {
        if (text) text += ' ';
        starts.push(text.length);
        text += word;
      }
      text += '.';
      const title = `${pick(SYLLABLES)} ${pick(SYLLABLES)} ${pick(SYLLABLES)} số ${n}`;
      const year = 2015 + Math.floor(next() * 10);
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const published = next() < 0.1 ? null : next() < 0.1 ? `${year}` : `${year}-${month}-1${Math.floor(next() * 9)}`;
      const source = next() < 0.05 ? null : pick(SOURCES);
      const id = Number(
        insertArticle.run({
          text,
          hash: contentHashOf(text + n),
          title,
          source,
          published,
          words: words.length,
          status: pick(STATUSES),
          now,
        }).lastInsertRowid,
      );
      index.put(id, title, text);
      sortKeys.write(id, displayTitleOf(title, text), source);
      for (let s = 0; s < SPANS_PER_ARTICLE; s++) {
        const first = Math.floor(next() * (words.length - 3));
        const last = first + Math.floor(next() * 3);
        const start = starts[first]!;
        const end = starts[last]! + words[last]!.length;
        insertSpan.run(id, pick(LABEL_KEYS), start, end, text.slice(start, end), pick(AUTHORS), now, now);
      }
    }
  });
  for (let from = 1; from <= articles; from += 5_000) batch(from, Math.min(articles + 1, from + 5_000));
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

function timed(runs: number, work: () => unknown): { p50: number; p95: number } {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

function serviceFigures(workbench: Workbench, runs: number): [string, string, string][] {
  const page = (filter: LibraryFilter, sort?: LibrarySort) => () =>
    workbench.corpus.queryLibrary(LibraryPageInputSchema.parse({ filter, ...(sort ? { sort } : {}), limit: 100 }));
  const cases: [string, () => unknown][] = [
    ['page 1, import order', page({})],
    ...(['title', 'source', 'published', 'words', 'annotations', 'status'] as const).flatMap(
      (key): [string, () => unknown][] => [
        [`sort by ${key} ↑`, page({}, { key, direction: 'ascending' })],
        [`sort by ${key} ↓`, page({}, { key, direction: 'descending' })],
      ],
    ),
    ['filter status done', page({ status: ['done'] })],
    ['filter source', page({ source: ['Báo số 3'] })],
    ['filter date 2019-03 … 2020', page({ published: { from: '2019-03', to: '2020' } })],
    ['filter has label RISK', page({ labels: ['RISK'] })],
    ['filter by author', page({ authors: ['Lan'] })],
    [
      'combined: label + source + date + status, by title',
      page(
        { labels: ['RISK'], source: ['Báo số 3'], published: { from: '2018' }, status: ['done', 'new'] },
        { key: 'title', direction: 'ascending' },
      ),
    ],
    ['search "an ninh", by relevance', page({ text: 'an ninh' }, { key: 'relevance', direction: 'ascending' })],
    ['dashboard (all articles)', () => workbench.corpus.dashboard({})],
    ['dashboard (source filter)', () => workbench.corpus.dashboard({ source: ['Báo số 3'] })],
    [
      'concordance "an ninh quốc gia", 5,000 hits',
      () => workbench.corpus.concordance({ kind: 'text', query: 'an ninh quốc gia' }, {}, 5_000),
    ],
  ];
  return cases.map(([name, work]) => {
    const { p50, p95 } = timed(runs, work);
    return [name, ms(p50), ms(p95)];
  });
}

/** Resolves in the page with ms from the next click to the frame after the first row changed. */
async function armRepaintClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const firstId = () =>
      document.querySelector('.library__table tbody tr[data-article-id]')?.getAttribute('data-article-id');
    const before = firstId();
    const state = window as unknown as { benchRepaint?: Promise<number> };
    state.benchRepaint = new Promise<number>((resolve) => {
      let start = 0;
      document.addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
      document.addEventListener('input', () => (start = performance.now()), { capture: true, once: true });
      // A change that leaves the first row as it was would never resolve: give up after 60 s (NaN).
      const deadline = performance.now() + 60_000;
      const check = () => {
        const now = firstId();
        if (start > 0 && now && now !== before) requestAnimationFrame(() => resolve(performance.now() - start));
        else if (performance.now() > deadline) resolve(Number.NaN);
        else requestAnimationFrame(check);
      };
      check();
    });
  });
}
const repaintMs = (page: Page) =>
  page.evaluate(() => (window as unknown as { benchRepaint: Promise<number> }).benchRepaint);

function scrollFrames(page: Page, selector: string, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ selector, frames }) =>
      new Promise<number[]>((resolve) => {
        const scroller = document.querySelector(selector) as HTMLElement;
        const times: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (last > 0) times.push(now - last);
          last = now;
          if (times.length >= frames) return resolve(times);
          scroller.scrollTop += 160;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames },
  );
}

async function browserFigures(databasePath: string): Promise<[string, string][]> {
  const host = await startHost(databasePath);
  const browser = await launchChromium();
  const figures: [string, string][] = [];
  try {
    const page = await newBenchPage(browser);
    const started = performance.now();
    await page.goto(host.url);
    await page.locator('.library__table tbody tr[data-article-id]').first().waitFor({ timeout: 120_000 });
    figures.push(['library first paint (navigation → first rows)', ms(performance.now() - started)]);

    await armRepaintClock(page);
    await page.getByRole('button', { name: 'Title' }).click();
    figures.push(['sort by title → repainted list', ms(await repaintMs(page))]);
    await armRepaintClock(page);
    await page.getByRole('button', { name: 'Title' }).click();
    figures.push(['sort by title, descending → repainted', ms(await repaintMs(page))]);
    await armRepaintClock(page);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    figures.push(['filter status done → repainted', ms(await repaintMs(page))]);
    await armRepaintClock(page);
    await page.getByLabel('Has label').selectOption('RISK');
    figures.push(['filter has label RISK → repainted', ms(await repaintMs(page))]);

    await page.getByLabel('Search articles').fill('an ninh');
    await page.locator('.library__table .snippet').first().waitFor();
    await armRepaintClock(page);
    await page.getByLabel('Search articles').fill('');
    figures.push(['search box cleared → repainted (incl. 180 ms debounce)', ms(await repaintMs(page))]);

    const frames = await scrollFrames(page, '.library__scroller', 300);
    const fps = 1000 / (frames.reduce((a, b) => a + b, 0) / frames.length);
    figures.push([
      'library scroll, 300 frames of 160 px',
      `${fps.toFixed(0)} fps mean, p95 frame ${percentile(frames, 0.95).toFixed(1)} ms`,
    ]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    figures.push(['renderer JS heap after scrolling (after GC)', `${(heap.usedSize / 1e6).toFixed(0)} MB`]);

    await page.getByRole('button', { name: 'Concordance', exact: true }).click();
    await page.getByLabel('Phrase to find in every article').fill('an ninh');
    const concordanceStart = performance.now();
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.locator('.kwic').first().waitFor({ timeout: 300_000 });
    const hits = await page.locator('.concordance__summary').textContent();
    figures.push([`concordance "an ninh" → rendered (${hits})`, ms(performance.now() - concordanceStart)]);
    const kwicFrames = await scrollFrames(page, '.concordance__list', 300);
    const kwicFps = 1000 / (kwicFrames.reduce((a, b) => a + b, 0) / kwicFrames.length);
    figures.push([
      'concordance scroll, 300 frames',
      `${kwicFps.toFixed(0)} fps mean, p95 frame ${percentile(kwicFrames, 0.95).toFixed(1)} ms`,
    ]);
    await cdp.send('HeapProfiler.collectGarbage');
    const kwicHeap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    figures.push(['renderer JS heap with the concordance (after GC)', `${(kwicHeap.usedSize / 1e6).toFixed(0)} MB`]);
  } finally {
    await browser.close();
    host.stop();
  }
  return figures;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
      'skip-browser': { type: 'boolean', default: false },
    },
  });
  const articles = Number(values.articles);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-library-bench-'));
  const databasePath = join(dir, 'bench.db');
  try {
    const workbench = openWorkbench(databasePath);
    const seedStart = performance.now();
    seed(workbench, articles);
    // A chosen display name, so the first-start profile dialog does not cover the library.
    workbench.profile.set('Bench');
    console.log(
      `Seeded ${articles.toLocaleString('en')} articles, ${(articles * SPANS_PER_ARTICLE).toLocaleString('en')} spans ` +
        `in ${((performance.now() - seedStart) / 1000).toFixed(0)} s. Load average: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
    );
    console.log('\n| In-process (CorpusService) | p50 | p95 |\n| --- | --- | --- |');
    for (const [name, p50, p95] of serviceFigures(workbench, runs)) console.log(`| ${name} | ${p50} | ${p95} |`);
    workbench.close();
    if (!values['skip-browser']) {
      console.log('\n| Chromium through the browser host | Figure |\n| --- | --- |');
      for (const [name, figure] of await browserFigures(databasePath)) console.log(`| ${name} | ${figure} |`);
    }
    console.log(
      `\nLoad average after: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Only a direct run benchmarks; other scripts may import the seeding.
if (require.main === module) void main();
