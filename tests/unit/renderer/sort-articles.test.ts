import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../shared/domain/schemas';
import { sortArticles } from '../../../renderer/src/library/sort-articles';

const article = (id: number, displayTitle: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  title: displayTitle,
  displayTitle,
  source: null,
  publishedAt: null,
  wordCount: 0,
  annotationCount: 0,
  status: 'new',
  importedAt: `2026-11-24T08:00:0${id}.000Z`,
  updatedAt: '2026-11-24T08:00:00.000Z',
  ...extra,
});

describe('sortArticles', () => {
  it('sorts titles in Vietnamese alphabetical order (d before đ, u before ư)', () => {
    const sorted = sortArticles(
      [article(1, 'Đường biên giới'), article(2, 'Ưu tiên hợp tác'), article(3, 'Dương Đông'), article(4, 'Uy tín')],
      { key: 'title', direction: 'ascending' },
    );
    expect(sorted.map((a) => a.displayTitle)).toEqual(['Dương Đông', 'Đường biên giới', 'Uy tín', 'Ưu tiên hợp tác']);
  });

  it('sorts counts and statuses both ways, ties in import order', () => {
    const articles = [
      article(1, 'a', { annotationCount: 3, status: 'done' }),
      article(2, 'b', { annotationCount: 10, status: 'new' }),
      article(3, 'c', { annotationCount: 3, status: 'in_progress' }),
    ];
    expect(sortArticles(articles, { key: 'annotations', direction: 'descending' }).map((a) => a.id)).toEqual([2, 1, 3]);
    expect(sortArticles(articles, { key: 'status', direction: 'ascending' }).map((a) => a.id)).toEqual([2, 3, 1]);
  });
});

describe('formatPublished', () => {
  it('shows dates the way Vietnamese sites print them, never inventing a year', async () => {
    const { formatPublished } = await import('../../../renderer/src/library/format');
    expect(formatPublished('2023-01-10T14:45')).toBe('10/01/2023 14:45');
    expect(formatPublished('2019-02-01T23:57+07:00')).toBe('01/02/2019 23:57');
    expect(formatPublished('2023-01-10')).toBe('10/01/2023');
    expect(formatPublished('--02-26')).toBe('26/02');
    expect(formatPublished(null)).toBe('—');
  });
});
