import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';
import { ValueControl, wantedValue } from './ValueControl';

/**
 * "Articles whose document field F has value V": a field, then one of its options (or text it
 * contains). It sets the library's `field` filter, so SQLite filters, counts and pages as it does
 * for every other filter (queryLibrary), and the dashboard and concordance scope by it too.
 */
export function FieldFilter() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const fieldDefs = useAttributeStore((state) => state.fieldDefs);
  const filter = useLibraryStore((state) => state.filter);
  const setFilter = useLibraryStore((state) => state.setFilter);
  const total = useLibraryStore((state) => state.total);
  // The chosen field and the value's text; a field without a value does not filter yet.
  const [key, setKey] = useState(filter.field?.key ?? '');
  const [text, setText] = useState(filter.field ? String(filter.field.value) : '');
  const def = fieldDefs.find((candidate) => candidate.key === key);

  const choose = (nextKey: string, nextText: string) => {
    setKey(nextKey);
    setText(nextText);
    const field = fieldDefs.find((candidate) => candidate.key === nextKey);
    const value = field ? wantedValue(field.spec, nextText) : null;
    const { field: _previous, ...rest } = useLibraryStore.getState().filter;
    setFilter(field && value !== null ? { ...rest, field: { key: field.key, value } } : rest);
  };

  return (
    <div className="field-filter" role="group" aria-label={t('fields.filterLabel')}>
      <select aria-label={t('fields.filter')} value={key} onChange={(event) => choose(event.target.value, '')}>
        <option value="">{t('fields.filterAny')}</option>
        {fieldDefs.map((field) => (
          <option key={field.key} value={field.key}>
            {nameIn(field, language)}
          </option>
        ))}
      </select>
      {def ? (
        <ValueControl
          spec={def.spec}
          text={text}
          label={t('fields.filterValueLabel')}
          onChange={(next) => choose(key, next)}
        />
      ) : null}
      {filter.field && total !== null ? (
        <span className="library__count">{t('fields.filterMatches', { count: total })}</span>
      ) : null}
    </div>
  );
}
