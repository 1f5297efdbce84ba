import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LibraryRow as Row } from '../../../shared/corpus/library-query';
import { RANKED_MATCHES_MAX } from '../../../shared/search/query';
import type { Language } from '../i18n/languages';
import { preloadDeferred } from '../app/deferred';
import { useAppStore } from '../state/app-store';
import { readAhead } from '../reader/article-read';
import { readerChunk } from '../reader/reader-chunk';
import { LIBRARY_PAGE_SIZE, useLibraryStore } from '../state/library-store';
import { INITIAL_LIBRARY_SORT } from '../../../shared/corpus/library-request';
import { afterContentShown } from '../app/content-shown';
import { firstRenderWindow } from '../first-screen/in-page';
import { rememberFirstPaint, statusTexts, takeEarlyActions } from './early-rows';
import {
  headerClass,
  LIBRARY_COLUMNS,
  LIBRARY_ROW_HEIGHT,
  PLAIN_CELLS,
  rowStyle,
  STATUS_CELL_CLASS,
  statusClass,
  TITLE_CELL_CLASS,
  type LibraryColumnKey,
} from './table-cells';
import { LibraryFilters } from './LibraryFilters';
import { Snippet } from './Snippet';

const COLUMNS = LIBRARY_COLUMNS;
const ROW_HEIGHT = LIBRARY_ROW_HEIGHT;
/** With a search, each row shows a line of the text around the match. */
const ROW_HEIGHT_WITH_SNIPPET = 66;
const DEBOUNCE_MS = 180;

/**
 * Rows the virtualiser counts in the list's first render, the rest of the height being padding:
 * its estimates are an O(count) pass (the largest piece of the mount at 100,000 articles, issue
 * 13), made for all rows in idle time once the first rows are on screen, or at the first scroll.
 */
const FIRST_RENDER_ROWS = LIBRARY_PAGE_SIZE;
const ALL_ROWS_COUNTED_WITHIN_MS = 1_000;

/**
 * The scroller's size from a ResizeObserver, which reports it after the frame's layout. The
 * virtualiser's own observer reads it in the list's mount (a layout effect): until then it knows
 * a 0×0 scroller, so its first render had the overscan rows only and a second one, synchronous,
 * the rows that fit. Here the first render uses the window's size (a few rows more than fit,
 * never fewer; hydrating the host's first screen, the window that screen was rendered for) and the
 * observer corrects it after the first frame.
 */
function observeScrollerRect(instance: Virtualizer<HTMLDivElement, Element>, report: (rect: Rect) => void) {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const observer = new ResizeObserver(() => report({ width: element.clientWidth, height: element.clientHeight }));
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The library: every article with its metadata, counts and status, sorted, filtered and paged by
 * SQLite (queryLibrary); only the rows on screen are in the page (@tanstack/react-virtual), so
 * 100,000 articles open and scroll like 100. A click on a title opens it in the reader.
 */
export function LibraryView() {
  const { t } = useTranslation();
  const setDialog = useAppStore((state) => state.setDialog);
  const total = useLibraryStore((state) => state.total);
  const libraryTotal = useLibraryStore((state) => state.libraryTotal);
  const broad = useLibraryStore((state) => state.broad && state.filter.text !== undefined);
  const selectedCount = useLibraryStore((state) => state.selectedIds.size);
  const [query, setQuery] = useState(() => useLibraryStore.getState().filter.text ?? '');

  useEffect(() => {
    const { opened, loadFacets } = useLibraryStore.getState();
    void opened();
    // The filters' options are not in the first frame; their call is the host's costliest at start.
    void afterContentShown().then(loadFacets);
  }, []);
  // The first answer is on screen (rows, or the empty library): the rest of the app may load now.
  useEffect(() => {
    if (total !== null) preloadDeferred();
  }, [total]);

  // One request per pause in typing; the server folds the query once, never the titles.
  useEffect(() => {
    const trimmed = query.trim().slice(0, 200);
    const { filter, setFilter } = useLibraryStore.getState();
    if (trimmed === (filter.text ?? '')) return;
    const timer = window.setTimeout(() => {
      const { text: _previous, ...rest } = useLibraryStore.getState().filter;
      setFilter(trimmed ? { ...rest, text: trimmed } : rest);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  return (
    <section className="library" aria-label={t('library.region')}>
      <header className="library__header">
        <h1>{t('library.heading')}</h1>
        <span className="library__count" aria-live="polite">
          {total === null
            ? ''
            : total === libraryTotal || libraryTotal === null
              ? t('library.articleCount', { count: total })
              : t('library.articleCountFiltered', { count: total, all: libraryTotal })}
          {selectedCount > 0 ? t('library.selectedCount', { n: selectedCount }) : ''}
        </span>
        <button type="button" onClick={() => setDialog('preannotate')} title={t('preannotate.buttonTitle')}>
          {t('preannotate.button')}
        </button>
        <input
          className="library__filter"
          type="search"
          placeholder={t('library.searchPlaceholder')}
          aria-label={t('library.searchLabel')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </header>
      <LibraryFilters />
      {broad ? (
        <p className="library__broad" role="note">
          {t('library.broadQuery', { max: RANKED_MATCHES_MAX })}
        </p>
      ) : null}
      {total === 0 && libraryTotal === 0 ? <p className="library__empty">{t('library.empty')}</p> : <LibraryTable />}
    </section>
  );
}

/** The tick's label is kept for the early rows with this in place of the title. */
const TITLE_MARK = '\u0000';
let layoutRemembered = false;
/**
 * The table as every start first shows it, once per page: the initial filter and sort, before the
 * facets (which may change the filters' height) are in.
 */
function isStartState(): boolean {
  return !layoutRemembered && useLibraryStore.getState().facets === null && atInitialQuery();
}

/** The initial filter and sort: the table's place is the one every start first shows. */
function atInitialQuery(): boolean {
  const { filter, sort } = useLibraryStore.getState();
  return (
    Object.keys(filter).length === 0 &&
    sort.key === INITIAL_LIBRARY_SORT.key &&
    sort.direction === INITIAL_LIBRARY_SORT.direction
  );
}

/**
 * The virtualised table, apart from the header and filters: it renders again on every scroll
 * event (the virtualiser's window moves), and those should not.
 */
function LibraryTable() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const filter = useLibraryStore((state) => state.filter);
  const sort = useLibraryStore((state) => state.sort);
  const total = useLibraryStore((state) => state.total);
  const pages = useLibraryStore((state) => state.pages);
  const selectedIds = useLibraryStore((state) => state.selectedIds);
  const { sortBy, ensureRow, toggleAllUnderFilter } = useLibraryStore.getState();
  const scroller = useRef<HTMLDivElement>(null);

  const rowHeight = filter.text !== undefined ? ROW_HEIGHT_WITH_SNIPPET : ROW_HEIGHT;
  const [allCounted, setAllCounted] = useState(false);
  useEffect(() => {
    if (allCounted) return;
    // In idle time after the frame that shows the first rows (bounded, for a busy machine).
    const idle = requestIdleCallback(() => setAllCounted(true), { timeout: ALL_ROWS_COUNTED_WITHIN_MS });
    return () => cancelIdleCallback(idle);
  }, [allCounted]);
  const count = total ?? 0;
  const counted = allCounted ? count : Math.min(count, FIRST_RENDER_ROWS);
  const rows = useVirtualizer({
    count: counted,
    paddingEnd: (count - counted) * rowHeight,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    initialRect: firstRenderWindow(),
    observeElementRect: observeScrollerRect,
    // Rows rendered beyond the view: a sort or filter change renders all of them at once, and
    // 160 px of scrolling a frame brings in four; six is more than a frame ahead.
    overscan: 6,
  });
  const virtualRows = rows.getVirtualItems();
  const firstIndex = virtualRows[0]?.index;
  const lastIndex = virtualRows.at(-1)?.index;
  useEffect(() => {
    if (firstIndex === undefined || lastIndex === undefined) return;
    ensureRow(firstIndex);
    ensureRow(lastIndex);
  }, [firstIndex, lastIndex, pages, ensureRow]);
  // Row sizes are estimates, never measured: only a new row height makes them stale (not the
  // mount, whose estimates are already of this height: a pass over all 100,000 rows for nothing).
  const measuredHeight = useRef(rowHeight);
  useEffect(() => {
    if (measuredHeight.current === rowHeight) return;
    measuredHeight.current = rowHeight;
    rows.measure();
  }, [rowHeight, rows]);
  // A new list starts at its top. The virtualiser's offset is kept from scroll events: asking the
  // element (scrollTop, scrollTo) would lay the page out in the middle of the change.
  useEffect(() => {
    if ((rows.scrollOffset ?? 0) > 0) rows.scrollToOffset(0);
  }, [filter, sort, rows]);

  // Clicks made on the rows painted before the app mounted (early-rows.ts), done now, in order.
  useEffect(() => {
    for (const action of takeEarlyActions()) {
      if (action.kind === 'open') useAppStore.getState().openArticle(action.articleId);
      else if (action.kind === 'toggle') useLibraryStore.getState().toggleSelected(action.articleId);
      else if (action.kind === 'toggleAll') void useLibraryStore.getState().toggleAllUnderFilter();
      else useLibraryStore.getState().sortBy(action.key);
    }
  }, []);
  // This start's first mount: where the table stands, for the next start's early rows.
  useEffect(() => {
    const element = scroller.current;
    if (!element || !isStartState()) return;
    layoutRemembered = true;
    let unmounted = false;
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      // A web font still loading (font-display: swap) lays the toolbar out in a fallback, which
      // stood the table a pixel off the place the next start's app gives it (a bold font in late
      // kept 214 px for 215): the place is read once the fonts are in.
      void document.fonts.ready.then(() => {
        if (unmounted || !atInitialQuery()) return;
        rememberFirstPaint(element, language, {
          columns: Object.fromEntries(COLUMNS.map(({ key }) => [key, t(`library.columns.${key}`)])) as Record<
            LibraryColumnKey,
            string
          >,
          selectAll: t('library.selectAll'),
          selectArticle: t('library.selectArticle', { title: TITLE_MARK }).split(TITLE_MARK) as [string, string],
          statuses: statusTexts((status) => t(`status.${status}`)),
        });
      });
    });
    observer.observe(element);
    return () => {
      unmounted = true;
      observer.disconnect();
    };
  }, [language, t]);

  const allSelected = total !== null && total > 0 && selectedIds.size >= total;
  const rowAt = (index: number) => pages.get(Math.floor(index / LIBRARY_PAGE_SIZE))?.[index % LIBRARY_PAGE_SIZE];

  return (
    <div className="library__scroller" ref={scroller} onScroll={allCounted ? undefined : () => setAllCounted(true)}>
      <table className="library__table" aria-rowcount={total ?? undefined}>
        <thead>
          <tr>
            <th className="library__check">
              <input
                type="checkbox"
                aria-label={t('library.selectAll')}
                checked={allSelected}
                onChange={() => void toggleAllUnderFilter()}
              />
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                className={headerClass(column)}
                aria-sort={sort.key === column.key ? sort.direction : 'none'}
              >
                <button type="button" className="sort" onClick={() => sortBy(column.key)}>
                  {t(`library.columns.${column.key}`)}
                  <span aria-hidden="true">
                    {sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: rows.getTotalSize() }}>
          {virtualRows.map((virtualRow) => {
            const article = rowAt(virtualRow.index);
            if (!article) {
              return (
                <tr
                  key={`pending-${virtualRow.index}`}
                  className="library__pending"
                  style={rowStyle(virtualRow.start, rowHeight)}
                  aria-hidden="true"
                >
                  <td colSpan={COLUMNS.length + 1} />
                </tr>
              );
            }
            return (
              <LibraryRow
                key={article.id}
                article={article}
                rowIndex={virtualRow.index}
                top={virtualRow.start}
                height={rowHeight}
                selected={selectedIds.has(article.id)}
                language={language}
                t={t}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One article's row. Memoised: scrolling re-renders the list on every scroll event, and only the
 * rows that came into view need rendering; a row renders again when its article object changes
 * (a new page, a summary updated elsewhere), its place, its tick or the language.
 */
const LibraryRow = memo(function LibraryRow({
  article,
  rowIndex,
  top,
  height,
  selected,
  language,
  t,
}: {
  article: Row;
  rowIndex: number;
  top: number;
  height: number;
  selected: boolean;
  language: Language;
  t: TFunction;
}) {
  return (
    <tr data-article-id={article.id} aria-rowindex={rowIndex + 2} style={rowStyle(top, height)}>
      <td className="library__check">
        <input
          type="checkbox"
          aria-label={t('library.selectArticle', { title: article.displayTitle })}
          checked={selected}
          onChange={() => useLibraryStore.getState().toggleSelected(article.id)}
        />
      </td>
      <td className={TITLE_CELL_CLASS}>
        <button
          type="button"
          className="link"
          // The press already says which article: its read starts before the click (article-read.ts),
          // and so does the reader's chunk, when it is not in yet.
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            readAhead(article.id);
            readerChunk.load().catch(() => undefined); // loaded again, and reported, when shown
          }}
          onClick={() => useAppStore.getState().openArticle(article.id)}
        >
          {article.displayTitle}
        </button>
        {article.snippet ? <Snippet text={article.snippet} /> : null}
      </td>
      {PLAIN_CELLS.map((cell) => (
        <td key={cell.className} className={cell.className}>
          {cell.text(article, language)}
        </td>
      ))}
      <td className={STATUS_CELL_CLASS}>
        <span className={statusClass(article.status)}>{t(`status.${article.status}`)}</span>
      </td>
    </tr>
  );
});
