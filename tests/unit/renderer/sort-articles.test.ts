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
  it('shows dates the way Vietnamese sites print them in Vietnamese, never inventing a year', async () => {
    const { formatPublished } = await import('../../../renderer/src/library/format');
    expect(formatPublished('2023-01-10T14:45', 'vi')).toBe('10/01/2023 14:45');
    expect(formatPublished('2019-02-01T23:57+07:00', 'vi')).toBe('01/02/2019 23:57');
    expect(formatPublished('2023-01-10', 'vi')).toBe('10/01/2023');
    expect(formatPublished('--02-26', 'vi')).toBe('26/2');
    expect(formatPublished('--02-29', 'vi')).toBe('29/2');
    expect(formatPublished(null, 'vi')).toBe('—');
  });

  it('names the month in English, with the stored wall-clock time whatever the time zone', async () => {
    const { formatPublished } = await import('../../../renderer/src/library/format');
    expect(formatPublished('2023-01-10T14:45', 'en')).toBe('Jan 10, 2023 14:45');
    expect(formatPublished('2023-01-10', 'en')).toBe('Jan 10, 2023');
    expect(formatPublished('--02-26', 'en')).toBe('Feb 26');
    expect(formatPublished('năm 2023', 'en')).toBe('năm 2023');
  });
});

describe('formatCount', () => {
  it('groups digits the way each language does', async () => {
    const { formatCount } = await import('../../../renderer/src/library/format');
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});
