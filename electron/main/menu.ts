import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract/app-commands';
import { acceleratorOf } from '../../shared/keymap';
import type { EventBus } from '../services/events/event-bus';

/**
 * Menu items run the renderer's own commands, sent as `appCommand` events (the window gets
 * them like every event, over IPC; no script is injected into the page). Accelerators are
 * shown but not registered, so the keystroke reaches the renderer, which owns the shortcut
 * (and undo is ours, not the text field's).
 */
export function installAppMenu(events: Pick<EventBus, 'publish'>): void {
  const send = (command: AppCommand) => () => events.publish('appCommand', { command });
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
        item('Restore from backup…', 'restore-backup'),
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
