import type { LibraryRow, LibrarySortKey } from '../../../shared/corpus/library-query';
import type { Language } from '../i18n/languages';
import { formatCount, formatPublished } from './format';

/**
 * The library table's columns and the classes and text of its plain cells: one definition for the
 * React table (LibraryView.tsx) and for the rows painted before the app mounts (early-rows.ts),
 * so the two cannot drift apart (issue 13, the first paint). Zod-free and React-free: the start
 * script bundles it.
 */
export type LibraryColumnKey = Exclude<LibrarySortKey, 'imported' | 'relevance'>;

export const LIBRARY_COLUMNS: { key: LibraryColumnKey; numeric?: boolean }[] = [
  { key: 'title' },
  { key: 'source' },
  { key: 'published' },
  { key: 'words', numeric: true },
  { key: 'annotations', numeric: true },
  { key: 'status' },
];

/** A header cell's classes. */
export const headerClass = (column: { key: LibraryColumnKey; numeric?: boolean }) =>
  `library__col--${column.key} ${column.numeric ? 'num' : ''}`;

/** Row height without a search; with one, each row shows a line of text around the match. */
export const LIBRARY_ROW_HEIGHT = 44;

/** A row's inline style: the virtualiser's place and height. */
export const rowStyle = (top: number, height: number) => ({ transform: `translateY(${top}px)`, height: `${height}px` });

/** The cells between the title and the status: class and text, in column order. */
export const PLAIN_CELLS: { className: string; text: (article: LibraryRow, language: Language) => string }[] = [
  { className: 'library__col--source', text: (article) => article.source ?? '—' },
  {
    className: 'library__col--published nowrap',
    text: (article, language) => formatPublished(article.publishedAt, language),
  },
  { className: 'library__col--words num', text: (article, language) => formatCount(article.wordCount, language) },
  {
    className: 'library__col--annotations num',
    text: (article, language) => formatCount(article.annotationCount, language),
  },
];

export const TITLE_CELL_CLASS = 'library__title library__col--title';
export const STATUS_CELL_CLASS = 'library__col--status';
export const statusClass = (status: LibraryRow['status']) => `status status--${status}`;
