import { useTranslation } from 'react-i18next';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import type { AttributeSpec } from '../../../shared/domain/attributes';
import { useAppStore } from '../state/app-store';
import { nameIn } from '../state/attribute-store';

/** The value a document field or attribute filter compares with. */
export type FilterValue = NonNullable<LibraryFilter['field']>['value'];

/** The typed value a control's text stands for, or null when it is empty or not a value of the spec. */
export function wantedValue(spec: AttributeSpec, text: string): FilterValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (spec.type === 'boolean') return trimmed === 'true';
  if (spec.type === 'number') return Number.isFinite(Number(trimmed)) ? Number(trimmed) : null;
  return trimmed;
}

/**
 * The value half of a "field (or attribute) holds value" filter: a list of the options for an
 * enum or yes/no, else a text box (a number, a date, text the value contains).
 */
export function ValueControl({
  spec,
  text,
  label,
  onChange,
}: {
  spec: AttributeSpec;
  text: string;
  label: string;
  onChange(text: string): void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  if (spec.type === 'enum' || spec.type === 'boolean') {
    return (
      <select aria-label={label} value={text} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('fields.filterValue')}</option>
        {spec.type === 'enum'
          ? spec.options.map((option) => (
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
    );
  }
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={t('fields.filterValue')}
      value={text}
      aria-invalid={text.trim() !== '' && wantedValue(spec, text) === null}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
