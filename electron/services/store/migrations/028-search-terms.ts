import { FOLDED_TABLE, SEARCH_TERMS_TABLE } from '../search-index';
import type { Migration } from './types';

/**
 * The terms of the full-text index of 002, one row per occurrence (FTS5's `fts5vocab`, nothing
 * stored): SearchStore.forIndex asks it whether any term extends the word being typed. A seek
 * that stops at the first such occurrence, 0.03–0.1 ms; the `row` kind counts each term's
 * documents first (3–5 ms for a common one).
 */
export const migration028SearchTerms: Migration = {
  version: 28,
  name: 'the terms of the full-text index, to see whether a typed prefix extends to another',
  up(db) {
    db.exec(`CREATE VIRTUAL TABLE ${SEARCH_TERMS_TABLE} USING fts5vocab(${FOLDED_TABLE}, instance)`);
  },
};
