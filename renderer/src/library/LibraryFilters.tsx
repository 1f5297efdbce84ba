import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { isPartialDate } from '../../../shared/corpus/partial-date';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/article-status';
import { labelName, useAppStore } from '../state/app-store';
import { useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';
import { AttributeFilter } from './AttributeFilter';
import { FieldFilter } from './FieldFilter';

/** Drops a filter key whose value is empty, so an unset control never filters. */
function withFilter<K extends keyof LibraryFilter>(filter: LibraryFilter, key: K, value: LibraryFilter[K] | null) {
  const { [key]: _previous, ...rest } = filter;
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  return (empty ? rest : { ...rest, [key]: value }) as LibraryFilter;
}

/**
 * The library's filters: status, source, publication date range (partial dates allowed),
 * undated, has label, annotated by, an attribute's value, a document field's value, and the
 * linked entity (set from the entity page's "show articles", shown as a chip). They combine
 * (AND); the count and list follow at once (LIBRARY_FILTERS in shared/corpus/library-query.ts is
 * the registry).
 */
export function LibraryFilters() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  // Selectors, not the whole store: the filters need not render again when a page of rows arrives.
  const filter = useLibraryStore((state) => state.filter);
  const setFilter = useLibraryStore((state) => state.setFilter);
  const facets = useLibraryStore((state) => state.facets);
  const entityName = useLibraryStore((state) => state.entityName);
  const [from, setFrom] = useState(filter.published?.from ?? '');
  const [to, setTo] = useState(filter.published?.to ?? '');
  // The attribute and field filters' definitions, asked for once (each filter asking doubled it).
  useEffect(() => {
    const { loaded, load } = useAttributeStore.getState();
    if (!loaded) void load();
  }, []);
  /** Bumped by Clear, so the field filter's controls start empty again. */
  const [clears, setClears] = useState(0);
  const dateProblem = [from, to].some((value) => value !== '' && !isPartialDate(value));

  const toggleStatus = (status: ArticleStatus) => {
    const current = new Set(filter.status ?? []);
    if (!current.delete(status)) current.add(status);
    setFilter(
      withFilter(
        filter,
        'status',
        ARTICLE_STATUSES.filter((value) => current.has(value)),
      ),
    );
  };
  const applyDates = (nextFrom: string, nextTo: string) => {
    const range = { ...(nextFrom ? { from: nextFrom } : {}), ...(nextTo ? { to: nextTo } : {}) };
    // The filter's rule (library-query.ts): either end may be left open, not both, and each is a
    // partial date. Checked without its schema, which is not in the start bundle (issue 13).
    if (!nextFrom && !nextTo) setFilter(withFilter(filter, 'published', null));
    else if (Object.values(range).every(isPartialDate)) setFilter(withFilter(filter, 'published', range));
  };
  const active = Object.keys(filter).some((key) => key !== 'text');

  return (
    <div className="library__filters" role="group" aria-label={t('library.filters.region')}>
      <div className="library__statuses" role="group" aria-label={t('library.filters.status')}>
        {ARTICLE_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`chip chip--status ${filter.status?.includes(status) ? 'chip--on' : ''}`}
            aria-pressed={filter.status?.includes(status) ?? false}
            onClick={() => toggleStatus(status)}
          >
            {t(`status.${status}`)}
          </button>
        ))}
      </div>
      <label>
        {t('library.filters.source')}{' '}
        <select
          value={filter.source?.[0] ?? ''}
          onChange={(event) =>
            setFilter(withFilter(filter, 'source', event.target.value ? [event.target.value] : null))
          }
        >
          <option value="">{t('library.filters.any')}</option>
          {facets?.sources.map(({ source, count }) => (
            <option key={source} value={source}>
              {source} ({count})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.filters.label')}{' '}
        <select
          value={filter.labels?.[0] ?? ''}
          onChange={(event) =>
            setFilter(withFilter(filter, 'labels', event.target.value ? [event.target.value] : null))
          }
        >
          <option value="">{t('library.filters.any')}</option>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {labelName(label, language)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('library.filters.author')}{' '}
        <select
          value={filter.authors?.[0] ?? ''}
          onChange={(event) =>
            setFilter(withFilter(filter, 'authors', event.target.value ? [event.target.value] : null))
          }
        >
          <option value="">{t('library.filters.any')}</option>
          {facets?.authors.map(({ author, count }) => (
            <option key={author} value={author}>
              {author} ({count})
            </option>
          ))}
        </select>
      </label>
      <span className="library__dates">
        <label>
          {t('library.filters.from')}{' '}
          <input
            className="library__date"
            value={from}
            placeholder={t('library.filters.datePlaceholder')}
            aria-invalid={from !== '' && !isPartialDate(from)}
            onChange={(event) => setFrom(event.target.value.trim())}
            onBlur={() => applyDates(from, to)}
            onKeyDown={(event) => event.key === 'Enter' && applyDates(from, to)}
          />
        </label>
        <label>
          {t('library.filters.to')}{' '}
          <input
            className="library__date"
            value={to}
            placeholder={t('library.filters.datePlaceholder')}
            aria-invalid={to !== '' && !isPartialDate(to)}
            onChange={(event) => setTo(event.target.value.trim())}
            onBlur={() => applyDates(from, to)}
            onKeyDown={(event) => event.key === 'Enter' && applyDates(from, to)}
          />
        </label>
      </span>
      <label>
        <input
          type="checkbox"
          checked={filter.undated === true}
          onChange={(event) => setFilter(withFilter(filter, 'undated', event.target.checked ? true : null))}
        />{' '}
        {t('library.filters.undated')}
      </label>
      <AttributeFilter key={`attribute${clears}`} />
      <FieldFilter key={clears} />
      {filter.entity !== undefined ? (
        <span className="chip chip--on library__entity">
          <span lang="vi">{t('library.filters.entity', { name: entityName ?? `#${filter.entity}` })}</span>
          <button
            type="button"
            aria-label={t('library.filters.entityClear')}
            onClick={() => setFilter(withFilter(filter, 'entity', null))}
          >
            ×
          </button>
        </span>
      ) : null}
      {active ? (
        <button
          type="button"
          onClick={() => {
            setFrom('');
            setTo('');
            setClears((count) => count + 1);
            setFilter(filter.text === undefined ? {} : { text: filter.text });
          }}
        >
          {t('library.filters.clear')}
        </button>
      ) : null}
      {dateProblem ? (
        <span className="library__date-problem" role="alert">
          {t('library.filters.dateProblem')}
        </span>
      ) : null}
    </div>
  );
}
