import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupOptionsFromArgs } from '../services/backup/backup-options';
import { WorkbenchHolder } from '../services/backup/workbench-holder';
import { NewerDatabaseError } from '../services/store/database';
import { seedIfEmpty } from '../services/import/seed';
import { argValue, defaultDatabasePath } from '../services/paths';
import type { Workbench } from '../services/workbench';

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
 * Checks and opens the database named by `--db` (or the desktop app's default) for a Node
 * front end. A damaged file leaves the holder in recovery (the caller decides what to do);
 * a file that cannot be used at all exits with a one-line message.
 */
export async function openHolderFromArgs(
  argv: readonly string[],
  options: { seed: boolean; scheduleBackups: boolean },
): Promise<WorkbenchHolder> {
  const databasePath = argValue(argv, 'db') ?? defaultDatabasePath();
  let backup;
  try {
    backup = backupOptionsFromArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let holder: WorkbenchHolder;
  try {
    holder = WorkbenchHolder.open(databasePath, { backup, scheduleBackups: options.scheduleBackups });
  } catch (error) {
    const reason =
      error instanceof NewerDatabaseError
        ? error.message
        : `Cannot open the database ${databasePath}: ${error instanceof Error ? error.message : String(error)}`;
    console.error(reason);
    process.exit(2);
  }
  const workbench = holder.currentOrNull;
  if (workbench && options.seed) await seedIfEmpty(workbench, SEEDS_DIR);
  return holder;
}

/**
 * Opens the database for a one-shot command; a damaged one is refused with a message that
 * names the file and the newest good backup (exit code 2).
 */
export async function openWorkbenchFromArgs(argv: readonly string[], options: { seed: boolean }): Promise<Workbench> {
  const holder = await openHolderFromArgs(argv, { ...options, scheduleBackups: false });
  const workbench = holder.currentOrNull;
  if (!workbench) {
    console.error(damagedDatabaseMessage(holder));
    process.exit(2);
  }
  return workbench;
}

/** What a terminal user reads when the start-up integrity check fails. */
export function damagedDatabaseMessage(holder: WorkbenchHolder): string {
  const { databasePath, problem } = holder.health();
  const newest = holder.newestGoodBackup();
  const advice = newest
    ? `The newest good backup is ${join(holder.backups.backupDir, newest.fileName)} ` +
      `(${newest.createdAt}: ${newest.preview.articleCount} articles, ${newest.preview.annotationCount} annotations).\n` +
      `Restore it with: npm run cli -- backup restore ${newest.fileName} --db "${databasePath}" --yes`
    : `No good backup was found in ${holder.backups.backupDir}.`;
  return `The database ${databasePath} is damaged and was not opened.\n${problem ?? ''}\n${advice}`;
}
