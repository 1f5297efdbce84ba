import { useEffect, useMemo, useState } from 'react';
import { foldVietnamese } from '../../../shared/text/fold';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { formatCount, formatPublished, STATUS_LABELS } from './format';
import { HitSnippet } from './Snippet';
import { sortArticles, type SortKey, type SortOrder } from './sort-articles';
import { useArticleSearch } from './use-article-search';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source' },
  { key: 'published', label: 'Published' },
  { key: 'words', label: 'Words', numeric: true },
  { key: 'annotations', label: 'Annotations', numeric: true },
  { key: 'status', label: 'Status' },
];

/** Every article with its metadata, counts and status; a click opens it in the reader. */
export function LibraryView() {
  const { articles, loaded, refresh, selectedIds, toggleSelected, setSelected } = useLibraryStore();
  const openArticle = useAppStore((state) => state.openArticle);
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<SortOrder>({ key: 'imported', direction: 'ascending' });
  const sortBy = (key: SortKey) =>
    setOrder((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const hits = useArticleSearch(filter);
  // Accent-insensitive, so "de xuat" finds "đề xuất": titles and sources at once, as you type,
  // plus full-text hits from the search index. In the default order, the best hits lead.
  const visible = useMemo(() => {
    const query = foldVietnamese(filter.trim());
    if (!query) return sortArticles(articles, order);
    const matching = articles.filter(
      (article) =>
        hits.has(article.id) || foldVietnamese(`${article.displayTitle} ${article.source ?? ''}`).includes(query),
    );
    if (order.key !== 'imported') return sortArticles(matching, order);
    const rank = new Map([...hits.keys()].map((id, index) => [id, index]));
    return [...matching].sort(
      (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.importedAt.localeCompare(b.importedAt),
    );
  }, [articles, filter, order, hits]);
  const allVisibleSelected = visible.length > 0 && visible.every((article) => selectedIds.has(article.id));

  return (
    <section className="library" aria-label="Library">
      <header className="library__header">
        <h1>Library</h1>
        <span className="library__count">
          {formatCount(articles.length)} articles
          {selectedIds.size > 0 ? ` · ${formatCount(selectedIds.size)} selected` : ''}
        </span>
        <input
          className="library__filter"
          type="search"
          placeholder="Search titles, sources and text (accents optional)"
          aria-label="Search articles"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </header>
      {loaded && articles.length === 0 ? (
        <p className="library__empty">No articles yet. Use Import… to bring some in.</p>
      ) : (
        <table className="library__table">
          <thead>
            <tr>
              <th className="library__check">
                <input
                  type="checkbox"
                  aria-label="Select all shown"
                  checked={allVisibleSelected}
                  onChange={() => setSelected(allVisibleSelected ? [] : visible.map((article) => article.id))}
                />
              </th>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={order.key === column.key ? order.direction : 'none'}
                >
                  <button type="button" className="sort" onClick={() => sortBy(column.key)}>
                    {column.label}
                    <span aria-hidden="true">
                      {order.key === column.key ? (order.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((article) => (
              <tr key={article.id} data-article-id={article.id}>
                <td className="library__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${article.displayTitle}`}
                    checked={selectedIds.has(article.id)}
                    onChange={() => toggleSelected(article.id)}
                  />
                </td>
                <td className="library__title">
                  <button type="button" className="link" onClick={() => openArticle(article.id)}>
                    {article.displayTitle}
                  </button>
                  <HitSnippet hit={hits.get(article.id)} />
                </td>
                <td>{article.source ?? '—'}</td>
                <td className="nowrap">{formatPublished(article.publishedAt)}</td>
                <td className="num">{formatCount(article.wordCount)}</td>
                <td className="num">{formatCount(article.annotationCount)}</td>
                <td>
                  <span className={`status status--${article.status}`}>{STATUS_LABELS[article.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
