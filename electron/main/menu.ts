import { app, Menu } from 'electron';
import type { AppCommand } from '../../shared/contract/app-commands';
import { shellLanguageOf } from '../../shared/i18n/menu';
import { acceleratorOf, SHORTCUTS, type ShortcutId } from '../../shared/keymap';
import type { EventBus } from '../services/events/event-bus';
import { buildMenuTemplate } from './menu-template';

/** The keymap's accelerator for a command that has a shortcut (the keymap ids name the commands). */
function acceleratorOfCommand(command: AppCommand): string | undefined {
  const id = SHORTCUTS.find((shortcut) => shortcut.id === command)?.id as ShortcutId | undefined;
  return id ? acceleratorOf(id) : undefined;
}

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
    acceleratorOf: acceleratorOfCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
