import { storedDuplicateKeyOf } from '../duplicate-keys';
import type { Migration } from './types';

const BACKFILL_BATCH = 500;

/**
 * A stored duplicate key per article (its folded longest paragraph, hashed; see
 * store/duplicate-keys.ts), indexed, so an import finds a probable duplicate by one index
 * lookup instead of reading every article's text at the start of each job. Existing articles
 * get their key here, from the text as stored now.
 */
export const migration010DuplicateKey: Migration = {
  version: 10,
  name: 'probable-duplicate key',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN duplicate_key TEXT;
      CREATE INDEX articles_by_duplicate_key ON articles(duplicate_key) WHERE duplicate_key IS NOT NULL;
    `);
    // In batches: a statement cannot write while a SELECT is still being iterated on the connection.
    const batch = db.prepare<[number, number], { id: number; text: string }>(
      `SELECT id, text FROM articles WHERE id > ? ORDER BY id LIMIT ?`,
    );
    const setKey = db.prepare(`UPDATE articles SET duplicate_key = ? WHERE id = ?`);
    for (let rows = batch.all(0, BACKFILL_BATCH); rows.length > 0;) {
      for (const row of rows) setKey.run(storedDuplicateKeyOf(row.text), row.id);
      rows = batch.all(rows.at(-1)?.id ?? 0, BACKFILL_BATCH);
    }
  },
};
