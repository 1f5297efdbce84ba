import { create } from '../../state/create';
import type { Suggestion } from '../../../../shared/assist/suggestion';
import { api } from '../../api/client';
import { errorMessage, useAppStore } from '../../state/app-store';
import { useReaderStore } from '../reader-store';

/**
 * The open article's suggestions: fetched from the backend, focused one at a time (N/P), accepted
 * (Enter) as spans with origin `model` and rejected (Backspace) as `assist.reject` changes, both
 * through the article's DocumentSync, so they are ordered with every other edit and undone as one.
 * The list is fetched again after the sync's steps settle (the backend drops what was accepted,
 * rejected or tagged by hand): once per burst of edits, never two requests at a time, because on a
 * long article computing suggestions takes the backend a noticeable moment.
 */
interface SuggestionState {
  articleId: number | null;
  /** The first open suggestions, in reading order (the backend lists at most SUGGESTIONS_LISTED_MAX). */
  suggestions: Suggestion[];
  /** How many are open in all. */
  total: number;
  /** Index of the suggestion N/P/Enter/Backspace act on; null when none is focused. */
  focused: number | null;
  /** Patterns the backend cut off by their time budget on this article. */
  stoppedPatterns: string[];
  /** Whether suggestions are painted and listed; off hides them without switching sources off. */
  shown: boolean;
  load(articleId: number): Promise<void>;
  /** Fetches again after a short quiet spell; a burst of calls makes one request. */
  scheduleLoad(articleId: number): void;
  clear(): void;
  setShown(shown: boolean): void;
  focus(index: number | null): void;
  /** Moves the focus to the next (1) or previous (-1) suggestion, wrapping around. */
  step(direction: 1 | -1): Suggestion | null;
  accept(index: number): Promise<void>;
  acceptAllOf(labelKey: string): Promise<void>;
  reject(index: number): Promise<void>;
}

/** Quiet spell after the last settled edit before suggestions are fetched again. */
const REFETCH_DELAY_MS = 250;

export const useSuggestionStore = create<SuggestionState>((set, get) => {
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  /** Set when a fetch was asked for while one was running: its answer may already be stale. */
  let fetchAgain = false;

  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));

  /** Drops suggestions optimistically; the refetch after the step settles has the last word. */
  const without = (dropped: ReadonlySet<Suggestion>) => {
    const { suggestions, focused } = get();
    const focusedSuggestion = focused === null ? null : suggestions[focused];
    const kept = suggestions.filter((suggestion) => !dropped.has(suggestion));
    const nextFocus =
      focusedSuggestion && dropped.has(focusedSuggestion) ? Math.min(focused ?? 0, kept.length - 1) : focused;
    set({
      suggestions: kept,
      total: Math.max(0, get().total - (suggestions.length - kept.length)),
      focused: kept.length === 0 || nextFocus === null || nextFocus < 0 ? null : nextFocus,
    });
  };

  const accept = async (accepted: Suggestion[]) => {
    const sync = useReaderStore.getState().sync;
    if (!sync || accepted.length === 0) return;
    without(new Set(accepted));
    const fields = accepted.map(({ labelKey, start, end, quote }) => ({ labelKey, start, end, quote, note: '' }));
    await sync.createMany(fields, 'model').settled;
  };

  const fetchInto = async (articleId: number) => {
    try {
      const found = await api.getSuggestions({ articleId });
      // A later article was opened meanwhile: this answer is for one no longer shown.
      if (useReaderStore.getState().article?.id !== articleId) return;
      const previous = get();
      const focusedSuggestion = previous.focused === null ? null : previous.suggestions[previous.focused];
      const refocus = focusedSuggestion ? found.suggestions.findIndex((s) => s.start >= focusedSuggestion.start) : -1;
      set({
        articleId,
        suggestions: found.suggestions,
        total: found.total,
        stoppedPatterns: found.stoppedPatterns,
        focused: previous.articleId === articleId && refocus >= 0 ? refocus : null,
      });
    } catch (error) {
      fail(error);
    }
  };

  return {
    articleId: null,
    suggestions: [],
    total: 0,
    focused: null,
    stoppedPatterns: [],
    shown: true,

    load(articleId) {
      if (inFlight) {
        fetchAgain = true;
        return inFlight;
      }
      inFlight = fetchInto(articleId).finally(() => {
        inFlight = null;
        if (fetchAgain) {
          fetchAgain = false;
          get().scheduleLoad(articleId);
        }
      });
      return inFlight;
    },

    scheduleLoad(articleId) {
      clearTimeout(refetchTimer);
      refetchTimer = setTimeout(() => void get().load(articleId), REFETCH_DELAY_MS);
    },

    clear() {
      clearTimeout(refetchTimer);
      fetchAgain = false;
      set({ articleId: null, suggestions: [], total: 0, focused: null, stoppedPatterns: [] });
    },

    setShown(shown) {
      set({ shown, focused: shown ? get().focused : null });
    },

    focus(focused) {
      set({ focused });
    },

    step(direction) {
      const { suggestions, focused, shown } = get();
      if (!shown || suggestions.length === 0) return null;
      const next =
        focused === null
          ? direction === 1
            ? 0
            : suggestions.length - 1
          : (focused + direction + suggestions.length) % suggestions.length;
      set({ focused: next });
      return suggestions[next] ?? null;
    },

    accept: (index) => {
      const suggestion = get().suggestions[index];
      return suggestion ? accept([suggestion]) : Promise.resolve();
    },

    acceptAllOf: (labelKey) => accept(get().suggestions.filter((suggestion) => suggestion.labelKey === labelKey)),

    async reject(index) {
      const suggestion = get().suggestions[index];
      const sync = useReaderStore.getState().sync;
      if (!suggestion || !sync) return;
      without(new Set([suggestion]));
      const { labelKey, start, end, quote } = suggestion;
      await sync.applyOthers([
        { kind: 'assist.reject', suggestion: { articleId: sync.articleId, labelKey, start, end, quote } },
      ]);
    },
  };
});
