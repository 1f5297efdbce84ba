import { describe, expect, it } from 'vitest';
import { SearchService } from '../../../electron/services/search/search-service';
import { LibraryStore } from '../../../electron/services/store/library';
import type { LibraryFilter, LibrarySort } from '../../../shared/corpus/library-query';
import { preparedDuring, queryPlan } from '../../helpers/query-plan';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle } from '../corpus/helpers';

/**
 * Words in more than RANKED_MATCHES_MAX articles (10,000; 3 here) are not ranked by bm25, which
 * cost FTS5 80–130 ms for such words at 100,000 articles: the articles with the words in a row
 * come first, then the others, each group newest first; the count stays exact (issue 13).
 */
const MAX = 3;

describe('broad queries (words in more than RANKED_MATCHES_MAX articles)', () => {
  const openWorkbench = useTempWorkbenches();

  function corpus() {
    const workbench = openWorkbench();
    const add = (title: string, text: string, source: string | null = null) =>
      addArticle(workbench, { title, text, source });
    const ids = {
      scattered1: add('Một', 'Ninh Bình: ăn tết an toàn.'),
      adjacent1: add('Hai', 'Bảo đảm an ninh trật tự.'),
      scattered2: add('Ba', 'Ninh Thuận ăn mừng.'),
      none: add('Bốn', 'Không liên quan.'),
      adjacent2: add('Năm', 'An ninh mạng, an ninh biển.'),
      scattered3: add('Sáu', 'Ninh Hòa, an cư.'),
    };
    return { workbench, ids, library: new LibraryStore(workbench.db, MAX) };
  }

  const relevance = (direction: LibrarySort['direction'] = 'ascending'): LibrarySort => ({
    key: 'relevance',
    direction,
  });

  function pageOf(library: LibraryStore, filter: LibraryFilter, offset: number, limit: number, sort = relevance()) {
    return library.page(filter, sort, offset, limit);
  }

  it('lists the words in a row first, then the others, each newest first, in search and in the library', () => {
    const { workbench, ids, library } = corpus();
    const expected = [ids.adjacent2, ids.adjacent1, ids.scattered3, ids.scattered2, ids.scattered1];
    const search = new SearchService(workbench.db, MAX);
    expect(search.search('an ninh').map((hit) => hit.articleId)).toEqual(expected);
    expect(search.search('an ninh', 3).map((hit) => hit.articleId)).toEqual(expected.slice(0, 3));
    // Snippets are those of any search.
    expect(search.search('an ninh')[0]?.snippet).toBe('[[An ninh]] mạng, [[an ninh]] biển.');
    expect(pageOf(library, { text: 'an ninh' }, 0, 10)).toEqual({ ids: expected, broad: true });
    expect(library.count({ text: 'an ninh' })).toBe(5);
  });

  it('gives every page length the same order, whether the walk deciding broadness holds the page or not', () => {
    const { workbench, ids } = corpus();
    const expected = [ids.adjacent2, ids.adjacent1, ids.scattered3, ids.scattered2, ids.scattered1];
    const search = new SearchService(workbench.db, MAX);
    // Up to MAX + 1 the others come from that walk (4 matches here), beyond it from a walk of their own.
    for (let limit = 1; limit <= expected.length + 1; limit++) {
      expect(search.search('an ninh', limit).map((hit) => hit.articleId)).toEqual(expected.slice(0, limit));
    }
  });

  it('keeps that order page by page, inside and past the first group, and reversed', () => {
    const { ids, library } = corpus();
    const expected = [ids.adjacent2, ids.adjacent1, ids.scattered3, ids.scattered2, ids.scattered1];
    const filter = { text: 'an ninh' };
    expect([0, 1, 2, 3, 4, 5].flatMap((offset) => pageOf(library, filter, offset, 1).ids)).toEqual(expected);
    expect(pageOf(library, filter, 1, 2).ids).toEqual(expected.slice(1, 3));
    expect(pageOf(library, filter, 3, 2).ids).toEqual(expected.slice(3, 5));
    expect(pageOf(library, filter, 0, 10, relevance('descending')).ids).toEqual([...expected].reverse());
  });

  it('applies the other filters, and places the articles found by their source only last', () => {
    const { workbench, ids, library } = corpus();
    workbench.articles.setStatus(ids.adjacent1, 'done');
    workbench.articles.setStatus(ids.scattered1, 'done');
    workbench.articles.setStatus(ids.none, 'done');
    expect(pageOf(library, { text: 'an ninh', status: ['done'] }, 0, 10).ids).toEqual([ids.adjacent1, ids.scattered1]);
    expect(library.count({ text: 'an ninh', status: ['done'] })).toBe(2);
    const bySource = addArticle(workbench, { title: 'Bảy', text: 'Không có từ khoá.', source: 'Báo An Ninh Thủ Đô' });
    const expected = [ids.adjacent2, ids.adjacent1, ids.scattered3, ids.scattered2, ids.scattered1, bySource];
    expect(pageOf(library, { text: 'an ninh' }, 0, 10)).toEqual({ ids: expected, broad: true });
    expect([0, 1, 2, 3, 4, 5].flatMap((offset) => pageOf(library, { text: 'an ninh' }, offset, 1).ids)).toEqual(
      expected,
    );
    expect(pageOf(library, { text: 'an ninh' }, 0, 10, relevance('descending')).ids).toEqual([...expected].reverse());
    expect(library.count({ text: 'an ninh' })).toBe(6);
  });

  it('is decided by the words, quoted or not: a quoted phrase of broad words is ordered newest first', () => {
    const { workbench, ids, library } = corpus();
    const search = new SearchService(workbench.db, MAX);
    expect(search.search('"an ninh"').map((hit) => hit.articleId)).toEqual([ids.adjacent2, ids.adjacent1]);
    expect(pageOf(library, { text: '"an ninh"' }, 0, 10)).toEqual({ ids: [ids.adjacent2, ids.adjacent1], broad: true });
    // Words in few articles are ranked by bm25 as before: the article with the phrase twice first.
    const narrow = new LibraryStore(workbench.db, 10);
    expect(pageOf(narrow, { text: 'an ninh' }, 0, 2)).toEqual({ ids: [ids.adjacent2, ids.adjacent1], broad: false });
    expect(pageOf(library, { text: 'an bien' }, 0, 10)).toEqual({ ids: [ids.adjacent2], broad: false });
  });

  it('lifts the articles with the exact accented words first, each group newest first', () => {
    const { workbench, ids } = corpus();
    const search = new SearchService(workbench.db, MAX);
    // "ăn" is the prefix "an" for the index (five articles: broad); two have "ăn" itself.
    expect(search.search('ăn').map((hit) => hit.articleId)).toEqual([
      ids.scattered2,
      ids.scattered1,
      ids.scattered3,
      ids.adjacent2,
      ids.adjacent1,
    ]);
  });

  it('gives the same pages when broadness is decided from the count the library already has', () => {
    const { workbench, library } = corpus();
    addArticle(workbench, { title: 'Bảy', text: 'An ninh Ninh Bình.', source: 'An ninh Thủ đô' });
    const filters: LibraryFilter[] = [
      { text: 'an ninh' },
      { text: 'ninh' },
      { text: 'an' },
      { text: 'an ninh mạng' },
      { text: '"an ninh"' },
      { text: 'an ninh thu' },
      { text: 'an ninh', status: ['new'] },
    ];
    for (const filter of filters) {
      const total = library.count(filter);
      for (const sort of [relevance(), relevance('descending')]) {
        for (const [offset, limit] of [
          [0, 10],
          [1, 2],
          [3, 1],
        ] as const) {
          expect(library.page(filter, sort, offset, limit, total), JSON.stringify([filter, sort, offset])).toEqual(
            library.page(filter, sort, offset, limit),
          );
        }
      }
    }
  });

  it('walks the full-text index newest first and stops at the page, sorting nothing (query plan)', () => {
    const { workbench, library } = corpus();
    const prepared = preparedDuring(workbench.db, () => pageOf(library, { text: 'an ninh', status: ['new'] }, 0, 10));
    const walk = prepared.find((sql) => sql.includes('ORDER BY s.rowid DESC'))!;
    const plan = queryPlan(workbench.db, walk, { match: 'x', excluding: '[]', status0: 'new', count: 1, skip: 0 });
    expect(plan).toMatch(/SCAN s VIRTUAL TABLE/);
    expect(plan).toMatch(/SEARCH f USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
