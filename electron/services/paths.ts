import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Marginalia';
export const DATABASE_FILE_NAME = 'marginalia.db';

/**
 * Where Electron's app.getPath('userData') points for this app, computed without Electron,
 * so the browser host and the command line open the same database as the desktop app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabasePath(): string {
  return join(defaultUserDataDir(), DATABASE_FILE_NAME);
}
