import { create } from '../state/create';
import type { BriefContent, BriefSummary } from '../../../shared/brief/brief';
import type { Change } from '../../../shared/domain/changes';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';

interface BriefsState {
  briefs: BriefSummary[];
  loaded: boolean;
  /** The brief kept open beside the reader and the concordance (to drag spans into); null: none. */
  dockedId: number | null;
  load(): Promise<void>;
  create(title: string): Promise<number | null>;
  rename(id: number, title: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** Saves the whole editor state; rejects with the backend's error so the editor can say "not saved". */
  saveContent(id: number, content: BriefContent): Promise<void>;
  dock(id: number | null): void;
}

/** Brief writes are `brief.*` sets: off every undo stack, so they never bury a span edit's undo. */
const write = (change: Change) => api.applyChanges({ origin: 'manual', changes: [change] });

export const useBriefsStore = create<BriefsState>((set, get) => ({
  briefs: [],
  loaded: false,
  dockedId: null,

  async load() {
    try {
      set({ briefs: await api.listBriefs({}), loaded: true });
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  async create(title) {
    try {
      const applied = await write({ kind: 'brief.create', ref: 'brief', brief: { title } });
      await get().load();
      return applied.createdIds.brief ?? null;
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
      return null;
    }
  },

  async rename(id, title) {
    try {
      await write({ kind: 'brief.rename', id, title });
      await get().load();
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  async remove(id) {
    try {
      await write({ kind: 'brief.delete', id });
      if (get().dockedId === id) set({ dockedId: null });
      await get().load();
    } catch (error) {
      useAppStore.getState().notify('error', errorMessage(error));
    }
  },

  async saveContent(id, content) {
    await write({ kind: 'brief.setContent', id, content });
  },

  dock(dockedId) {
    set({ dockedId });
  },
}));
