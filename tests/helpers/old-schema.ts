import type { Database } from 'better-sqlite3';
import { contentHashOf } from '../../electron/services/import/store-article';
import { countWords } from '../../shared/text/fold';

/**
 * Inserts an article with the columns of the first schema only, as an older release did: the
 * live ArticleStore writes columns later migrations add, so it cannot build an old database.
 * Returns the new id.
 */
export function insertOldArticle(db: Database, text: string, title: string | null = null): number {
  const now = '2026-01-01T00:00:00.000Z';
  const result = db
    .prepare(
      `INSERT INTO articles (raw_text, text, trimmed_text, content_hash, title, word_count, status, imported_at, updated_at)
       VALUES (?, ?, NULL, ?, ?, ?, 'new', ?, ?)`,
    )
    .run(text, text, contentHashOf(text), title, countWords(text), now, now);
  return Number(result.lastInsertRowid);
}
