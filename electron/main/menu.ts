import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { APP_COMMAND_EVENT, type AppCommand } from '../../shared/contract/app-commands';
import { acceleratorOf } from '../../shared/keymap';

/**
 * Menu items run the renderer's own commands. Accelerators are shown but not registered,
 * so the keystroke reaches the renderer, which owns the shortcut (and undo is ours, not the
 * text field's).
 */
export function installAppMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: AppCommand) => () => {
    const window = getWindow();
    // The command name comes from our own closed list, never from the page.
    void window?.webContents.executeJavaScript(
      `window.dispatchEvent(new CustomEvent(${JSON.stringify(APP_COMMAND_EVENT)}, { detail: ${JSON.stringify(command)} }))`,
    );
  };
  const item = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: send(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('Import…', 'import', acceleratorOf('import')),
        item('Export…', 'export', acceleratorOf('export')),
        { type: 'separator' },
        item('Library', 'library', acceleratorOf('library')),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', acceleratorOf('undo')),
        item('Redo', 'redo', acceleratorOf('redo')),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Switch label language (VI/EN)', 'toggle-language'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [item('Keyboard shortcuts', 'keyboard-help', acceleratorOf('keyboard-help')), { role: 'about' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
