import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/contract/app-commands';
import { events } from '../api/client';
import { useReaderStore } from '../reader/reader-store';
import { useAppStore } from '../state/app-store';

export function runAppCommand(command: AppCommand): void {
  const app = useAppStore.getState();
  switch (command) {
    case 'import':
      app.setDialog('import');
      break;
    case 'export':
      app.setDialog('export');
      break;
    case 'keyboard-help':
      app.setDialog(app.dialog === 'keyboard-help' ? null : 'keyboard-help');
      break;
    case 'toggle-language':
      app.setLanguage(app.language === 'vi' ? 'en' : 'vi');
      break;
    case 'library':
      app.openArticle(null);
      break;
    case 'restore-backup':
      app.setDialog('restore-backup');
      break;
    case 'undo':
      void useReaderStore.getState().undo();
      break;
    case 'redo':
      void useReaderStore.getState().redo();
      break;
  }
}

/** The shortcut of each command; the desktop menu shows the same accelerators. */
function commandForKey(event: KeyboardEvent): AppCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'o') return 'import';
  if (mod && key === 'e') return 'export';
  if (mod && key === 'l') return 'library';
  if (!mod && !event.altKey && event.key === '?') return 'keyboard-help';
  return null;
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}

/** Wires keyboard shortcuts and desktop-menu commands to the same actions. */
export function useAppCommands(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // In a text field, Ctrl+Z is the field's own undo, and "?" is just a character.
      if (isTextField(event.target)) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      runAppCommand(command);
    };
    document.addEventListener('keydown', onKeyDown);
    // The client parsed the payload: the command is one of the closed list.
    const stopMenuCommands = events.on('appCommand', ({ command }) => runAppCommand(command));
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      stopMenuCommands();
    };
  }, []);
}
