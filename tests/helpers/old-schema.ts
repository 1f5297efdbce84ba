import type { Database } from 'better-sqlite3';
import { contentHashOf } from '../../electron/services/import/store-article';
import { openDatabase } from '../../electron/services/store/database';
import { MIGRATIONS } from '../../electron/services/store/migrations';
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

/** A span as an older release stored it: label, the quote (its first occurrence in the text), note. */
export type OldSpan = [labelKey: string, quote: string, note: string];

/**
 * Writes a database file at schema `version` holding one article with `text` and the given spans
 * (keyed by the test's own names), as a release at that version did; the spans' columns are those
 * every version since migration 003 has. Returns the article's id and each span's.
 */
export function oldDatabaseWithSpans<Key extends string>(
  path: string,
  version: number,
  text: string,
  spans: Record<Key, OldSpan>,
): { articleId: number; spanIds: Record<Key, number> } {
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= version) });
  try {
    if (db.pragma('user_version', { simple: true }) !== version)
      throw new Error(`${path} is not at version ${version}`);
    const articleId = insertOldArticle(db, text, 'Một');
    const insertSpan = db.prepare(
      `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'Lan', 'manual', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
    );
    const spanIds = {} as Record<Key, number>;
    for (const [key, [labelKey, quote, note]] of Object.entries(spans) as [Key, OldSpan][]) {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`"${quote}" is not in the text`);
      spanIds[key] = Number(
        insertSpan.run(articleId, labelKey, start, start + quote.length, quote, note).lastInsertRowid,
      );
    }
    return { articleId, spanIds };
  } finally {
    db.close();
  }
}
