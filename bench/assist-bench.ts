/**
 * Speed of the suggesters (issue 14):
 * - suggesting over one article of 400k characters (target < 200 ms);
 * - loading a gazetteer of 100,000 names (target < 1 s);
 * - the pre-annotation job over 10,000 articles of 8 kB, suggesting and storing (target < 60 s).
 *
 *   npx tsx bench/assist-bench.ts
 *
 * Prints the load average: on a shared machine the figures are upper bounds.
 */
import { loadavg, tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Gazetteer, type GazetteerEntry } from '../shared/assist/gazetteer';
import { compilePattern, runPatterns } from '../shared/assist/patterns';
import { resolveOverlaps } from '../shared/assist/suggestion';
import { canonicalize } from '../shared/text/canonical';
import { preannotationJobsOf } from '../electron/services/assist/preannotation-jobs';
import { shippedAssistData } from '../electron/services/assist/shipped-data';
import { storeArticle } from '../electron/services/import/store-article';
import { openWorkbench } from '../electron/services/workbench';

const seedsDir = join(__dirname, '..', 'seeds');
const seedTexts = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => canonicalize(readFileSync(join(seedsDir, name), 'utf8')).text);
const shipped = shippedAssistData();
const patterns = shipped.patterns.filter((p) => p.enabled).map(compilePattern);

function time<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// A 100k-name gazetteer: the shipped names plus generated Vietnamese-looking names.
const syllables = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Văn',
  'Thị',
  'Minh',
  'Thanh',
  'Hùng',
  'Lan',
  'Quang',
  'Đức',
  'Tâm',
  'Sơn',
];
const generated: GazetteerEntry[] = Array.from({ length: 100_000 - shipped.names.length }, (_, i) => ({
  labelKey: 'PER',
  text: `${syllables[i % 15]} ${syllables[Math.floor(i / 15) % 15]} ${syllables[Math.floor(i / 225) % 15]} ${i}`,
  source: 'learned',
}));
const entries = [...shipped.names.map((n): GazetteerEntry => ({ ...n, source: 'gazetteer' })), ...generated];
const loads = [0, 1, 2].map(() => time(() => new Gazetteer(entries)));
const gazetteer = loads[2]!.value;

const article = Array.from({ length: Math.ceil(400_000 / 50_000) + 1 }, () => seedTexts.join('\n\n'))
  .join('\n\n')
  .slice(0, 400_000);
const suggestOnce = (text: string) =>
  resolveOverlaps([...gazetteer.suggest(text), ...runPatterns(text, patterns).suggestions]);
const runs = [0, 1, 2, 3, 4].map(() => time(() => suggestOnce(article)));

const smallArticles = Array.from({ length: 10_000 }, (_, i) => {
  const seed = seedTexts[i % seedTexts.length]!;
  const from = (i * 997) % Math.max(1, seed.length - 8_000);
  return seed.slice(from, from + 8_000);
});

/** The real job over a temporary workbench: suggesting and storing, as "Suggest in batch…" runs it. */
async function timeBatchJob(): Promise<{ ms: number; stored: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-assist-bench-'));
  const workbench = openWorkbench(join(dir, 'bench.db'));
  try {
    workbench.db.transaction(() => {
      smallArticles.forEach((text, i) => {
        // A number per article keeps the texts distinct, as real articles are.
        const unique = `${text}\n\nBài số ${i}.`;
        storeArticle(workbench.db, workbench.articles, {
          ...{ rawText: unique, text: unique, trimmedText: null, title: `Bài ${i}` },
          ...{ source: null, byline: null, url: null, publishedAt: null, fileName: null },
        });
      });
    })();
    const jobs = preannotationJobsOf(workbench);
    const started = performance.now();
    const jobId = jobs.start({ kind: 'all' });
    while (jobs.get(jobId).state === 'running') await sleep(50);
    const job = jobs.get(jobId);
    if (job.state !== 'done') throw new Error(`the job ended ${job.state}: ${job.error}`);
    return { ms: performance.now() - started, stored: job.suggestionsStored };
  } finally {
    workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `gazetteer of ${entries.length.toLocaleString('en')} names: ${median(loads.map((l) => l.ms)).toFixed(0)} ms to load (median of 3; target < 1,000 ms)`,
);
console.log(
  `one article of ${article.length.toLocaleString('en')} characters: ${median(runs.map((r) => r.ms)).toFixed(0)} ms (median of 5; target < 200 ms), ${runs[0]!.value.length} suggestions`,
);
void timeBatchJob().then((batch) =>
  console.log(
    `pre-annotation job over 10,000 articles of 8 kB, suggested and stored: ${(batch.ms / 1000).toFixed(1)} s (target < 60 s), ${batch.stored.toLocaleString('en')} suggestions`,
  ),
);
