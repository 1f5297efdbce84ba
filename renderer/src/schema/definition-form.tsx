import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTRIBUTE_TYPES,
  type AttributeSpec,
  type AttributeType,
  type EnumOption,
} from '../../../shared/domain/attributes';

/** What the add forms of both editors collect; the backend validates it like any change. */
export interface DefinitionDraft {
  key: string;
  nameVi: string;
  nameEn: string;
  required: boolean;
  spec: AttributeSpec;
}

/** Options written one per line as `value | Vietnamese name | English name`; null and the line when one is malformed. */
export function parseOptions(text: string): { options: EnumOption[] } | { badLine: number } {
  const options: EnumOption[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const [value, nameVi, nameEn] = line.split('|').map((part) => part.trim());
    if (!value || !nameVi || !nameEn) return { badLine: index + 1 };
    options.push({ value, nameVi, nameEn });
  }
  return { options };
}

export const optionsText = (options: readonly EnumOption[]): string =>
  options.map((option) => `${option.value} | ${option.nameVi} | ${option.nameEn}`).join('\n');

/** The add form: key, names, type and what the type needs. `allowSpan`: only attributes may point at spans. */
export function DefinitionForm({
  allowSpan,
  submitText,
  onSubmit,
}: {
  allowSpan: boolean;
  submitText: string;
  onSubmit: (draft: DefinitionDraft) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [type, setType] = useState<AttributeType>('enum');
  const [required, setRequired] = useState(false);
  const [multiple, setMultiple] = useState(false);
  const [options, setOptions] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [integer, setInteger] = useState(false);
  const [spanLabels, setSpanLabels] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const spec = (): AttributeSpec | string => {
    switch (type) {
      case 'enum': {
        const parsed = parseOptions(options);
        return 'badLine' in parsed
          ? t('attributes.badOptions', { line: parsed.badLine })
          : { type, multiple, options: parsed.options };
      }
      case 'number':
        return { type, min: min === '' ? null : Number(min), max: max === '' ? null : Number(max), integer };
      case 'span':
        return {
          type,
          labelKeys: spanLabels
            .split(',')
            .map((one) => one.trim())
            .filter(Boolean),
        };
      default:
        return { type };
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const built = spec();
        if (typeof built === 'string') return setProblem(built);
        setProblem(null);
        void onSubmit({ key: key.trim(), nameVi: nameVi.trim(), nameEn: nameEn.trim(), required, spec: built }).then(
          (saved) => {
            if (!saved) return;
            setKey('');
            setNameVi('');
            setNameEn('');
            setOptions('');
          },
        );
      }}
    >
      <label>
        {t('attributes.key')}
        <input value={key} onChange={(event) => setKey(event.target.value)} required pattern="[a-z][a-z0-9_]*" />
      </label>
      <label>
        {t('attributes.type')}
        <select value={type} onChange={(event) => setType(event.target.value as AttributeType)}>
          {ATTRIBUTE_TYPES.filter((one) => allowSpan || one !== 'span').map((one) => (
            <option key={one} value={one}>
              {t(`attributes.types.${one}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('attributes.nameVi')}
        <input value={nameVi} onChange={(event) => setNameVi(event.target.value)} required lang="vi" />
      </label>
      <label>
        {t('attributes.nameEn')}
        <input value={nameEn} onChange={(event) => setNameEn(event.target.value)} required lang="en" />
      </label>
      {type === 'enum' ? (
        <>
          <label className="wide">
            {t('attributes.options')}
            <textarea value={options} rows={3} onChange={(event) => setOptions(event.target.value)} />
          </label>
          <label>
            <span>
              <input type="checkbox" checked={multiple} onChange={(event) => setMultiple(event.target.checked)} />{' '}
              {t('attributes.multiple')}
            </span>
          </label>
        </>
      ) : null}
      {type === 'number' ? (
        <>
          <label>
            {t('attributes.min')}
            <input type="number" value={min} onChange={(event) => setMin(event.target.value)} />
          </label>
          <label>
            {t('attributes.max')}
            <input type="number" value={max} onChange={(event) => setMax(event.target.value)} />
          </label>
          <label>
            <span>
              <input type="checkbox" checked={integer} onChange={(event) => setInteger(event.target.checked)} />{' '}
              {t('attributes.integer')}
            </span>
          </label>
        </>
      ) : null}
      {type === 'span' ? (
        <label className="wide">
          {t('attributes.spanLabels')}
          <input value={spanLabels} onChange={(event) => setSpanLabels(event.target.value)} />
        </label>
      ) : null}
      <label>
        <span>
          <input type="checkbox" checked={required} onChange={(event) => setRequired(event.target.checked)} />{' '}
          {t('attributes.required')}
        </span>
      </label>
      {problem ? (
        <p className="wide" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="wide">
        <button type="submit">{submitText}</button>
      </div>
    </form>
  );
}
