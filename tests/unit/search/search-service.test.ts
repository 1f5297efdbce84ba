import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { storeArticle } from '../../../electron/services/import/store-article';
import type { NewArticle } from '../../../electron/services/store/articles';
import { openTempWorkbench, SEEDS_DIR } from '../../helpers/temp-workbench';

type TempWorkbench = ReturnType<typeof openTempWorkbench>;
const open: TempWorkbench[] = [];
afterEach(() => open.splice(0).forEach((workbench) => workbench.dispose()));

async function seeded(): Promise<TempWorkbench> {
  const workbench = openTempWorkbench();
  open.push(workbench);
  await seedIfEmpty(workbench, SEEDS_DIR);
  return workbench;
}

function empty(): TempWorkbench {
  const workbench = openTempWorkbench();
  open.push(workbench);
  return workbench;
}

function add(workbench: TempWorkbench, title: string | null, text: string, trimmedText: string | null = null): number {
  const article: Omit<NewArticle, 'contentHash'> = {
    rawText: text,
    text,
    trimmedText,
    title,
    source: null,
    byline: null,
    url: null,
    publishedAt: null,
    fileName: null,
  };
  const stored = storeArticle(workbench.db, workbench.articles, article);
  return stored.articleId;
}

const PROPOSALS_TITLE = '3 đề xuất của Bộ Công an về tăng cường đối ngoại và hợp tác quốc tế';

describe('search over the seed corpus', () => {
  it('finds "đề xuất" from "de xuat", the article titled with it first', async () => {
    const workbench = await seeded();
    const hits = workbench.search.search('de xuat');
    expect(hits[0]).toMatchObject({ displayTitle: PROPOSALS_TITLE });
    expect(hits[0]?.snippet).toContain('3 [[đề xuất]] của Bộ Công an');
    expect(hits[0]?.matchCount).toBeGreaterThan(2);
  });

  it('matches "duong" and "đường" alike', async () => {
    const workbench = await seeded();
    const folded = workbench.search.search('duong');
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.every((hit) => /\[\[đường\]\]/i.test(hit.snippet))).toBe(true);
    expect(
      workbench.search
        .search('đường')
        .map((hit) => hit.articleId)
        .sort(),
    ).toEqual(folded.map((hit) => hit.articleId).sort());
  });

  // Before issue 13's speed pass every word was a prefix; now only the one being typed is.
  it('matches the last word as a prefix and the others whole, and requires all of them', async () => {
    const workbench = await seeded();
    const nguy = workbench.search.search('nguy');
    expect(nguy.some((hit) => hit.snippet.includes('[[nguy]] cơ'))).toBe(true);
    expect(workbench.search.search('nguy co thach').length).toBeGreaterThan(0);
    expect(workbench.search.search('nguy khongcotu')).toEqual([]);
    // "ng", typed past, is a whole word that "nguy" does not complete ("ngu" is one: "đội ngũ").
    expect(workbench.search.search('ng co thach')).toEqual([]);
  });

  it('honours the limit', async () => {
    const workbench = await seeded();
    expect(workbench.search.search('cong an', 2)).toHaveLength(2);
  });
});

describe('ranking', () => {
  it('puts articles with the exact accented phrase first when the query has diacritics', () => {
    const workbench = empty();
    // Folded bm25 prefers the short title stuffed with the folded words…
    const unaccented = add(workbench, 'Đê xuất đê xuất đê xuất', 'Đê xuất khẩu hàng hoá và đê xuất đi.');
    const exact = add(workbench, 'Báo cáo', `${'Nội dung dài của báo cáo. '.repeat(30)}Bộ có ba đề xuất.`);
    expect(workbench.search.search('de xuat').map((hit) => hit.articleId)).toEqual([unaccented, exact]);
    // …but "đề xuất" as typed is in one article only, and tone marks are lexical.
    expect(workbench.search.search('Đề xuất').map((hit) => hit.articleId)).toEqual([exact, unaccented]);
    expect(workbench.search.search('ĐỀ XU').map((hit) => hit.articleId)).toEqual([exact, unaccented]);
  });
});

describe('hostile queries', () => {
  const HOSTILE = [
    '"',
    '""',
    '*',
    '**',
    'NEAR(',
    'NEAR(a b, 2)',
    'a OR',
    'AND OR (',
    'NOT',
    'title:đề',
    '{title body}: x',
    '^x',
    '-x',
    'x + y',
    "'; DROP TABLE articles; --",
    '😀',
    'đề 😀 xuất',
    '\u0301\u0300',
    '\0',
    '𞤀𞤁',
    'từ '.repeat(5000),
    'x'.repeat(20_000),
  ];

  it('never throw: they return results or []', async () => {
    const workbench = await seeded();
    for (const query of HOSTILE) expect(() => workbench.search.search(query), query).not.toThrow();
    expect(workbench.search.search('"')).toEqual([]);
    expect(workbench.search.search('😀')).toEqual([]);
    expect(workbench.search.search('   ')).toEqual([]);
    expect(workbench.search.search('"đề xuất" (*').length).toBeGreaterThan(0); // syntax is only separators
  });

  it('survive random mixes of FTS5 syntax, marks and Vietnamese letters', async () => {
    const workbench = await seeded();
    const pieces = [
      '"',
      '*',
      '(',
      ')',
      ':',
      '^',
      '-',
      '+',
      ' ',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'đ',
      'ề',
      '\u0301',
      'a',
      '😀',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let round = 0; round < 300; round++) {
      const query = Array.from({ length: 1 + (next() % 12) }, () => pieces[next() % pieces.length]).join('');
      expect(() => workbench.search.search(query), JSON.stringify(query)).not.toThrow();
    }
  });

  it('are capped at 200 characters by the contract', () => {
    const input = contract.searchArticles.input;
    expect(input.safeParse({ query: 'x'.repeat(200) }).success).toBe(true);
    expect(input.safeParse({ query: 'x'.repeat(201) }).success).toBe(false);
    expect(input.safeParse({ query: 'x', limit: 5 }).success).toBe(false);
  });
});

describe('the index follows article writes', () => {
  it('finds a new title right after the edit, and no longer the old one', () => {
    const workbench = empty();
    const id = add(workbench, 'Tiêu đề cũ', 'Nội dung bài viết.');
    workbench.articles.updateMetadata(id, { title: 'Hội nghị Ngoại giao lần thứ 30' });
    expect(workbench.search.search('ngoai giao').map((hit) => hit.articleId)).toEqual([id]);
    expect(workbench.search.search('tieu de cu')).toEqual([]);
    workbench.articles.updateMetadata(id, { source: 'Báo Nhân Dân' }); // not the title: index untouched
    expect(workbench.search.search('ngoai giao')).toHaveLength(1);
  });

  it('finds restored trimmed text right after the restore', () => {
    const workbench = empty();
    const id = add(workbench, null, 'Nội dung chính.\n', 'Tin liên quan: bão số 9 đổ bộ.');
    expect(workbench.search.search('bao so 9')).toEqual([]);
    workbench.articles.restoreTrimmed(id);
    const [hit] = workbench.search.search('bao so 9');
    expect(hit).toMatchObject({ articleId: id, matchCount: 3 });
    expect(hit?.snippet).toBe('Nội dung chính. Tin liên quan: [[bão số 9]] đổ bộ.');
  });

  it('rolls the article write back when the index write fails', () => {
    const workbench = empty();
    const id = add(workbench, 'Tiêu đề', 'Nội dung.', 'Phần cắt.');
    workbench.db.exec('DROP TABLE article_search');
    expect(() => add(workbench, 'Bài mới', 'Nội dung khác.')).toThrow();
    expect(workbench.articles.list().map((article) => article.id)).toEqual([id]);
    expect(() => workbench.articles.updateMetadata(id, { title: 'Đổi tên' })).toThrow();
    expect(workbench.articles.get(id).title).toBe('Tiêu đề');
    expect(() => workbench.articles.restoreTrimmed(id)).toThrow();
    expect(workbench.articles.get(id)).toMatchObject({ text: 'Nội dung.', trimmedText: 'Phần cắt.' });
  });
});

describe('search that means what the user typed (issue 13)', () => {
  it('ranks first the articles with the words one after the other: "ha noi" finds Hà Nội before "nội bộ … Hà Tĩnh"', () => {
    const workbench = empty();
    const scattered = add(workbench, 'Nội bộ', 'Nội bộ công ty ở Hà Tĩnh, nội bộ hà khắc.');
    const adjacent = add(workbench, 'Tin', 'Hôm nay tại Hà Nội trời mưa.');
    expect(workbench.search.search('ha noi').map((hit) => hit.articleId)).toEqual([adjacent, scattered]);
    // The library's relevance order follows the same rule.
    const page = workbench.corpus.queryLibrary({
      filter: { text: 'ha noi' },
      sort: { key: 'relevance', direction: 'ascending' },
      offset: 0,
      limit: 10,
    });
    expect(page.rows.map((row) => row.id)).toEqual([adjacent, scattered]);
  });

  it('keeps that order page by page when the first group is ranked alone (it fills a page)', () => {
    const workbench = empty();
    const scattered = add(workbench, 'Nội bộ', 'Nội bộ công ty ở Hà Tĩnh, nội bộ hà khắc.');
    const once = add(workbench, 'Tin', 'Hôm nay tại Hà Nội trời mưa, nhiều nơi ngập.');
    const twice = add(workbench, 'Hà Nội', 'Hà Nội mưa to.');
    const sourceOnly = workbench.articles.insert({
      rawText: 'Không có từ khoá.',
      text: 'Không có từ khoá.',
      trimmedText: null,
      contentHash: 'source-only',
      title: 'Khác',
      source: 'Hà Nội Mới',
      byline: null,
      url: null,
      publishedAt: null,
      fileName: null,
    });
    const all = [twice, once, scattered];
    expect(workbench.search.search('ha noi').map((hit) => hit.articleId)).toEqual(all);
    expect(workbench.search.search('ha noi', 1).map((hit) => hit.articleId)).toEqual([twice]);
    const page = (offset: number, limit: number, direction: 'ascending' | 'descending' = 'ascending') =>
      workbench.corpus
        .queryLibrary({ filter: { text: 'ha noi' }, sort: { key: 'relevance', direction }, offset, limit })
        .rows.map((row) => row.id);
    // Found by its source only: after every text match.
    expect(page(0, 10)).toEqual([...all, sourceOnly]);
    expect([0, 1, 2, 3].flatMap((offset) => page(offset, 1))).toEqual([...all, sourceOnly]);
    expect(page(1, 2)).toEqual([once, scattered]);
    expect(page(0, 10, 'descending')).toEqual([sourceOnly, ...[...all].reverse()]);
  });

  it('ranks a one-word library search by relevance (regression: "no such column: a.rank", one word has no adjacent group)', () => {
    const workbench = empty();
    const once = add(workbench, 'Tin', 'Đường phố sạch.');
    const twice = add(workbench, 'Đường', 'Đường mới, đường đẹp.');
    const page = (direction: 'ascending' | 'descending') =>
      workbench.corpus
        .queryLibrary({ filter: { text: 'duong' }, sort: { key: 'relevance', direction }, offset: 0, limit: 10 })
        .rows.map((row) => row.id);
    expect(page('ascending')).toEqual([twice, once]);
    expect(page('descending')).toEqual([once, twice]);
  });

  it('matches only the last word as a prefix: "an ninh" does not find "anh ninh", "an n" finds "an ninh" while typing', () => {
    const workbench = empty();
    const anh = add(workbench, 'Anh Ninh', 'Anh Ninh về quê, anh ninh ninh cười.');
    const security = add(workbench, 'Tin', 'Bảo đảm an ninh trật tự.');
    const library = (text: string) =>
      workbench.corpus
        .queryLibrary({ filter: { text }, sort: { key: 'relevance', direction: 'ascending' }, offset: 0, limit: 10 })
        .rows.map((row) => row.id);
    for (const query of ['an ninh', 'an n', 'An Ninh', 'an ninh ']) {
      expect(
        workbench.search.search(query).map((hit) => hit.articleId),
        query,
      ).toEqual([security]);
      expect(library(query), query).toEqual([security]);
    }
    expect(workbench.search.search('an n')[0]?.snippet).toBe('Bảo đảm [[an ninh]] trật tự.');
    // The word being typed still completes: "a" is "anh" and "an" (and "ăn", accentless).
    expect(new Set(workbench.search.search('a').map((hit) => hit.articleId))).toEqual(new Set([anh, security]));
    expect(new Set(workbench.search.search('ninh a').map((hit) => hit.articleId))).toEqual(new Set([anh, security]));
    // A quoted part is exact at the end of the query too: "an nin" is not a phrase of either.
    expect(workbench.search.search('"an nin"')).toEqual([]);
    expect(workbench.search.search('"an ninh"').map((hit) => hit.articleId)).toEqual([security]);
  });

  it('keeps accents narrowing and accentless finding accented under the new prefix rule', () => {
    const workbench = empty();
    const eat = add(workbench, 'Một', 'Về quê ăn tết.');
    const safe = add(workbench, 'Hai', 'Giữ an toàn.');
    expect(new Set(workbench.search.search('an t').map((hit) => hit.articleId))).toEqual(new Set([eat, safe]));
    expect(workbench.search.search('ăn t').map((hit) => hit.articleId)).toEqual([eat, safe]);
    expect(workbench.search.search('an to').map((hit) => hit.articleId)).toEqual([safe]);
  });

  it('reads quotes as a phrase: "thứ nhất" lists only the article that has it', () => {
    const workbench = empty();
    const phrase = add(workbench, 'Một', 'Điều thứ nhất là an ninh.');
    add(workbench, 'Hai', 'Thứ hai, nhất là về kinh tế.');
    add(workbench, 'Ba', 'Nhất định có thứ tự.');
    expect(workbench.search.search('"thứ nhất"').map((hit) => hit.articleId)).toEqual([phrase]);
    expect(workbench.search.search('thứ nhất')).toHaveLength(3);
    expect(
      workbench.corpus.queryLibrary({
        filter: { text: '“thu nhat”' },
        sort: { key: 'imported', direction: 'ascending' },
        offset: 0,
        limit: 10,
      }).total,
    ).toBe(1);
    // An unmatched quote is searched literally, never an error.
    expect(workbench.search.search('"thứ nhất')).toHaveLength(3);
  });
});
