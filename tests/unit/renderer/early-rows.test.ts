// @vitest-environment jsdom
/**
 * The library's rows painted by the start script before the app runs (issue 13,
 * renderer/src/library/early-rows.ts): only with a layout kept for this window and language,
 * only into an empty `#root`, the rows that fit, their cells from the table's one definition; the
 * clicks made on them are kept in order and handed over once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryPage, LibraryRow } from '../../../shared/corpus/library-query';
import {
  canPaintEarlyRows,
  paintEarlyRows,
  rememberFirstPaint,
  takeEarlyActions,
  type FirstPaintTexts,
} from '../../../renderer/src/library/early-rows';

const TEXTS: FirstPaintTexts = {
  columns: {
    title: 'Tiêu đề',
    source: 'Nguồn',
    published: 'Ngày đăng',
    words: 'Số từ',
    annotations: 'Chú thích',
    status: 'Trạng thái',
  },
  selectAll: 'Chọn tất cả',
  selectArticle: ['Chọn ', ''],
  statuses: { new: 'Mới', in_progress: 'Đang làm', done: 'Xong' },
};

const row = (id: number): LibraryRow =>
  ({
    id,
    displayTitle: `Bài ${id}`,
    source: id === 1 ? null : 'Báo Nhân Dân',
    publishedAt: '2023-01-10T14:45',
    wordCount: 1845,
    annotationCount: 3,
    status: 'new',
  }) as LibraryRow;
const page = (count: number): LibraryPage => ({
  total: 100_000,
  offset: 0,
  rows: Array.from({ length: count }, (_, index) => row(index + 1)),
});

/** Keeps a layout as the library's first mount would: a 440 px high table (10 rows fit). */
function keepLayout(language: 'vi' | 'en' = 'vi') {
  const scroller = document.createElement('div');
  scroller.getBoundingClientRect = () => ({ top: 200, left: 60, width: 1200, height: 440 }) as DOMRect;
  rememberFirstPaint(scroller, language, TEXTS);
}

beforeEach(() => {
  localStorage.clear();
  takeEarlyActions();
  document.body.innerHTML = '<div id="root"></div>';
});

describe('early rows', () => {
  it('paints nothing without a kept layout, or with one for another language or window size', () => {
    expect(paintEarlyRows(page(100), 'vi')).toBe(false);
    keepLayout('en');
    expect(canPaintEarlyRows('vi')).toBe(false);
    expect(paintEarlyRows(page(100), 'vi')).toBe(false);
    keepLayout('vi');
    window.innerWidth += 10;
    expect(paintEarlyRows(page(100), 'vi')).toBe(false);
    window.innerWidth -= 10;
    expect(document.getElementById('root')!.children).toHaveLength(0);
  });

  it('paints the rows that fit at the kept place, in the kept language, with the shared cells', () => {
    keepLayout();
    expect(paintEarlyRows(page(100), 'vi')).toBe(true);
    const scroller = document.querySelector<HTMLElement>('#root > .library__scroller')!;
    expect(scroller.style.top).toBe('200px');
    expect(scroller.getAttribute('aria-busy')).toBe('true');
    const rows = [...scroller.querySelectorAll('tbody tr[data-article-id]')];
    expect(rows).toHaveLength(11); // ceil(440 / 44) + 1
    expect([...rows[0]!.children].map((cell) => cell.textContent)).toEqual([
      '',
      'Bài 1',
      '—',
      '10/01/2023 14:45',
      '1.845',
      '3',
      'Mới',
    ]);
    expect(rows[1]!.querySelector('.library__col--source')!.textContent).toBe('Báo Nhân Dân');
    expect(rows[2]!.getAttribute('style')).toContain('translateY(88px)');
    expect([...scroller.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual([
      '',
      ...Object.values(TEXTS.columns),
    ]);
    // Nothing of it takes the keyboard's focus.
    expect(scroller.querySelectorAll('button:not([tabindex="-1"]), input:not([tabindex="-1"])')).toHaveLength(0);
  });

  it('paints nothing, and leaves #root empty, from a kept layout it cannot read', () => {
    keepLayout();
    const kept = JSON.parse(localStorage.getItem('marginalia.libraryFirstPaint')!) as Record<string, unknown>;
    localStorage.setItem('marginalia.libraryFirstPaint', JSON.stringify({ ...kept, texts: undefined }));
    expect(paintEarlyRows(page(100), 'vi')).toBe(false);
    expect(document.getElementById('root')!.children).toHaveLength(0);
    localStorage.setItem('marginalia.libraryFirstPaint', JSON.stringify({ ...kept, version: 0 }));
    expect(canPaintEarlyRows('vi')).toBe(false);
  });

  it('paints nothing once the app has rendered into #root', () => {
    keepLayout();
    document.getElementById('root')!.append(document.createElement('div'));
    expect(paintEarlyRows(page(100), 'vi')).toBe(false);
  });

  it('keeps the clicks on titles, ticks and sort buttons in order, and hands them over once', () => {
    keepLayout();
    paintEarlyRows(page(100), 'vi');
    document.querySelector<HTMLElement>('tr[data-article-id="3"] .library__title button')!.click();
    document.querySelector<HTMLElement>('tr[data-article-id="2"] input[type="checkbox"]')!.click();
    document.querySelector<HTMLElement>('thead input[type="checkbox"]')!.click();
    document.querySelector<HTMLElement>('th.library__col--words button')!.click();
    document.querySelector<HTMLElement>('tr[data-article-id="4"] .library__col--source')!.click(); // nothing to do
    expect(takeEarlyActions()).toEqual([
      { kind: 'open', articleId: 3 },
      { kind: 'toggle', articleId: 2 },
      { kind: 'toggleAll' },
      { kind: 'sort', key: 'words' },
    ]);
    expect(document.querySelector('.library__scroller')).toBeNull();
    expect(takeEarlyActions()).toEqual([]);
  });
});
