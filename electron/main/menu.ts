import { app, Menu } from 'electron';
import type { AppCommand } from '../../shared/contract/app-commands';
import { shellLanguageOf } from '../../shared/i18n/menu';
import type { EventBus } from '../services/events/event-bus';
import { buildMenuTemplate } from './menu-template';

const ACCELERATORS: Partial<Record<AppCommand, string>> = {
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  library: 'CmdOrCtrl+L',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  'keyboard-help': '?',
};

/**
 * Menu items run the renderer's own commands, sent as `appCommand` events (the window gets
 * them like every event, over IPC; no script is injected into the page). The menu speaks the
 * system's language.
 */
export function installAppMenu(events: Pick<EventBus, 'publish'>): void {
  const template = buildMenuTemplate({
    language: shellLanguageOf(app.getLocale()),
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    run: (command) => events.publish('appCommand', { command }),
    acceleratorOf: (command) => ACCELERATORS[command],
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
