/**
 * Two writers on one database: the command line imports a folder in a child process (its own
 * connection) while this process makes edits through the change pipeline at a steady pace, as
 * the desktop app does while its import worker runs. Prints the edit latency percentiles, the
 * failed edits and the skipped files.
 *
 * Run: npm run build && npx tsx bench/two-writers-bench.ts [--files N] [--every MS]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedIfEmpty } from '../electron/services/import/seed';
import { openWorkbench } from '../electron/services/workbench';

const ROOT = join(__dirname, '..');
const { values } = parseArgs({
  options: { files: { type: 'string', default: '3000' }, every: { type: 'string', default: '20' } },
});
const FILES = Number(values.files);
const EDIT_EVERY_MS = Number(values.every);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'marginalia-two-writers-'));
  try {
    const seeds = readdirSync(join(ROOT, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(ROOT, 'seeds', name), 'utf8'));
    const folder = join(work, 'in');
    mkdirSync(folder);
    for (let i = 0; i < FILES; i++)
      writeFileSync(join(folder, `${i}.txt`), `${seeds[i % seeds.length]}\n\nBài số ${i}.`);

    const databasePath = join(work, 'shared.db');
    const workbench = openWorkbench(databasePath);
    await seedIfEmpty(workbench, join(ROOT, 'seeds'));
    const article = workbench.articles.list()[0]!;
    const text = workbench.articles.getText(article.id);

    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(ROOT, 'out', 'main', 'cli.js'), 'import', folder, '--db', databasePath],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let running = true;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    void exited.then(() => (running = false));

    const latenciesMs: number[] = [];
    let failures = 0;
    for (let i = 0; running; i++) {
      const start = (i * 7) % (text.length - 1);
      const before = performance.now();
      try {
        const applied = workbench.changes.apply({
          articleId: article.id,
          origin: 'manual',
          changes: [
            {
              kind: 'annotation.create',
              ref: 'a',
              annotation: { articleId: article.id, labelKey: 'MISC', start, end: start + 1, quote: text[start]! },
            },
          ],
        });
        latenciesMs.push(performance.now() - before);
        const id = applied.createdIds.a!;
        const beforeDelete = performance.now();
        workbench.changes.apply({
          articleId: article.id,
          origin: 'manual',
          changes: [{ kind: 'annotation.delete', id }],
        });
        latenciesMs.push(performance.now() - beforeDelete);
      } catch (error) {
        failures++;
        console.error(String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, EDIT_EVERY_MS));
    }
    const exitCode = await exited;
    const importMs = performance.now() - started;
    workbench.close();

    const sorted = [...latenciesMs].sort((a, b) => a - b);
    const summary = /Imported \d+, duplicates \d+, skipped \d+\./.exec(output)?.[0] ?? '(no summary)';
    console.log(
      `${FILES} files imported by the CLI in ${(importMs / 1000).toFixed(1)} s (exit ${exitCode}): ${summary}`,
    );
    console.log(
      `${sorted.length} edits, one every ${EDIT_EVERY_MS} ms: p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ` +
        `max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms; failed edits: ${failures}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
