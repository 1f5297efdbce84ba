import { createHash } from 'node:crypto';
import { duplicateKeyOf } from '../../../shared/import/duplicate-key';

/**
 * The stored form of an article's duplicate key (shared/import/duplicate-key.ts), the column
 * `articles.duplicate_key` (migration 010): a sha-256 of the folded paragraph, so the index stays
 * small however long the paragraph; null when the text has no paragraph long enough to tell
 * articles apart.
 */
export function storedDuplicateKeyOf(text: string): string | null {
  const key = duplicateKeyOf(text);
  return key === null ? null : createHash('sha256').update(key, 'utf8').digest('hex');
}
