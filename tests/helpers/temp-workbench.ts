import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, type Workbench } from '../../electron/services/workbench';

/** A real SQLite file in a fresh temp folder; `dispose` closes it and removes the folder. */
export function tempDir(prefix = 'marginalia-test-'): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTempWorkbench(): Workbench & { dir: string; dispose: () => void } {
  const { dir, dispose } = tempDir();
  const workbench = openWorkbench(join(dir, 'marginalia.db'));
  return Object.assign(workbench, {
    dir,
    dispose: () => {
      workbench.close();
      dispose();
    },
  });
}

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
