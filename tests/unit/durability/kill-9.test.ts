/**
 * Durability under kill -9: a child process writes annotations through the services and is
 * killed with SIGKILL at arbitrary moments, several times over the same database. Every write it
 * acknowledged (after the commit returned) must be there when the database is reopened, and
 * SQLite's integrity check must pass. (The write-ahead log with synchronous=FULL promises this.)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';

const WRITER = join(__dirname, 'annotation-writer.ts');
const CYCLES = 3;

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Runs the writer until it has acknowledged `writes` more annotations, then kills it with SIGKILL. */
function writeThenKill(databasePath: string, writes: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, databasePath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: number[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const id = /^ack (\d+)$/.exec(line)?.[1];
      if (id === undefined) return;
      acknowledged.push(Number(id));
      if (acknowledged.length === writes) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer stopped by itself (${signal ?? _code}): ${stderr}`));
    });
  });
}

describe('kill -9 during annotation writes', () => {
  it(`keeps every acknowledged write over ${CYCLES} kills, and the file passes integrity_check`, async () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const databasePath = join(dir, 'marginalia.db');
    const acknowledged: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // Different stopping points, so kills land at different moments of a write.
      acknowledged.push(...(await writeThenKill(databasePath, 40 + cycle * 37)));
    }

    const workbench = openWorkbench(databasePath);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(workbench.annotations.list(1).map((annotation) => annotation.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // At most the one write in flight at each kill may have committed without its ack.
    expect(stored.size - acknowledged.length).toBeGreaterThanOrEqual(0);
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(CYCLES);
  }, 120_000);
});
