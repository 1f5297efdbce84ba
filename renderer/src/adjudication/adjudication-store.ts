import { create } from '../state/create';
import type { Decision } from '../../../shared/adjudication/changes';
import type { DisagreementList, DisagreementView } from '../../../shared/contract/adjudication';
import { stepSpanEdge } from '../../../shared/text/syllable-steps';
import { api } from '../api/client';
import { i18next } from '../i18n';
import { errorMessage, useAppStore } from '../state/app-store';

/** A version being edited before it is accepted (E): a label and a range on the text. */
export interface EditedVersion {
  labelKey: string;
  start: number;
  end: number;
}

interface AdjudicationState {
  articleId: number | null;
  /** The layers to compare when an article is opened (the agreement table's pair); null: the default pair. */
  wanted: { mine: string; theirs: string } | null;
  title: string;
  /** The article's canonical text (edits move edges on it and show their quote). */
  text: string;
  list: DisagreementList | null;
  /** Position of the current disagreement in `list.disagreements`. */
  index: number;
  editing: EditedVersion | null;
  /** A decision, undo or redo is on its way: keys wait for its answer. */
  busy: boolean;
  open(articleId: number): Promise<void>;
  /** Opens the adjudication view of an article on these two layers. */
  adjudicate(articleId: number, layers: { mine: string; theirs: string } | null): void;
  close(): void;
  /** Compares two other layers of the open article. */
  setLayers(mine: string, theirs: string): Promise<void>;
  /** Reads the disagreements again (after a write here or elsewhere), keeping the current one. */
  reload(): Promise<void>;
  go(index: number): void;
  step(direction: 1 | -1): void;
  decide(decision: Exclude<Decision, 'edited'>): Promise<void>;
  startEdit(): void;
  moveEdge(edge: 'start' | 'end', direction: 1 | -1): void;
  setEditLabel(labelKey: string): void;
  acceptEdit(): Promise<void>;
  cancelEdit(): void;
  /** Copies the spans both layers have alike into gold (one undoable step). */
  acceptAgreed(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const notifyError = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));

/** The first open disagreement at or after `from` (wrapping round), or `from` when all are decided. */
function nextOpen(disagreements: readonly DisagreementView[], from: number): number {
  for (let offset = 0; offset < disagreements.length; offset++) {
    const index = (from + offset) % disagreements.length;
    if (disagreements[index]?.decision === null) return index;
  }
  return Math.min(from, Math.max(0, disagreements.length - 1));
}

/**
 * The adjudication view's state: the open article's disagreements between two layers, the one
 * on screen, and the version being edited. Decisions go to the backend one at a time (`busy`);
 * each is one step of the article's history, so Ctrl+Z here is the article's undo.
 */
export const useAdjudicationStore = create<AdjudicationState>((set, get) => {
  const layersOf = () => {
    const { list } = get();
    return list?.mine && list.theirs ? { mine: list.mine, theirs: list.theirs } : null;
  };

  /**
   * Runs one write, reads the disagreements again, and moves on: after a decision to the next
   * open disagreement; after undo or redo to the one whose decision it took back or made again.
   */
  const write = async (run: () => Promise<unknown>, after: 'next-open' | 'changed' | 'stay') => {
    if (get().busy) return;
    set({ busy: true });
    try {
      const before = new Map(get().list?.disagreements.map((item) => [item.key, item.decision]));
      await run();
      await get().reload();
      const { list, index } = get();
      if (!list) return;
      if (after === 'next-open') set({ index: nextOpen(list.disagreements, index) });
      const changed = list.disagreements.findIndex((item) => before.get(item.key) !== item.decision);
      if (after === 'changed' && changed >= 0) set({ index: changed });
    } catch (error) {
      notifyError(error);
    } finally {
      set({ busy: false });
    }
  };

  return {
    articleId: null,
    wanted: null,
    title: '',
    text: '',
    list: null,
    index: 0,
    editing: null,
    busy: false,

    async open(articleId) {
      set({ articleId, list: null, index: 0, editing: null, text: '', title: '' });
      try {
        const { wanted } = get();
        const [article, list] = await Promise.all([
          api.getArticle({ id: articleId }),
          api.listDisagreements({ articleId, ...(wanted ? { layers: wanted } : {}) }),
        ]);
        if (get().articleId !== articleId) return;
        set({ title: article.displayTitle, text: article.text, list, index: nextOpen(list.disagreements, 0) });
      } catch (error) {
        notifyError(error);
      }
    },

    adjudicate(articleId, layers) {
      set({ wanted: layers });
      useAppStore.getState().openAdjudication(articleId);
    },

    close() {
      set({ articleId: null, list: null, editing: null, text: '' });
    },

    async setLayers(mine, theirs) {
      const { articleId } = get();
      if (articleId === null) return;
      try {
        const list = await api.listDisagreements({ articleId, layers: { mine, theirs } });
        set({ list, index: nextOpen(list.disagreements, 0), editing: null });
      } catch (error) {
        notifyError(error);
      }
    },

    async reload() {
      const { articleId } = get();
      const layers = layersOf();
      if (articleId === null) return;
      const list = await api.listDisagreements({ articleId, ...(layers ? { layers } : {}) });
      if (get().articleId !== articleId) return;
      const key = get().list?.disagreements[get().index]?.key;
      const kept = list.disagreements.findIndex((disagreement) => disagreement.key === key);
      set({ list, index: kept >= 0 ? kept : Math.min(get().index, Math.max(0, list.disagreements.length - 1)) });
    },

    go(index) {
      const count = get().list?.disagreements.length ?? 0;
      if (count === 0 || get().editing) return;
      set({ index: Math.max(0, Math.min(count - 1, index)) });
    },

    step(direction) {
      get().go(get().index + direction);
    },

    async decide(decision) {
      const { articleId, list, index } = get();
      const layers = layersOf();
      const current = list?.disagreements[index];
      if (articleId === null || !layers || !current || current.decision !== null) return;
      await write(() => api.decideDisagreement({ articleId, ...layers, key: current.key, decision }), 'next-open');
    },

    startEdit() {
      const current = get().list?.disagreements[get().index];
      const version = current?.mine ?? current?.theirs;
      if (!current || current.decision !== null || !version) return;
      set({ editing: { labelKey: version.labelKey, start: version.start, end: version.end } });
    },

    moveEdge(edge, direction) {
      const { editing, text } = get();
      if (!editing) return;
      const moved = stepSpanEdge(text, editing, edge, direction);
      if (moved) set({ editing: { ...editing, ...moved } });
    },

    setEditLabel(labelKey) {
      const { editing } = get();
      if (editing) set({ editing: { ...editing, labelKey } });
    },

    async acceptEdit() {
      const { articleId, list, index, editing } = get();
      const layers = layersOf();
      const current = list?.disagreements[index];
      if (articleId === null || !layers || !current || !editing) return;
      await write(
        () => api.decideDisagreement({ articleId, ...layers, key: current.key, decision: 'edited', edited: editing }),
        'next-open',
      );
      set({ editing: null });
    },

    cancelEdit() {
      set({ editing: null });
    },

    async acceptAgreed() {
      const { articleId } = get();
      const layers = layersOf();
      if (articleId === null || !layers) return;
      await write(async () => {
        const applied = await api.acceptAgreed({ articleId, ...layers });
        if (!applied) useAppStore.getState().notify('info', i18next.t('adjudication.agreedAlreadyGold'));
      }, 'stay');
    },

    async undo() {
      const { articleId } = get();
      if (articleId !== null) await write(() => api.undo({ articleId }), 'changed');
    },

    async redo() {
      const { articleId } = get();
      if (articleId !== null) await write(() => api.redo({ articleId }), 'changed');
    },
  };
});
