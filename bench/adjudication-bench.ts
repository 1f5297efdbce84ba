/**
 * Adjudication navigation (issue 15): "navigation between disagreements takes one frame". One
 * long synthetic article (default 6,000 syllables, ~27,000 characters) with two layers of 600
 * spans each, the second a noisy copy of the first (so a few hundred disagreements), written
 * through the change pipeline by two authors. Then, in Chromium through the browser host, the
 * adjudication view of that article: J (next) pressed N times and K (previous) N times, each
 * timed from the keydown to the first animation frame that shows the new disagreement, with
 * how many frames that took; and one decision (M) to the next open disagreement on screen,
 * which includes the write and the re-read.
 *
 * Options: --syllables N (default 6000), --spans N per author (default 600), --steps N (default 100).
 * Run: npm run build && npx tsx bench/adjudication-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { openWorkbench } from '../electron/services/workbench';
import { startHost } from './annotate-bench';
import { launchChromium, newBenchPage } from './bench-browser';
import { random } from './seeded-random';

const SYLLABLES = (
  'bộ công an đề xuất tăng cường bảo vệ an ninh quốc gia trật tự xã hội hợp tác quốc tế ' +
  'phòng chống tội phạm ma túy biên giới kinh tế chính sách pháp luật người dân đối ngoại'
).split(' ');
const LABEL_KEYS = ['RISK', 'PROPOSAL', 'PER', 'ORG', 'LOC'];

interface Step {
  ms: number;
  frames: number;
}

/** Presses `key` in the page `count` times; each step timed from keydown to the frame showing the change. */
async function timeSteps(page: Page, key: string, count: number): Promise<Step[]> {
  return page.evaluate(
    async ({ key, count }) => {
      const heading = () => document.querySelector('#adjudication-current-heading')?.textContent ?? '';
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const steps: { ms: number; frames: number }[] = [];
      for (let step = 0; step < count; step++) {
        await frame();
        const before = heading();
        const start = performance.now();
        document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        let frames = 0;
        let at = start;
        // The frame callback runs before that frame's paint: the DOM it sees is what the frame shows.
        while (heading() === before || frames === 0) {
          at = await frame();
          frames++;
          if (frames > 120) break;
        }
        steps.push({ ms: at - start, frames });
      }
      return steps;
    },
    { key, count },
  );
}

const percentile = (values: number[], fraction: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
};

function report(name: string, steps: Step[]): void {
  const ms = steps.map((step) => step.ms);
  const frames = steps.map((step) => step.frames);
  const inOne = frames.filter((count) => count === 1).length;
  console.log(
    `${name}: ${steps.length} steps; keydown → frame showing it p50 ${percentile(ms, 0.5).toFixed(1)} ms, ` +
      `p95 ${percentile(ms, 0.95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; ` +
      `in the next frame ${inOne}/${steps.length}, most frames ${Math.max(...frames)}`,
  );
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: {
      syllables: { type: 'string', default: '6000' },
      spans: { type: 'string', default: '600' },
      steps: { type: 'string', default: '100' },
    },
  });
  const syllableCount = Number(options.syllables);
  const spansPerAuthor = Number(options.spans);
  const stepCount = Number(options.steps);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-adjudication-bench-'));
  const databasePath = join(dir, 'bench.db');
  console.log(
    `load average at start: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
  try {
    const workbench = openWorkbench(databasePath);
    const next = random(15);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
    const words = Array.from({ length: syllableCount }, () => pick(SYLLABLES));
    const starts: number[] = [];
    let text = '';
    for (const word of words) {
      text += text ? ' ' : '';
      starts.push(text.length);
      text += word;
    }
    text += '.';
    const articleId = Number(
      workbench.db
        .prepare(
          `INSERT INTO articles (raw_text, text, content_hash, title, source, word_count, status, imported_at, updated_at)
           VALUES (@text, @text, 'bench-adjudication', 'Phân xử: bài dài', 'Báo', @words, 'done', @now, @now)`,
        )
        .run({ text, words: words.length, now: new Date().toISOString() }).lastInsertRowid,
    );
    const range = (first: number, last: number) => ({
      start: starts[first] as number,
      end: (starts[last] as number) + (words[last] as string).length,
    });
    const slot = Math.floor(syllableCount / spansPerAuthor);
    const lan: { labelKey: string; first: number; last: number }[] = [];
    const minh: typeof lan = [];
    for (let s = 0; s < spansPerAuthor; s++) {
      const first = s * slot + Math.floor(next() * (slot - 4));
      const span = { labelKey: pick(LABEL_KEYS), first, last: first + Math.floor(next() * 3) };
      lan.push(span);
      const roll = next();
      // 70 % identical, 15 % one syllable longer, 10 % relabelled, 5 % missing.
      if (roll < 0.7) minh.push(span);
      else if (roll < 0.85) minh.push({ ...span, last: span.last + 1 });
      else if (roll < 0.95) minh.push({ ...span, labelKey: LABEL_KEYS[(LABEL_KEYS.indexOf(span.labelKey) + 1) % 5]! });
    }
    for (const [author, spans] of [
      ['Lan', lan],
      ['Minh', minh],
    ] as const) {
      workbench.changes.apply({
        articleId,
        origin: 'manual',
        author,
        changes: spans.map((span, index) => {
          const { start, end } = range(span.first, span.last);
          return {
            kind: 'annotation.create' as const,
            ref: `s${index}`,
            annotation: { articleId, labelKey: span.labelKey, start, end, quote: text.slice(start, end) },
          };
        }),
      });
    }
    workbench.profile.set('Lan');
    const listed = workbench.adjudication.list({ articleId });
    console.log(
      `article: ${text.length.toLocaleString('en-US')} characters, ${spansPerAuthor} + ${minh.length} spans; ` +
        `${listed.disagreements.length} disagreements, ${listed.agreed} agreed`,
    );
    workbench.close();

    const host = await startHost(databasePath);
    const browser = await launchChromium();
    try {
      const page = await newBenchPage(browser);
      await page.goto(`${host.url}#/adjudicate/${articleId}`);
      await page.locator('#adjudication-current-heading').waitFor();
      report('next (J)', await timeSteps(page, 'j', stepCount));
      report('previous (K)', await timeSteps(page, 'k', stepCount));
      report('decide (M), write and re-read included', await timeSteps(page, 'm', 10));
      console.log(
        `load average at end: ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')}`,
      );
    } finally {
      await browser.close();
      host.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
