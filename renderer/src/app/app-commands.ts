import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/contract/app-commands';
import { events } from '../api/client';
import { useSchemaStore } from '../schema/schema-store';
import { useAppStore } from '../state/app-store';
import { isTypingTarget, shortcutFor } from './keymap';

/**
 * The stores whose views are chunks loaded after the first paint (App.tsx) are imported when a
 * command needs them, so the start bundle does not hold them (issue 13); by then they are
 * loaded, or the import loads them (and their view is not on screen: nothing to undo there).
 */
const historyOf = {
  reader: () => import('../reader/reader-store').then(({ useReaderStore }) => useReaderStore.getState()),
  adjudication: () =>
    import('../adjudication/adjudication-store').then(({ useAdjudicationStore }) => useAdjudicationStore.getState()),
  concordance: () =>
    import('../corpus/concordance-store').then(({ useConcordanceStore }) => useConcordanceStore.getState()),
  entities: () => import('../entities/entities-store').then(({ useEntitiesStore }) => useEntitiesStore.getState()),
};

/** The history Ctrl+Z and Ctrl+Shift+Z step in, for what is on screen. */
function historyOnScreen(): Promise<{ undo(): Promise<unknown>; redo(): Promise<unknown> }> {
  const app = useAppStore.getState();
  // In the schema editor: the schema's (corpus-wide) history; in the adjudication view: the
  // article's stack, where every decision is a step; outside the reader, the concordance's undo
  // takes back its last annotate-all; in the entities views, the corpus-wide entity stack
  // (entity edits, merges, splits); in the reader: the newest step of the article's or the
  // schema's history (undoNewest).
  if (app.schemaOpen) return Promise.resolve(useSchemaStore.getState());
  if (app.adjudicationArticleId !== null) return historyOf.adjudication();
  if (app.openArticleId === null && app.view === 'concordance') return historyOf.concordance();
  if (app.openArticleId === null && app.view === 'entities') return historyOf.entities();
  return historyOf.reader();
}

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
    case 'concordance':
    case 'dashboard':
    case 'entities':
    case 'briefs':
      app.showView(command);
      break;
    case 'restore-backup':
    case 'export-work':
    case 'import-package':
      app.setDialog(command);
      break;
    case 'schema':
      app.openSchema(true);
      break;
    case 'undo':
      void historyOnScreen().then((history) => history.undo());
      break;
    case 'redo':
      void historyOnScreen().then((history) => history.redo());
      break;
  }
}

/** Wires keyboard shortcuts and desktop-menu commands to the same actions. */
export function useAppCommands(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // In a text field, Ctrl+Z is the field's own undo, and "?" is just a character.
      if (isTypingTarget(event.target)) return;
      const command = shortcutFor(event, 'app');
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
