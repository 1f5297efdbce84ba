/**
 * The main window's web preferences, under plain Node: Electron cannot run here, so BrowserWindow
 * is a recorder of the options it is given.
 */
import { describe, expect, it, vi } from 'vitest';

const created: { webPreferences: Record<string, unknown> }[] = [];
const app = { isPackaged: false };

vi.mock('electron', () => ({
  app,
  BrowserWindow: class {
    webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      created.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  },
  session: {},
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  net: { fetch: () => undefined },
}));

const { createMainWindow } = await import('../../../electron/main/window');

describe('main window', () => {
  it('has DevTools only when not packaged', () => {
    app.isPackaged = true;
    createMainWindow('/preload', '/icon.png');
    app.isPackaged = false;
    createMainWindow('/preload', '/icon.png');
    expect(created.map((options) => options.webPreferences.devTools)).toEqual([false, true]);
  });

  it('is isolated and sandboxed, with no Node in the page', () => {
    createMainWindow('/preload', '/icon.png');
    expect(created.at(-1)?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});
