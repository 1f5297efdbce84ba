import type { LibraryPage, LibrarySortKey } from '../../../shared/corpus/library-query';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/article-status';
import type { Language } from '../i18n/languages';
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
import { afterNextFrame } from '../app/frames';

/**
 * The library's first rows painted by the start script (boot.ts), before the app's bundle has
 * evaluated and React has mounted (issue 13, the first paint), as VS Code paints its layout from
 * what the last start kept before its workbench loads. The rows are the real ones (the first
 * page's answer, asked for by the start script) with the React table's markup, classes and cell
 * texts (table-cells.ts), placed where the table stood at the last start's first mount: the
 * table's box, the window's size and the UI texts it needs are kept in local storage by the
 * library (`rememberFirstPaint`) and used only for the same window size, pixel ratio and
 * language. Without them (a first start, a resized window, another language) nothing is painted
 * early. The rows sit in `#root`, so React's first commit replaces them in the same frame.
 *
 * The early rows take no keyboard focus (tabindex -1; focus would be lost when React replaces
 * them) and say they are busy; a click on a title, a tick or a column's sort button is kept and
 * done once the library has mounted (`takeEarlyActions`), never dropped or done twice.
 */
const LAYOUT_STORAGE_KEY = 'marginalia.libraryFirstPaint';
/** Raised when what is kept changes shape: a layout kept by another version is not used. */
const LAYOUT_VERSION = 1;

interface FirstPaintLayout {
  version: typeof LAYOUT_VERSION;
  language: Language;
  /** innerWidth, innerHeight, devicePixelRatio: the box holds for these only. */
  window: [number, number, number];
  /** The table's scroller in the page (border box). */
  box: { top: number; left: number; width: number; height: number };
  texts: FirstPaintTexts;
}

/** The UI texts of the table at the initial sort, in the layout's language. */
export interface FirstPaintTexts {
  columns: Record<LibraryColumnKey, string>;
  selectAll: string;
  /** The tick's label around the article's title. */
  selectArticle: [before: string, after: string];
  statuses: Record<ArticleStatus, string>;
}

export type EarlyAction =
  | { kind: 'open'; articleId: number }
  | { kind: 'toggle'; articleId: number }
  | { kind: 'toggleAll' }
  | { kind: 'sort'; key: LibrarySortKey };

let early: { element: HTMLElement; actions: EarlyAction[]; shown: Promise<void> } | null = null;

const windowKey = (): FirstPaintLayout['window'] => [window.innerWidth, window.innerHeight, window.devicePixelRatio];

function storedLayout(language: Language): FirstPaintLayout | null {
  try {
    const layout = JSON.parse(localStorage.getItem(LAYOUT_STORAGE_KEY) ?? 'null') as FirstPaintLayout | null;
    if (layout?.version !== LAYOUT_VERSION || layout.language !== language) return null;
    return layout.window.join() === windowKey().join() ? layout : null;
  } catch {
    return null; // unreadable: the next mount writes it again
  }
}

/**
 * Keeps the table's box and texts of this start's first mount for the next start's early rows.
 * Called once the table has been laid out (a ResizeObserver's first report) and the web fonts
 * are in: reading the box then costs at most one layout, after the first frame.
 */
export function rememberFirstPaint(scroller: HTMLElement, language: Language, texts: FirstPaintTexts): void {
  const { top, left, width, height } = scroller.getBoundingClientRect();
  const layout: FirstPaintLayout = {
    version: LAYOUT_VERSION,
    language,
    window: windowKey(),
    box: { top, left, width, height },
    texts,
  };
  try {
    localStorage.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or refused: the next start paints nothing early, as a first start.
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A focusable control of the early table: not in the tab order (React replaces it). */
const inert = { tabindex: '-1' };

/**
 * Paints the first page's rows that fit the kept box, when the app has not mounted yet and a
 * layout for this window and language was kept; says whether it did. The page must be the
 * library's first page at the initial filter and sort (the start script's request).
 */
export function paintEarlyRows(page: LibraryPage, language: Language): boolean {
  const layout = storedLayout(language);
  const root = document.getElementById('root');
  if (!layout || !root || root.firstChild || page.rows.length === 0) return false;
  try {
    root.append(earlyTable(page, language, layout));
    return true;
  } catch (error) {
    // A kept layout this code cannot read: nothing early; the app starts as on a first start.
    console.warn('The early rows were not painted', error);
    root.replaceChildren();
    return false;
  }
}

function earlyTable(page: LibraryPage, language: Language, { texts, box }: FirstPaintLayout): HTMLElement {
  const head = element(
    'thead',
    {},
    element(
      'tr',
      {},
      element(
        'th',
        { class: 'library__check' },
        element('input', { type: 'checkbox', 'aria-label': texts.selectAll, ...inert }),
      ),
      ...LIBRARY_COLUMNS.map((column) =>
        element(
          'th',
          { class: headerClass(column), 'aria-sort': 'none' },
          element(
            'button',
            { type: 'button', class: 'sort', ...inert },
            texts.columns[column.key],
            element('span', { 'aria-hidden': 'true' }),
          ),
        ),
      ),
    ),
  );
  const fitting = Math.min(page.rows.length, Math.ceil(box.height / LIBRARY_ROW_HEIGHT) + 1);
  const rows = page.rows.slice(0, fitting).map((article, index) => {
    const row = element(
      'tr',
      { 'data-article-id': String(article.id), 'aria-rowindex': String(index + 2) },
      element(
        'td',
        { class: 'library__check' },
        element('input', {
          type: 'checkbox',
          'aria-label': `${texts.selectArticle[0]}${article.displayTitle}${texts.selectArticle[1]}`,
          ...inert,
        }),
      ),
      element(
        'td',
        { class: TITLE_CELL_CLASS },
        element('button', { type: 'button', class: 'link', ...inert }, article.displayTitle),
      ),
      ...PLAIN_CELLS.map((cell) => element('td', { class: cell.className }, cell.text(article, language))),
      element(
        'td',
        { class: STATUS_CELL_CLASS },
        element('span', { class: statusClass(article.status) }, texts.statuses[article.status]),
      ),
    );
    Object.assign(row.style, rowStyle(index * LIBRARY_ROW_HEIGHT, LIBRARY_ROW_HEIGHT));
    return row;
  });
  const body = element('tbody', {}, ...rows);
  body.style.height = `${page.total * LIBRARY_ROW_HEIGHT}px`;
  const scroller = element(
    'div',
    { class: 'library__scroller', 'aria-busy': 'true', 'data-early-rows': '' },
    element('table', { class: 'library__table', 'aria-rowcount': String(page.total) }, head, body),
  );
  Object.assign(scroller.style, {
    position: 'fixed',
    boxSizing: 'border-box',
    top: `${box.top}px`,
    left: `${box.left}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  });
  const actions: EarlyAction[] = [];
  scroller.addEventListener('click', (event) => {
    const target = event.target as Element;
    const articleId = Number(target.closest('tr[data-article-id]')?.getAttribute('data-article-id'));
    const header = target.closest('thead th');
    // The header's cells: the tick's, then one per column.
    const column = header ? LIBRARY_COLUMNS[[...header.parentElement!.children].indexOf(header) - 1] : undefined;
    if (target.closest('.library__title button')) actions.push({ kind: 'open', articleId });
    else if (target.matches('tbody input[type="checkbox"]')) actions.push({ kind: 'toggle', articleId });
    else if (target.matches('thead input[type="checkbox"]')) actions.push({ kind: 'toggleAll' });
    else if (column && target.closest('button')) actions.push({ kind: 'sort', key: column.key });
  });
  early = { element: scroller, actions, shown: afterNextFrame() };
  return scroller;
}

/** Settles once the early rows' frame is shown; at once when none were painted. */
export const earlyRowsFrame = (): Promise<void> => early?.shown ?? Promise.resolve();

/** Whether a layout was kept for this window and language (the early rows can be painted). */
export const canPaintEarlyRows = (language: Language) => storedLayout(language) !== null;

/**
 * What was clicked on the early rows, in order, once: the library does it when it has mounted.
 * React's first commit has already taken the early rows out of `#root`.
 */
export function takeEarlyActions(): EarlyAction[] {
  const actions = early?.actions ?? [];
  early?.element.remove();
  early = null;
  return actions;
}

/** The statuses' texts for the kept layout, in their order. */
export const statusTexts = (text: (status: ArticleStatus) => string) =>
  Object.fromEntries(ARTICLE_STATUSES.map((status) => [status, text(status)])) as Record<ArticleStatus, string>;
