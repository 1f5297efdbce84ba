import type { ArticleSummary } from '../../../shared/domain/schemas';

export type SortKey = 'title' | 'source' | 'published' | 'words' | 'annotations' | 'status' | 'imported';
export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

// Vietnamese alphabetical order: ư, ơ, â, ă, ê, ô and đ are letters of their own.
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
const STATUS_ORDER = { new: 0, in_progress: 1, done: 2 } as const;

function compareBy(key: SortKey, a: ArticleSummary, b: ArticleSummary): number {
  switch (key) {
    case 'title':
      return collator.compare(a.displayTitle, b.displayTitle);
    case 'source':
      return collator.compare(a.source ?? '', b.source ?? '');
    case 'published':
      return (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '');
    case 'words':
      return a.wordCount - b.wordCount;
    case 'annotations':
      return a.annotationCount - b.annotationCount;
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'imported':
      return a.importedAt.localeCompare(b.importedAt) || a.id - b.id;
  }
}

/** A sorted copy; ties keep import order, so the list never jumps between equal rows. */
export function sortArticles(articles: readonly ArticleSummary[], order: SortOrder): ArticleSummary[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...articles].sort((a, b) => sign * compareBy(order.key, a, b) || compareBy('imported', a, b));
}
