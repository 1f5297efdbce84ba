/**
 * Commands the desktop menu sends to the renderer, as `appCommand` events (events.ts).
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
  'concordance',
  'dashboard',
  'entities',
  'briefs',
  'restore-backup',
  'schema',
  'export-work',
  'import-package',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
