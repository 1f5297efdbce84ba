/**
 * Commands the desktop menu sends to the renderer, as a DOM CustomEvent on window.
 * The renderer binds the same commands to its own shortcuts, so menu and keyboard agree.
 */
export const APP_COMMANDS = [
  'import',
  'export',
  'undo',
  'redo',
  'keyboard-help',
  'toggle-language',
  'library',
  'restore-backup',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const APP_COMMAND_EVENT = 'marginalia:command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
