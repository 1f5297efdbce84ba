import { useEffect } from 'react';
import { create } from '../state/create';
import type { HistoryState, SchemaImportPreview } from '../../../shared/contract';
import type { AppliedChanges, Change } from '../../../shared/domain/changes';
import { api, events } from '../api/client';
import { backendText } from '../i18n/backend';
import { errorMessage, useAppStore } from '../state/app-store';

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoDescription: null, redoDescription: null };

/**
 * The schema editor's state: annotations per label, the corpus-wide history (where every
 * `label.*` set goes), and the last refusal. The labels themselves stay in the app store, which
 * every view reads, so the reader's palette and hotkeys follow an edit at once.
 */
interface SchemaState {
  usage: Record<string, number>;
  history: HistoryState;
  /** The backend's refusal of the last edit, shown beside the form. */
  error: string | null;
  refresh(): Promise<void>;
  /** Applies one change set; true when it was saved. */
  apply(changes: Change[], description?: string): Promise<boolean>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  clearError(): void;
  previewImport(file: unknown): Promise<SchemaImportPreview | null>;
  importSchema(file: unknown): Promise<boolean>;
}

export const useSchemaStore = create<SchemaState>((set, get) => {
  /** Runs a write; a refusal becomes the form's error and a toast. */
  const write = async (
    run: () => Promise<Pick<AppliedChanges, 'description' | 'descriptionRef'> | null>,
  ): Promise<boolean> => {
    try {
      const applied = await run();
      set({ error: null });
      if (applied) useAppStore.getState().notify('info', backendText(applied.descriptionRef, applied.description));
      await get().refresh();
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      useAppStore.getState().notify('error', errorMessage(error));
      return false;
    }
  };

  return {
    usage: {},
    history: NO_HISTORY,
    error: null,

    async refresh() {
      try {
        const [usage, history] = await Promise.all([
          api.getLabelUsage({}),
          api.getHistoryState({ articleId: null }),
          useAppStore.getState().refreshLabels(),
        ]);
        set({ usage, history });
      } catch (error) {
        useAppStore.getState().notify('error', errorMessage(error));
      }
    },

    apply: (changes, description) =>
      write(() => api.applyChanges({ origin: 'manual', changes, ...(description ? { description } : {}) })),
    undo: () => write(() => api.undo({ articleId: null })),
    redo: () => write(() => api.redo({ articleId: null })),
    clearError: () => set({ error: null }),

    async previewImport(file) {
      try {
        set({ error: null });
        return await api.previewSchemaImport({ file });
      } catch (error) {
        set({ error: errorMessage(error) });
        return null;
      }
    },

    importSchema: (file) => write(() => api.importSchema({ file })),
  };
});

/**
 * Keeps the labels live: a write that changed labels (here, from the reader's undo, or in another
 * window) refreshes them, so palettes and hotkeys never need a reload.
 */
export function useLiveLabels(): void {
  useEffect(
    () =>
      events.on('changesApplied', (applied) => {
        if (applied.labels) void useAppStore.getState().refreshLabels();
      }),
    [],
  );
}
