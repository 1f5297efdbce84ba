import { create } from 'zustand';
import type { AnnotationChange, HistoryState } from '../../../shared/contract';
import {
  ArticleSummarySchema,
  type Annotation,
  type Article,
  type ArticleMetadataPatch,
  type ArticleStatus,
} from '../../../shared/domain/schemas';
import { IntervalIndex } from '../../../shared/domain/interval-index';
import type { TextRange } from '../../../shared/text/syllables';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { SpanEvents, type SpanChange } from './span-events';

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false, undoDescription: null, redoDescription: null };

interface ReaderState {
  article: Article | null;
  /** Bumped on every span change, so list views re-render without copying the spans. */
  spansVersion: number;
  selectedId: number | null;
  /** The (snapped) text selection a label key would tag. */
  pending: TextRange | null;
  history: HistoryState;
  load(articleId: number): Promise<void>;
  close(): void;
  select(id: number | null): void;
  setPending(range: TextRange | null): void;
  /** Tags the pending selection, or relabels the selected span. */
  applyLabel(labelKey: string): Promise<void>;
  resize(id: number, range: TextRange): Promise<void>;
  setNote(id: number, note: string): Promise<void>;
  remove(id: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  setStatus(status: ArticleStatus): Promise<void>;
  updateMetadata(patch: ArticleMetadataPatch): Promise<void>;
  restoreTrimmed(): Promise<void>;
}

/** The open article's spans, indexed for "what covers offset x"; lives outside React state. */
export let spanIndex = new IntervalIndex<Annotation>([]);
export const spanEvents = new SpanEvents();

/** Temporary ids for optimistic spans; the store replaces them with the saved ones. */
let nextTemporaryId = -1;

/**
 * An action on a span still being created (a fast Alt+→ right after the hotkey) targets its
 * temporary id; writes run in order, so by the time that write runs the saved id is known.
 */
const savedIds = new Map<number, number>();
const savedId = (id: number): number => savedIds.get(id) ?? id;

/** Span writes (and undo/redo) run one at a time, in the order the user made them. */
let writeQueue: Promise<void> = Promise.resolve();
function queueWrite(write: () => Promise<void>): Promise<void> {
  writeQueue = writeQueue.then(write, write);
  return writeQueue;
}

export const useReaderStore = create<ReaderState>((set, get) => {
  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));

  const applyChange = (change: SpanChange) => {
    for (const annotation of change.removed) spanIndex.remove(annotation.id);
    for (const annotation of change.upserted) {
      if (spanIndex.get(annotation.id)) spanIndex.update(annotation);
      else spanIndex.add(annotation);
    }
    spanEvents.emit(change);
    const selectedId = get().selectedId;
    set((state) => ({
      spansVersion: state.spansVersion + 1,
      selectedId: selectedId !== null && !spanIndex.get(selectedId) ? null : selectedId,
    }));
  };

  /** History and counts after a write; a failure here is shown but changes no span. */
  const refreshAfterWrite = async (articleId: number) => {
    try {
      const [history, summary] = await Promise.all([
        api.getHistoryState({ articleId }),
        api.getArticleSummary({ id: articleId }),
      ]);
      if (get().article?.id !== articleId) return;
      set((state) => ({
        history,
        article: state.article
          ? { ...state.article, status: summary.status, annotationCount: summary.annotationCount }
          : null,
      }));
      useLibraryStore.getState().updateSummary(summary);
    } catch (error) {
      fail(error);
    }
  };

  /**
   * Runs a write optimistically: the view changes at once, the write is queued behind earlier
   * ones (so the store sees them in the user's order), and on failure `undoOnFailure` restores
   * the view and the reason is shown. The local state is what the user intended and the service
   * accepted, so a success changes nothing more (except giving a new span its saved id).
   */
  const optimistic = async <T>(change: {
    apply: SpanChange;
    undoOnFailure: SpanChange;
    write: () => Promise<T>;
    onSaved?: (result: T) => void;
  }) => {
    const articleId = get().article?.id;
    if (articleId === undefined) return;
    applyChange(change.apply);
    await queueWrite(async () => {
      try {
        // Not `onSaved?.(await write())`: an optional call skips evaluating its argument, so
        // every write without onSaved (relabel, note, edges, delete) was never sent.
        const saved = await change.write();
        change.onSaved?.(saved);
      } catch (error) {
        // A span created meanwhile has its saved id by now: undo on that one.
        const saved = (annotation: Annotation) => ({ ...annotation, id: savedId(annotation.id) });
        applyChange({
          upserted: change.undoOnFailure.upserted.map(saved),
          removed: change.undoOnFailure.removed.map(saved),
        });
        fail(error);
      }
    });
    await refreshAfterWrite(articleId);
  };

  return {
    article: null,
    spansVersion: 0,
    selectedId: null,
    pending: null,
    history: NO_HISTORY,

    async load(articleId) {
      try {
        const [article, annotations, history] = await Promise.all([
          api.getArticle({ id: articleId }),
          api.listAnnotations({ articleId }),
          api.getHistoryState({ articleId }),
        ]);
        spanIndex = new IntervalIndex(annotations);
        set((state) => ({ article, history, selectedId: null, pending: null, spansVersion: state.spansVersion + 1 }));
      } catch (error) {
        fail(error);
      }
    },

    close() {
      spanIndex = new IntervalIndex<Annotation>([]);
      set({ article: null, selectedId: null, pending: null, history: NO_HISTORY });
    },

    select(selectedId) {
      set({ selectedId, pending: null });
    },

    setPending(pending) {
      set({ pending, selectedId: pending ? null : get().selectedId });
    },

    async applyLabel(labelKey) {
      const { article, pending, selectedId } = get();
      if (!article) return;
      if (pending) {
        const now = new Date().toISOString();
        const draft: Annotation = {
          id: nextTemporaryId--,
          articleId: article.id,
          labelKey,
          start: pending.start,
          end: pending.end,
          quote: article.text.slice(pending.start, pending.end),
          note: '',
          author: '', // the service fills in the profile's name
          origin: 'manual',
          createdAt: now,
          updatedAt: now,
        };
        set({ pending: null, selectedId: draft.id });
        window.getSelection()?.removeAllRanges();
        await optimistic({
          apply: { upserted: [draft], removed: [] },
          undoOnFailure: { upserted: [], removed: [draft] },
          write: () =>
            api.createAnnotation({
              articleId: article.id,
              labelKey,
              start: draft.start,
              end: draft.end,
              quote: draft.quote,
            }),
          onSaved: (saved) => {
            savedIds.set(draft.id, saved.id);
            // Before the swap below, which would otherwise clear a selection of the vanished draft.
            if (get().selectedId === draft.id) set({ selectedId: saved.id });
            // Edits made while the create was in flight are queued behind it: keep showing them.
            const current = spanIndex.get(draft.id);
            if (current) {
              const { labelKey: label, start, end, quote, note } = current;
              applyChange({ upserted: [{ ...saved, labelKey: label, start, end, quote, note }], removed: [current] });
            }
          },
        });
        return;
      }
      const selected = selectedId === null ? undefined : spanIndex.get(selectedId);
      if (!selected || selected.labelKey === labelKey) return;
      await optimistic({
        apply: { upserted: [{ ...selected, labelKey }], removed: [] },
        undoOnFailure: { upserted: [selected], removed: [] },
        write: () => api.updateAnnotation({ id: savedId(selected.id), labelKey }),
      });
    },

    async resize(id, range) {
      const { article } = get();
      const current = spanIndex.get(id);
      if (!article || !current || (current.start === range.start && current.end === range.end)) return;
      const quote = article.text.slice(range.start, range.end);
      await optimistic({
        apply: { upserted: [{ ...current, ...range, quote }], removed: [] },
        undoOnFailure: { upserted: [current], removed: [] },
        write: () => api.updateAnnotation({ id: savedId(id), start: range.start, end: range.end, quote }),
      });
    },

    async setNote(id, note) {
      const current = spanIndex.get(id);
      if (!current || current.note === note) return;
      await optimistic({
        apply: { upserted: [{ ...current, note }], removed: [] },
        undoOnFailure: { upserted: [current], removed: [] },
        write: () => api.updateAnnotation({ id: savedId(id), note }),
      });
    },

    async remove(id) {
      const current = spanIndex.get(id);
      if (!current) return;
      await optimistic({
        apply: { upserted: [], removed: [current] },
        undoOnFailure: { upserted: [current], removed: [] },
        write: () => api.deleteAnnotation({ id: savedId(id) }),
      });
    },

    async undo() {
      await runHistoryStep((articleId) => api.undo({ articleId }));
    },

    async redo() {
      await runHistoryStep((articleId) => api.redo({ articleId }));
    },

    async setStatus(status) {
      const { article } = get();
      if (!article) return;
      try {
        const summary = await api.setArticleStatus({ id: article.id, status });
        set({ article: { ...article, status: summary.status } });
        useLibraryStore.getState().updateSummary(summary);
      } catch (error) {
        fail(error);
      }
    },

    async updateMetadata(patch) {
      const { article } = get();
      if (!article) return;
      try {
        const updated = await api.updateArticleMetadata({ id: article.id, patch });
        set({ article: updated });
        useLibraryStore.getState().updateSummary(ArticleSummarySchema.parse(updated)); // parse drops the text
      } catch (error) {
        fail(error);
      }
    },

    async restoreTrimmed() {
      const { article } = get();
      if (!article) return;
      try {
        const restored = await api.restoreTrimmedText({ articleId: article.id });
        set({ article: restored });
      } catch (error) {
        fail(error);
      }
    },
  };

  async function runHistoryStep(step: (articleId: number) => Promise<AnnotationChange | null>) {
    const articleId = get().article?.id;
    if (articleId === undefined) return;
    await queueWrite(async () => {
      try {
        const change = await step(articleId);
        if (!change) return;
        const removed = change.removed.map((id) => spanIndex.get(id)).filter((a): a is Annotation => a !== undefined);
        applyChange({ upserted: change.upserted, removed });
        useAppStore.getState().notify('info', change.description);
      } catch (error) {
        fail(error);
      }
    });
    await refreshAfterWrite(articleId);
  }
});
