import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 compiled for this Electron's ABI. `npm start` builds it into .native/ so the
 * copy in node_modules keeps the Node ABI that `npm test` needs: either order works. A
 * packaged app has its own rebuilt copy and needs nothing here.
 */
export function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = join(
    app.getAppPath(),
    '.native',
    `electron-${process.versions.electron}`,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}
