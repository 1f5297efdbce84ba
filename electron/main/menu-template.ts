import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/contract/app-commands';
import { SHELL_STRINGS, type ShellLanguage } from '../../shared/i18n/menu';

export interface MenuTemplateOptions {
  language: ShellLanguage;
  isMac: boolean;
  isPackaged: boolean;
  /** What a command item does when clicked. */
  run: (command: AppCommand) => void;
  /** The shortcut the renderer binds for a command, shown in the menu. */
  acceleratorOf: (command: AppCommand) => string | undefined;
}

/**
 * The application menu in one language. Pure (no Electron calls), so it is tested under Node.
 * Accelerators are shown but not registered, so the keystroke reaches the renderer, which owns
 * the shortcut (and undo is ours, not the text field's). Role items get our labels, since
 * Electron's own are English only.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const s = SHELL_STRINGS[options.language].menu;
  const item = (label: string, command: AppCommand): MenuItemConstructorOptions => {
    const accelerator = options.acceleratorOf(command);
    return {
      label,
      click: () => options.run(command),
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    };
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: s.file,
      submenu: [
        item(s.import, 'import'),
        item(s.export, 'export'),
        item(s.exportWork, 'export-work'),
        item(s.importPackage, 'import-package'),
        item(s.restoreBackup, 'restore-backup'),
        { type: 'separator' },
        item(s.library, 'library'),
        item(s.concordance, 'concordance'),
        item(s.dashboard, 'dashboard'),
        item(s.entities, 'entities'),
        item(s.briefs, 'briefs'),
        item(s.schema, 'schema'),
        { type: 'separator' },
        options.isMac ? { role: 'close', label: s.close } : { role: 'quit', label: s.quit },
      ],
    },
    {
      label: s.edit,
      submenu: [
        item(s.undo, 'undo'),
        item(s.redo, 'redo'),
        { type: 'separator' },
        { role: 'copy', label: s.copy },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        item(s.toggleLanguage, 'toggle-language'),
        { type: 'separator' },
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.fullScreen },
        ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: s.devTools }]),
      ],
    },
    {
      label: s.help,
      submenu: [item(s.keyboardHelp, 'keyboard-help'), { role: 'about', label: s.about }],
    },
  ];
}
