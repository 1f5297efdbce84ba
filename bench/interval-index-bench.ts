/**
 * IntervalIndex at article scale: 10,000 spans over 400,000 characters.
 * Run: npx tsx bench/interval-index-bench.ts
 */
import { IntervalIndex, type IndexedSpan } from '../shared/domain/interval-index';

const TEXT_LENGTH = 400_000;
const SPAN_COUNT = 10_000;

// Deterministic spans (LCG), so runs are comparable.
let seed = 12345;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const randomSpan = (id: number): IndexedSpan => {
  const start = Math.floor(random() * (TEXT_LENGTH - 2000));
  return { id, start, end: start + 1 + Math.floor(random() * (random() < 0.9 ? 30 : 2000)) };
};

function time(label: string, repetitions: number, run: (i: number) => void): void {
  const started = performance.now();
  for (let i = 0; i < repetitions; i++) run(i);
  const elapsed = performance.now() - started;
  console.log(`${label.padEnd(44)} ${((elapsed * 1000) / repetitions).toFixed(2).padStart(9)} µs/op`);
}

const spans = Array.from({ length: SPAN_COUNT }, (_, i) => randomSpan(i + 1));
let index = new IntervalIndex(spans);
time('constructor (10,000 spans)', 20, () => (index = new IntervalIndex(spans)));
time('covering(offset)', 100_000, () => index.covering(Math.floor(random() * TEXT_LENGTH)));
time('innermostAt(offset)', 100_000, () => index.innermostAt(Math.floor(random() * TEXT_LENGTH)));
time('intersecting(viewport of 5,000 chars)', 10_000, () => {
  const start = Math.floor(random() * TEXT_LENGTH);
  index.intersecting(start, start + 5000);
});
let nextId = SPAN_COUNT + 1;
time('add + covering (rebuild after each edit)', 2_000, () => {
  index.add(randomSpan(nextId++));
  index.covering(Math.floor(random() * TEXT_LENGTH));
});
time('update + covering (rebuild after each edit)', 2_000, (i) => {
  index.update(randomSpan(i + 1));
  index.covering(Math.floor(random() * TEXT_LENGTH));
});
time('remove + covering (rebuild after each edit)', 2_000, (i) => {
  index.remove(SPAN_COUNT + 1 + i);
  index.covering(Math.floor(random() * TEXT_LENGTH));
});
