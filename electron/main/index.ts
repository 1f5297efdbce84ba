/**
 * The Electron shell: one locked-down window over the shared services. Everything the app
 * does with data lives in electron/services; this file only wires it to windows, menus,
 * dialogs and IPC.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createApiHandlers } from '../services/api/handlers';
import { grantingDialogs } from '../services/api/path-grants';
import { BACKUP_OPTIONS, backupOptionsFromOptions } from '../services/backup/backup-options';
import { WorkbenchHolder } from '../services/backup/workbench-holder';
import { DB_OPTION, parseKnownOptions } from '../services/command-line';
import { followHeldWorkbench } from '../services/events/held-events';
import { bundledFirstScreenThread } from '../services/first-screen/first-screen-thread';
import { answerStartCalls } from '../services/start-page';
import { pickLanguage } from '../../shared/i18n/languages';
import { IMPORT_LIMIT_OPTIONS, importLimitsFromOptions } from '../services/import/limits';
import { seedIfEmpty } from '../services/import/seed';
import { DATABASE_FILE_NAME } from '../services/paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { nativeDialogs } from './dialogs';
import { forwardEventsToWindow, registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { SHELL_STRINGS, shellLanguageOf } from '../../shared/i18n/menu';
import { electronNativeBinding } from './native-binding';
import { createMainWindow, denyAllPermissions } from './window';

app.setName('Marginalia');
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let holder: WorkbenchHolder | null = null;

const log = (message: string) => console.error(`[marginalia] ${message}`);

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window instead of opening the same database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
  app.on('window-all-closed', () => app.quit());
  // Closing waits for a backup in progress, so the store is closed cleanly before exit.
  let closed = false;
  app.on('will-quit', (event) => {
    if (!holder || closed) return;
    event.preventDefault();
    void holder.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  // Started first, so that its modules load while the database opens (services/first-screen/).
  const firstScreen = bundledFirstScreenThread();
  // Electron and Chromium put their own switches in argv too: read ours, leave theirs.
  const options = parseKnownOptions(process.argv.slice(1), {
    ...DB_OPTION,
    ...IMPORT_LIMIT_OPTIONS,
    ...BACKUP_OPTIONS,
  });
  const importLimits = importLimitsFromOptions(options);
  const databasePath = options.db ?? join(app.getPath('userData'), DATABASE_FILE_NAME);
  const nativeBinding = electronNativeBinding();
  try {
    holder = WorkbenchHolder.open(databasePath, {
      databaseOptions: nativeBinding ? { nativeBinding } : {},
      backup: backupOptionsFromOptions(options),
      log,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return;
  }
  // A damaged database stays closed: the renderer asks getDatabaseHealth and shows recovery.
  const workbench = holder.currentOrNull;
  if (workbench) {
    const seedsDir = app.isPackaged ? join(process.resourcesPath, 'seeds') : join(app.getAppPath(), 'seeds');
    await seedIfEmpty(workbench, seedsDir);
    void holder.startBackups();
  } else log(`${databasePath} failed the integrity check: ${holder.health().problem ?? ''}`);

  denyAllPermissions();
  const handlers = createApiHandlers(holder, {
    kind: 'electron',
    appVersion: app.getVersion(),
    importLimits,
    // Import and export accept only the paths these dialogs returned.
    ...grantingDialogs(nativeDialogs(() => mainWindow, shellLanguageOf(app.getLocale()))),
  });
  serveRenderer(join(__dirname, '..', 'renderer'), handlers, log, (request) => firstScreen.render(request));
  firstScreen.warmUp(
    answerStartCalls(handlers, () => undefined),
    [pickLanguage({ query: null, stored: null, systemLocale: app.getLocale() })],
  );
  registerIpcHandlers(handlers, log);
  const events = followHeldWorkbench(holder);
  forwardEventsToWindow(events, () => mainWindow);
  installAppMenu(events);
  // Packaged builds carry the icon in the executable; in development the window needs the file.
  mainWindow = createMainWindow(join(__dirname, '..', 'preload'), join(app.getAppPath(), 'resources', 'icon.png'));
  mainWindow.on('closed', () => (mainWindow = null));
}

function fail(message: string): void {
  log(message);
  // Before `ready` getLocale() may be empty: English then.
  dialog.showErrorBox(SHELL_STRINGS[shellLanguageOf(app.getLocale())].dialogs.cannotStart, message);
  app.exit(1);
}
