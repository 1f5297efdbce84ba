import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labelName, useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';
import { ValueControl, wantedValue } from './ValueControl';

/** `LABEL\tkey`: one choice of the attribute list (keys never hold a tab). */
const choiceOf = (label: string, key: string) => `${label}\t${key}`;

/**
 * "Articles with a span of label L whose attribute A holds value V": an attribute (named with its
 * label), then one of its options, yes/no, or the text it holds. Sets the library's `attribute`
 * filter. Span references have no value to choose, so they are not offered.
 */
export function AttributeFilter() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const attributeDefs = useAttributeStore((state) => state.attributeDefs);
  const filter = useLibraryStore((state) => state.filter);
  const setFilter = useLibraryStore((state) => state.setFilter);
  const [choice, setChoice] = useState(filter.attribute ? choiceOf(filter.attribute.label, filter.attribute.key) : '');
  const [text, setText] = useState(filter.attribute ? String(filter.attribute.value) : '');
  const offered = attributeDefs.filter((def) => def.spec.type !== 'span');
  const def = offered.find((candidate) => choiceOf(candidate.labelKey, candidate.key) === choice);

  const choose = (nextChoice: string, nextText: string) => {
    setChoice(nextChoice);
    setText(nextText);
    const chosen = offered.find((candidate) => choiceOf(candidate.labelKey, candidate.key) === nextChoice);
    const value = chosen ? wantedValue(chosen.spec, nextText) : null;
    const { attribute: _previous, ...rest } = useLibraryStore.getState().filter;
    setFilter(
      chosen && value !== null ? { ...rest, attribute: { label: chosen.labelKey, key: chosen.key, value } } : rest,
    );
  };
  const labelOf = (key: string) => {
    const label = labels.find((candidate) => candidate.key === key);
    return label ? labelName(label, language) : key;
  };

  return (
    <div className="field-filter" role="group" aria-label={t('library.filters.attributeRegion')}>
      <select
        aria-label={t('library.filters.attribute')}
        value={choice}
        onChange={(event) => choose(event.target.value, '')}
      >
        <option value="">{t('library.filters.anyAttribute')}</option>
        {offered.map((candidate) => (
          <option key={choiceOf(candidate.labelKey, candidate.key)} value={choiceOf(candidate.labelKey, candidate.key)}>
            {labelOf(candidate.labelKey)} › {nameIn(candidate, language)}
          </option>
        ))}
      </select>
      {def ? (
        <ValueControl
          spec={def.spec}
          text={text}
          label={t('library.filters.attributeValue')}
          onChange={(next) => choose(choice, next)}
        />
      ) : null}
    </div>
  );
}
