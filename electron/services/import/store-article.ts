import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ArticleStore, NewArticle } from '../store/articles';
import { joinedWriteTransaction } from '../store/write-transaction';

/** The fingerprint duplicates are found by: the full canonical text, chrome included. */
export function contentHashOf(fullCanonicalText: string): string {
  return createHash('sha256').update(fullCanonicalText, 'utf8').digest('hex');
}

export type StoreOutcome =
  { outcome: 'imported'; articleId: number } | { outcome: 'duplicate'; articleId: number; displayTitle: string };

/**
 * Stores one prepared article in its own transaction, or reports the article it duplicates
 * (by `contentHash`, computed here when the caller has not).
 * `afterInsert` runs inside the same transaction (e.g. to add imported annotations), so a
 * failure there leaves nothing of the file behind. Inside a transaction (an imported file's) it
 * joins it, and the error rolls the file back.
 */
export function storeArticle(
  db: Database,
  articles: ArticleStore,
  article: Omit<NewArticle, 'contentHash'> & { contentHash?: string },
  afterInsert?: (articleId: number) => void,
): StoreOutcome {
  const contentHash = article.contentHash ?? contentHashOf(article.text + (article.trimmedText ?? ''));
  return joinedWriteTransaction(db, (): StoreOutcome => {
    const existing = articles.findIdByHash(contentHash);
    if (existing) return { outcome: 'duplicate', articleId: existing.id, displayTitle: existing.displayTitle };
    const articleId = articles.insert({ ...article, contentHash });
    afterInsert?.(articleId);
    return { outcome: 'imported', articleId };
  });
}
