/**
 * Speed of the suggesters (issue 14):
 * - suggesting over one article of 400k characters (target < 200 ms);
 * - loading a gazetteer of 100,000 names (target < 1 s);
 * - suggesting over 10,000 articles of 8 kB, as a batch would (target < 60 s), in-process.
 *
 *   npx tsx bench/assist-bench.ts
 *
 * Prints the load average: on a shared machine the figures are upper bounds.
 */
import { loadavg } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Gazetteer, type GazetteerEntry } from '../shared/assist/gazetteer';
import { compilePattern, runPatterns } from '../shared/assist/patterns';
import { resolveOverlaps } from '../shared/assist/suggestion';
import { canonicalize } from '../shared/text/canonical';
import { shippedAssistData } from '../electron/services/assist/shipped-data';

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
const batch = time(() => {
  let count = 0;
  for (const text of smallArticles) count += suggestOnce(text).length;
  return count;
});

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
console.log(
  `10,000 articles of 8 kB: ${(batch.ms / 1000).toFixed(1)} s (target < 60 s), ${batch.value.toLocaleString('en')} suggestions`,
);
