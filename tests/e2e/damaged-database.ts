import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const CLI_ENTRY = join(__dirname, '..', '..', 'out', 'main', 'cli.js');
const SEEDS = join(__dirname, '..', '..', 'seeds');

/** Runs the built command line (out/main/cli.js). */
export function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI_ENTRY, ...args], { encoding: 'utf8' });
}

/** A database with the seed articles and a backup of it, then pages in its middle overwritten. */
export function damagedDatabaseWithBackup(databasePath: string): void {
  cli('import', SEEDS, '--db', databasePath);
  cli('backup', 'create', '--db', databasePath);
  const size = statSync(databasePath).size;
  const fd = openSync(databasePath, 'r+');
  const garbage = Buffer.alloc(4 * 4096, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 4096 / 2) * 4096);
  closeSync(fd);
}
