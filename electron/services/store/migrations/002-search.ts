import { FOLDED_TABLE, SearchIndex } from '../search-index';
import type { Migration } from './types';

const BACKFILL_BATCH = 500;

/**
 * Full-text search over titles and texts (see SearchIndex). A contentless table: the text is
 * already in `articles`, so the index holds only tokens; `contentless_delete` lets a row be
 * replaced when a title or text changes. Folding happens in TypeScript before the write, so no
 * connection needs a custom tokenizer or function; `remove_diacritics 2` on the folded table
 * only catches what foldVietnamese leaves (marks outside U+0300–U+036F).
 */
export const migration002Search: Migration = {
  version: 2,
  name: 'full-text search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE ${FOLDED_TABLE} USING fts5(
        title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    `);
    // Backfill through the live writer so old and new rows are folded alike (a later migration
    // that reshapes these tables must therefore rebuild them itself). In batches: the writer
    // cannot run while a SELECT is still being iterated on the same connection.
    const index = new SearchIndex(db);
    const batch = db.prepare<[number, number], { id: number; title: string | null; text: string }>(
      `SELECT id, title, text FROM articles WHERE id > ? ORDER BY id LIMIT ?`,
    );
    for (let rows = batch.all(0, BACKFILL_BATCH); rows.length > 0;) {
      for (const row of rows) index.put(row.id, row.title, row.text);
      rows = batch.all(rows.at(-1)?.id ?? 0, BACKFILL_BATCH);
    }
  },
};
