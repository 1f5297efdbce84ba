import { create } from '../state/create';
import type {
  AnnotateAllInput,
  AnnotateAllJob,
  AnnotateAllResult,
  ConcordanceHit,
  ConcordanceQuery,
} from '../../../shared/contract/corpus';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { foldVietnamese } from '../../../shared/text/fold';
import { api, events } from '../api/client';
import { i18next } from '../i18n';
import { errorMessage, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { JobTracker } from '../transfer/job-tracker';

export type HitOrder = 'text' | 'left' | 'right';

/** What the last annotate-all did, for the review list and its undo. */
export interface AnnotateReview {
  request: AnnotateAllInput;
  result: AnnotateAllResult;
  /** Articles the created spans are in. */
  articleCount: number;
  undone: boolean;
}

interface ConcordanceState {
  /** The query shown; a dashboard bar sets a `spans` query with a caption. */
  query: ConcordanceQuery | null;
  caption: string | null;
  /** Limit the search to the library's current filter. */
  withinLibraryFilter: boolean;
  /** The scope a dashboard bar gave its query, kept for refreshes; null: see withinLibraryFilter. */
  scope: LibraryFilter | null;
  hits: ConcordanceHit[];
  articleCount: number;
  complete: boolean;
  loading: boolean;
  order: HitOrder;
  /** Hits ticked for annotate-all, by position in `hits`. */
  selected: ReadonlySet<number>;
  /** Keyboard focus, by position in the ordered list. */
  focused: number;
  labelKey: string | null;
  review: AnnotateReview | null;
  busy: boolean;
  /** The annotate-all job running (or just finished), with its progress. */
  job: AnnotateAllJob | null;
  /** `filter` replaces the scope for this query (a dashboard bar's own scope). */
  search(query: ConcordanceQuery, caption?: string | null, filter?: LibraryFilter): Promise<void>;
  setWithinLibraryFilter(within: boolean): void;
  setOrder(order: HitOrder): void;
  toggle(index: number): void;
  selectAll(): void;
  selectNone(): void;
  setFocused(position: number): void;
  setLabel(labelKey: string): void;
  annotateSelected(): Promise<void>;
  /** Stops the annotate-all job while it checks the hits; nothing is written. */
  cancelAnnotate(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

function scopeFilter(within: boolean): LibraryFilter {
  return within ? useLibraryStore.getState().filter : {};
}

const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));

/**
 * The concordance view's state: the hits of a query (text or stored spans), their order and
 * selection, and the last annotate-all with its undo and redo (the history's, one set each way).
 */
export const useConcordanceStore = create<ConcordanceState>((set, get) => ({
  query: null,
  caption: null,
  withinLibraryFilter: false,
  scope: null,
  hits: [],
  articleCount: 0,
  complete: true,
  loading: false,
  order: 'text',
  selected: new Set(),
  focused: 0,
  labelKey: null,
  review: null,
  busy: false,
  job: null,

  async search(query, caption = null, filter) {
    set({ query, caption, loading: true, scope: filter ?? null });
    try {
      const result = await api.concordance({ query, filter: filter ?? scopeFilter(get().withinLibraryFilter) });
      if (get().query !== query) return;
      set({
        hits: result.hits,
        articleCount: result.articleCount,
        complete: result.complete,
        // Every hit starts ticked: "annotate all" is the common case, unticking the exception.
        selected: new Set(result.hits.map((_, index) => index)),
        focused: 0,
      });
    } catch (error) {
      fail(error);
    } finally {
      if (get().query === query) set({ loading: false });
    }
  },

  setWithinLibraryFilter(within) {
    set({ withinLibraryFilter: within });
    const { query, caption } = get();
    if (query) void get().search(query, caption);
  },

  setOrder(order) {
    set({ order, focused: 0 });
  },

  toggle(index) {
    set((state) => {
      const selected = new Set(state.selected);
      if (!selected.delete(index)) selected.add(index);
      return { selected };
    });
  },

  selectAll() {
    set((state) => ({ selected: new Set(state.hits.map((_, index) => index)) }));
  },

  selectNone() {
    set({ selected: new Set() });
  },

  setFocused(position) {
    set((state) => ({ focused: Math.max(0, Math.min(state.hits.length - 1, position)) }));
  },

  setLabel(labelKey) {
    set({ labelKey });
  },

  async annotateSelected() {
    const { hits, selected, labelKey, query, busy } = get();
    if (!labelKey || selected.size === 0 || busy) return;
    const request: AnnotateAllInput = {
      labelKey,
      query: query && query.kind !== 'spans' ? query.query : labelKey,
      hits: [...selected]
        .sort((a, b) => a - b)
        .map((index) => {
          const { articleId, startU16, endU16 } = hits[index]!;
          return { articleId, startU16, endU16 };
        }),
    };
    await runAnnotate(request);
  },

  cancelAnnotate: () => annotateJobs.cancel(get().job),

  async undo() {
    const { review } = get();
    if (!review || review.undone) return;
    await stepHistory(review, 'undo');
  },

  async redo() {
    const { review } = get();
    if (!review?.undone) return;
    await stepHistory(review, 'redo');
  },
}));

/**
 * Undoes or redoes the review's set through the pipeline's history, in the stack it was recorded
 * on (corpus-wide when its spans are in several articles). The stack's next step must be this set:
 * a newer step there (a schema edit, another annotate-all) is named instead of being taken back.
 */
async function stepHistory(review: AnnotateReview, action: 'undo' | 'redo'): Promise<void> {
  const store = useConcordanceStore;
  const { applied } = review.result;
  if (!applied || store.getState().busy) return;
  store.setState({ busy: true });
  try {
    const scope = { articleId: applied.articleId };
    const history = await api.getHistoryState(scope);
    const next = action === 'undo' ? history.undoDescription : history.redoDescription;
    if (next !== applied.description) {
      useAppStore.getState().notify('error', i18next.t(`concordance.review.${action}Blocked`, { step: next ?? '—' }));
      return;
    }
    const done = action === 'undo' ? await api.undo(scope) : await api.redo(scope);
    if (done) store.setState({ review: { ...review, undone: action === 'undo' } });
    await refreshHits();
  } catch (error) {
    fail(error);
  } finally {
    store.setState({ busy: false });
  }
}

/** The request of the job being followed, for its review. */
let annotating: AnnotateAllInput | null = null;

/** Follows the annotate-all job through its progress events; its end makes the review. */
const annotateJobs = new JobTracker<AnnotateAllJob>(
  {
    get: (jobId) => api.getAnnotateAllJob({ jobId }),
    cancel: (jobId) => api.cancelAnnotateAll({ jobId }),
  },
  (job) => {
    const store = useConcordanceStore;
    store.setState({ job });
    const request = annotating;
    if (job.state === 'running' || request === null) return;
    annotating = null;
    annotateJobs.stop();
    store.setState({ busy: false });
    if (job.state === 'done' && job.result) {
      const articleCount = new Set(job.result.created.map((span) => span.articleId)).size;
      store.setState({ review: { request, result: job.result, articleCount, undone: false } });
      void refreshHits();
    } else if (job.state === 'cancelled') {
      useAppStore.getState().notify('info', i18next.t('concordance.job.cancelled'));
    } else {
      useAppStore.getState().notify('error', job.error ?? i18next.t('concordance.job.failed'));
    }
  },
  (error) => {
    annotating = null;
    useConcordanceStore.setState({ busy: false });
    fail(error);
  },
);
events.on('jobProgress', (progress) => {
  if (progress.kind === 'annotateAll') annotateJobs.receive(progress);
});
events.onResync(() => void annotateJobs.resync());

/** Starts annotate-all as a job: progress and cancel while the hits are checked, then one change set. */
async function runAnnotate(request: AnnotateAllInput): Promise<void> {
  const store = useConcordanceStore;
  if (store.getState().busy) return;
  store.setState({ busy: true, job: null });
  try {
    annotating = request;
    const { jobId } = await api.startAnnotateAll(request);
    annotateJobs.follow(jobId);
  } catch (error) {
    annotating = null;
    store.setState({ busy: false });
    fail(error);
  }
}

/** Asks again, so each line's labels show what is stored now; the selection is kept. */
async function refreshHits(): Promise<void> {
  const { query, withinLibraryFilter, scope, selected } = useConcordanceStore.getState();
  if (!query) return;
  try {
    const result = await api.concordance({ query, filter: scope ?? scopeFilter(withinLibraryFilter) });
    useConcordanceStore.setState({
      hits: result.hits,
      articleCount: result.articleCount,
      complete: result.complete,
      selected,
    });
  } catch (error) {
    fail(error);
  }
}

/**
 * Positions of `hits` in display order. Left context sorts by the words nearest the match first
 * (reading leftwards), right context by the words after it; both folded, ties in text order.
 */
export function orderHits(hits: readonly ConcordanceHit[], order: HitOrder): number[] {
  const positions = hits.map((_, index) => index);
  if (order === 'text') return positions;
  const keys = hits.map((hit) =>
    order === 'left'
      ? foldVietnamese(hit.left).trim().split(/\s+/).reverse().join(' ')
      : foldVietnamese(hit.right).trim(),
  );
  return positions.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}
