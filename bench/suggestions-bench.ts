/**
 * The host's CPU for `getSuggestions` (issue 8): what the reader asks after every open, on the
 * bench article of annotate-bench (400,000 characters, 10,000 spans), computed in-process (the
 * handler's kept answer is bypassed: `AssistService.suggest` is what a changed database costs).
 *
 *   npx tsx bench/suggestions-bench.ts [--runs 9]
 *
 * Prints wall and CPU (this process's user + system time) per call: on a shared machine wall
 * time mostly measures waiting for a core, CPU what the call would take on a quiet one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openWorkbench } from '../electron/services/workbench';
import { seedSpans } from './annotate-bench';

const RUNS = Number(parseArgs({ options: { runs: { type: 'string', default: '9' } } }).values.runs);

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timed(run: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const describe = (timings: Timing[]) =>
  `p50 wall ${median(timings.map((t) => t.wallMs)).toFixed(0)} ms, CPU ${median(timings.map((t) => t.cpuMs)).toFixed(0)} ms`;

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-suggestions-bench-'));
  try {
    const databasePath = join(dir, 'bench.db');
    const articleId = seedSpans(databasePath);
    const workbench = openWorkbench(databasePath);
    try {
      console.log(
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      const first = timed(() => workbench.assist.suggest(articleId));
      const total = workbench.assist.suggest(articleId).suggestions.length;
      console.log(
        `first call: wall ${first.wallMs.toFixed(0)} ms, CPU ${first.cpuMs.toFixed(0)} ms (${total.toLocaleString('en')} suggestions)`,
      );
      const warm = Array.from({ length: RUNS }, () => timed(() => workbench.assist.suggest(articleId)));
      console.log(`warm, all sources on (${RUNS} calls): ${describe(warm)}`);
      for (const only of ['gazetteer', 'learned', 'pattern'] as const) {
        workbench.assist.setSources({
          gazetteer: only === 'gazetteer',
          learned: only === 'learned',
          pattern: only === 'pattern',
        });
        workbench.assist.suggest(articleId);
        const timings = Array.from({ length: RUNS }, () => timed(() => workbench.assist.suggest(articleId)));
        console.log(`warm, only ${only}: ${describe(timings)}`);
      }
      workbench.assist.setSources({ gazetteer: false, learned: false, pattern: false });
      const off = Array.from({ length: RUNS }, () => timed(() => workbench.assist.suggest(articleId)));
      console.log(`warm, every source off: ${describe(off)}`);
      console.log(
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
    } finally {
      workbench.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
