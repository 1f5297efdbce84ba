import { createHash } from 'node:crypto';
import { duplicateKeyOf, duplicateKeyOfFolded } from '../../../shared/import/duplicate-key';

/**
 * The stored form of an article's duplicate key (shared/import/duplicate-key.ts), the column
 * `articles.duplicate_key` (migration 010): a sha-256 of the folded paragraph, so the index stays
 * small however long the paragraph; null when the text has no paragraph long enough to tell
 * articles apart.
 */
export function storedDuplicateKeyOf(text: string): string | null {
  return hashed(duplicateKeyOf(text));
}

const hashed = (key: string | null): string | null =>
  key === null ? null : createHash('sha256').update(key, 'utf8').digest('hex');

/** `storedDuplicateKeyOf` for a text already folded (`foldVietnamese(text)`). */
export function storedDuplicateKeyOfFolded(text: string, textFolded: string): string | null {
  return hashed(duplicateKeyOfFolded(text, textFolded));
}
