import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../../../shared/text/fold';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { formatCount, formatPublished } from './format';
import { HitSnippet } from './Snippet';
import { sortArticles, type SortKey, type SortOrder } from './sort-articles';
import { FieldFilter } from './FieldFilter';
import { useArticleSearch } from './use-article-search';

const COLUMNS: { key: Exclude<SortKey, 'imported'>; numeric?: boolean }[] = [
  { key: 'title' },
  { key: 'source' },
  { key: 'published' },
  { key: 'words', numeric: true },
  { key: 'annotations', numeric: true },
  { key: 'status' },
];

/** Every article with its metadata, counts and status; a click opens it in the reader. */
export function LibraryView() {
  const { articles, loaded, refresh, selectedIds, toggleSelected, setSelected } = useLibraryStore();
  const openArticle = useAppStore((state) => state.openArticle);
  const language = useAppStore((state) => state.language);
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  /** Articles a document field filter lets through; null: no such filter. */
  const [fieldMatches, setFieldMatches] = useState<ReadonlySet<number> | null>(null);
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
    const inField = fieldMatches ? articles.filter((article) => fieldMatches.has(article.id)) : articles;
    if (!query) return sortArticles(inField, order);
    const matching = inField.filter(
      (article) =>
        hits.has(article.id) || foldVietnamese(`${article.displayTitle} ${article.source ?? ''}`).includes(query),
    );
    if (order.key !== 'imported') return sortArticles(matching, order);
    const rank = new Map([...hits.keys()].map((id, index) => [id, index]));
    return [...matching].sort(
      (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) || a.importedAt.localeCompare(b.importedAt),
    );
  }, [articles, filter, order, hits, fieldMatches]);
  const allVisibleSelected = visible.length > 0 && visible.every((article) => selectedIds.has(article.id));

  return (
    <section className="library" aria-label={t('library.region')}>
      <header className="library__header">
        <h1>{t('library.heading')}</h1>
        <span className="library__count">
          {t('library.articleCount', { count: articles.length })}
          {selectedIds.size > 0 ? t('library.selectedCount', { n: selectedIds.size }) : ''}
        </span>
        <input
          className="library__filter"
          type="search"
          placeholder={t('library.searchPlaceholder')}
          aria-label={t('library.searchLabel')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <FieldFilter onChange={setFieldMatches} />
      </header>
      {loaded && articles.length === 0 ? (
        <p className="library__empty">{t('library.empty')}</p>
      ) : (
        <table className="library__table">
          <thead>
            <tr>
              <th className="library__check">
                <input
                  type="checkbox"
                  aria-label={t('library.selectAll')}
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
                    {t(`library.columns.${column.key}`)}
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
                    aria-label={t('library.selectArticle', { title: article.displayTitle })}
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
                <td className="nowrap">{formatPublished(article.publishedAt, language)}</td>
                <td className="num">{formatCount(article.wordCount, language)}</td>
                <td className="num">{formatCount(article.annotationCount, language)}</td>
                <td>
                  <span className={`status status--${article.status}`}>{t(`status.${article.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
