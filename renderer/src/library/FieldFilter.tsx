import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import type { FieldDef } from '../../../shared/domain/attributes';
import { useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';

type FieldValue = NonNullable<LibraryFilter['field']>['value'];

/** The typed value a control's text stands for, or null when it is empty or not a value of the field. */
function wantedValue(field: FieldDef, text: string): FieldValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (field.spec.type === 'boolean') return trimmed === 'true';
  if (field.spec.type === 'number') return Number.isFinite(Number(trimmed)) ? Number(trimmed) : null;
  return trimmed;
}

/**
 * "Articles whose document field F has value V": a field, then one of its options (or text it
 * contains). It sets the library's `field` filter, so SQLite filters, counts and pages as it does
 * for every other filter (queryLibrary), and the dashboard and concordance scope by it too.
 */
export function FieldFilter() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { fieldDefs, loaded, load } = useAttributeStore();
  const { filter, setFilter, total } = useLibraryStore();
  // The chosen field and the value's text; a field without a value does not filter yet.
  const [key, setKey] = useState(filter.field?.key ?? '');
  const [text, setText] = useState(filter.field ? String(filter.field.value) : '');
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const def = fieldDefs.find((candidate) => candidate.key === key);

  const choose = (nextKey: string, nextText: string) => {
    setKey(nextKey);
    setText(nextText);
    const field = fieldDefs.find((candidate) => candidate.key === nextKey);
    const value = field ? wantedValue(field, nextText) : null;
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
      {def?.spec.type === 'enum' || def?.spec.type === 'boolean' ? (
        <select
          aria-label={t('fields.filterValueLabel')}
          value={text}
          onChange={(event) => choose(key, event.target.value)}
        >
          <option value="">{t('fields.filterValue')}</option>
          {def.spec.type === 'enum'
            ? def.spec.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {nameIn(option, language)}
                </option>
              ))
            : [
                <option key="true" value="true">
                  {t('attributes.yes')}
                </option>,
                <option key="false" value="false">
                  {t('attributes.no')}
                </option>,
              ]}
        </select>
      ) : def ? (
        <input
          type="search"
          aria-label={t('fields.filterValueLabel')}
          placeholder={t('fields.filterValue')}
          value={text}
          aria-invalid={text.trim() !== '' && wantedValue(def, text) === null}
          onChange={(event) => choose(key, event.target.value)}
        />
      ) : null}
      {filter.field && total !== null ? (
        <span className="library__count">{t('fields.filterMatches', { count: total })}</span>
      ) : null}
    </div>
  );
}
