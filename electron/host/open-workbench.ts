import { join } from 'node:path';
import { NewerDatabaseError } from '../services/store/database';
import { seedIfEmpty } from '../services/import/seed';
import { argValue, defaultDatabasePath } from '../services/paths';
import { openWorkbench, type Workbench } from '../services/workbench';

/** Bundled entries live in out/main; the seeds sit at the top of the checkout. */
export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');
export const RENDERER_DIR = join(__dirname, '..', 'renderer');

/**
 * Opens the database named by `--db` (or the desktop app's default) for a Node front end,
 * seeding an empty one. Exits with a one-line message when the file cannot be used.
 */
export function openWorkbenchFromArgs(argv: readonly string[], options: { seed: boolean }): Workbench {
  const databasePath = argValue(argv, 'db') ?? defaultDatabasePath();
  try {
    const workbench = openWorkbench(databasePath);
    if (options.seed) seedIfEmpty(workbench, SEEDS_DIR);
    return workbench;
  } catch (error) {
    const reason = error instanceof NewerDatabaseError ? error.message : `Cannot open the database ${databasePath}: ${String(error)}`;
    console.error(reason);
    process.exit(2);
  }
}
