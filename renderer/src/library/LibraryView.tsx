import { useEffect, useMemo, useState } from 'react';
import { foldVietnamese } from '../../../shared/text/fold';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { formatCount, formatPublished, STATUS_LABELS } from './format';

/** Every article with its metadata, counts and status; a click opens it in the reader. */
export function LibraryView() {
  const { articles, loaded, refresh, selectedIds, toggleSelected, setSelected } = useLibraryStore();
  const openArticle = useAppStore((state) => state.openArticle);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Accent-insensitive, so "de xuat" finds "đề xuất".
  const visible = useMemo(() => {
    const query = foldVietnamese(filter.trim());
    if (!query) return articles;
    return articles.filter((article) =>
      foldVietnamese(`${article.displayTitle} ${article.source ?? ''}`).includes(query),
    );
  }, [articles, filter]);
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
          placeholder="Filter by title or source (accents optional)"
          aria-label="Filter articles"
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
              <th>Title</th>
              <th>Source</th>
              <th>Published</th>
              <th className="num">Words</th>
              <th className="num">Annotations</th>
              <th>Status</th>
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
