import { useEffect } from 'react';
import type { AppCommand } from '../../../shared/contract/app-commands';
import { events } from '../api/client';
import { useAdjudicationStore } from '../adjudication/adjudication-store';
import { useEntitiesStore } from '../entities/entities-store';
import { useConcordanceStore } from '../corpus/concordance-store';
import { useReaderStore } from '../reader/reader-store';
import { useSchemaStore } from '../schema/schema-store';
import { useAppStore } from '../state/app-store';
import { isTypingTarget, shortcutFor } from './keymap';

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
    // In the schema editor: the schema's (corpus-wide) history; in the entities views, the
    // corpus-wide entity stack (entity edits, merges, splits); in the reader: the newest step of
    // the article's or the schema's history (undoNewest).
    case 'undo':
      // Outside the reader, undo takes back the last annotate-all of the concordance.
      if (app.schemaOpen) void useSchemaStore.getState().undo();
      // In the adjudication view: the article's stack, where every decision is a step.
      else if (app.adjudicationArticleId !== null) void useAdjudicationStore.getState().undo();
      else if (app.openArticleId === null && app.view === 'concordance') void useConcordanceStore.getState().undo();
      else if (app.openArticleId === null && app.view === 'entities') void useEntitiesStore.getState().undo();
      else void useReaderStore.getState().undo();
      break;
    case 'redo':
      if (app.schemaOpen) void useSchemaStore.getState().redo();
      else if (app.adjudicationArticleId !== null) void useAdjudicationStore.getState().redo();
      else if (app.openArticleId === null && app.view === 'concordance') void useConcordanceStore.getState().redo();
      else if (app.openArticleId === null && app.view === 'entities') void useEntitiesStore.getState().redo();
      else void useReaderStore.getState().redo();
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
