import { create } from '../../state/create';
import { findOccurrences, parsePhraseQuery } from '../../../../shared/search/concordance';
import type { TextRange } from '../../../../shared/text/syllables';

interface FindState {
  open: boolean;
  query: string;
  /** The occurrences in the open article, in text order. */
  hits: TextRange[];
  /** Position in `hits` of the occurrence shown, or -1. */
  current: number;
  /** Opens the bar (Ctrl+F); the field takes focus and its text is selected. */
  show(): void;
  /** Finds `query` in `text` with the concordance's rules: folded, whole words, accents typed must match. */
  search(query: string, text: string): void;
  /** Moves to the next (1) or previous (-1) occurrence, wrapping around. */
  step(direction: 1 | -1): TextRange | null;
  close(): void;
}

/** Search inside the open article (issue 13): the query, its occurrences and the one shown. */
export const useFindStore = create<FindState>((set, get) => ({
  open: false,
  query: '',
  hits: [],
  current: -1,

  show() {
    set({ open: true });
  },

  search(query, text) {
    const hits = findOccurrences(text, parsePhraseQuery(query)).map(({ startU16, endU16 }) => ({
      start: startU16,
      end: endU16,
    }));
    set({ query, hits, current: hits.length > 0 ? 0 : -1 });
  },

  step(direction) {
    const { hits, current } = get();
    if (hits.length === 0) return null;
    const next = (current + direction + hits.length) % hits.length;
    set({ current: next });
    return hits[next] ?? null;
  },

  close() {
    set({ open: false, query: '', hits: [], current: -1 });
  },
}));
