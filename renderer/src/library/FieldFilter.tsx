import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';

/**
 * "Articles whose document field F has value V": a field, then one of its options (or text it
 * contains). Reports the matching article ids, or null when no filter is set.
 */
export function FieldFilter({ onChange }: { onChange: (articleIds: ReadonlySet<number> | null) => void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { fieldDefs, loaded, load } = useAttributeStore();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const def = fieldDefs.find((candidate) => candidate.key === key);
  /** Numbers the queries, so an answer that arrives after a newer choice is ignored. */
  const latest = useRef(0);

  const choose = (nextKey: string, nextValue: string) => {
    setKey(nextKey);
    setValue(nextValue);
    const query = ++latest.current;
    const field = fieldDefs.find((candidate) => candidate.key === nextKey);
    if (!field || nextValue === '') {
      setCount(null);
      onChange(null);
      return;
    }
    const wanted =
      field.spec.type === 'boolean'
        ? nextValue === 'true'
        : field.spec.type === 'number'
          ? Number(nextValue)
          : nextValue;
    api
      .findArticlesByField({ key: field.key, value: wanted })
      .then((ids) => {
        if (query !== latest.current) return;
        setCount(ids.length);
        onChange(new Set(ids));
      })
      .catch((error: unknown) => useAppStore.getState().notify('error', errorMessage(error)));
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
          value={value}
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
          value={value}
          onChange={(event) => choose(key, event.target.value)}
        />
      ) : null}
      {count !== null ? <span className="library__count">{t('fields.filterMatches', { count })}</span> : null}
    </div>
  );
}
