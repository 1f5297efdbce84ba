import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NewerDatabaseError } from '../services/store/database';
import { seedIfEmpty } from '../services/import/seed';
import { defaultDatabasePath } from '../services/paths';
import { openWorkbench, type Workbench } from '../services/workbench';

/**
 * The checkout (or installed package) these entries run from. Bundled code may sit in
 * out/main or a chunk folder below it, so look upwards for package.json instead of
 * counting "..".
 */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${__dirname}`);
  }
}

export const SEEDS_DIR = join(packageRoot(), 'seeds');
export const RENDERER_DIR = join(packageRoot(), 'out', 'renderer');

/**
 * Opens the database given with `--db` (or the desktop app's default) for a Node front end,
 * seeding an empty one. Exits with a one-line message when the file cannot be used.
 */
export async function openWorkbenchAt(db: string | undefined, options: { seed: boolean }): Promise<Workbench> {
  const databasePath = db ?? defaultDatabasePath();
  let workbench: Workbench;
  try {
    workbench = openWorkbench(databasePath);
  } catch (error) {
    const reason =
      error instanceof NewerDatabaseError
        ? error.message
        : `Cannot open the database ${databasePath}: ${String(error)}`;
    console.error(reason);
    process.exit(2);
  }
  if (options.seed) await seedIfEmpty(workbench, SEEDS_DIR);
  return workbench;
}
