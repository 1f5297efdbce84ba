import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './app-protocol';

/**
 * The one window, locked down: isolated, sandboxed preload, no Node in the page, no
 * navigation away from the app, no new windows, no permissions (camera, notifications…), no
 * DevTools when packaged.
 */
export function createMainWindow(preloadDir: string, icon: string): BrowserWindow {
  const window = new BrowserWindow({
    icon,
    width: 1320,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Marginalia',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: join(preloadDir, 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open links in new windows (auxclick); nothing here needs it.
      disableBlinkFeatures: 'Auxclick',
      // DevTools only in development: a packaged app gives no console into its page.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Deny every permission request and check, for every session the app creates. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
