import { app, Menu, type BrowserWindow } from 'electron';
import { APP_COMMAND_EVENT, type AppCommand } from '../../shared/contract/app-commands';
import { shellLanguageOf } from '../../shared/i18n/menu';
import { buildMenuTemplate } from './menu-template';

const ACCELERATORS: Partial<Record<AppCommand, string>> = {
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  library: 'CmdOrCtrl+L',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  'keyboard-help': '?',
};

/** Menu items run the renderer's own commands; the menu speaks the system's language. */
export function installAppMenu(getWindow: () => BrowserWindow | null): void {
  const run = (command: AppCommand) => {
    const window = getWindow();
    // The command name comes from our own closed list, never from the page.
    void window?.webContents.executeJavaScript(
      `window.dispatchEvent(new CustomEvent(${JSON.stringify(APP_COMMAND_EVENT)}, { detail: ${JSON.stringify(command)} }))`,
    );
  };
  const template = buildMenuTemplate({
    language: shellLanguageOf(app.getLocale()),
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    run,
    acceleratorOf: (command) => ACCELERATORS[command],
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
