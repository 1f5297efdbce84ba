import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionKeys, type AttributeSpec, type AttributeValue } from '../../../shared/domain/attributes';
import { nameIn } from '../state/attribute-store';
import { useAppStore } from '../state/app-store';

/** What one editor edits: an attribute of a span or a field of the article. */
export interface EditedDefinition {
  key: string;
  nameVi: string;
  nameEn: string;
  required: boolean;
  spec: AttributeSpec;
}

interface ValueEditorProps {
  def: EditedDefinition;
  value: AttributeValue | undefined;
  /** null clears the value. The backend checks it; a refusal comes back as a toast. */
  onChange: (value: AttributeValue | null) => void;
  /** For the input's id, so the keyboard can focus it. */
  inputId: string;
  /** Show each option's key (the attribute prefix is active on this one). */
  showKeys?: boolean;
  /** The spans a reference may point at: id and how it reads. */
  spanChoices?: readonly { id: number; text: string }[];
  /** Free text in a text area (an analyst summary) rather than one line. */
  multiline?: boolean;
}

/** One typed value: option buttons for enums and booleans, an input for the rest. */
export function ValueEditor({
  def,
  value,
  onChange,
  inputId,
  showKeys = false,
  spanChoices = [],
  multiline = false,
}: ValueEditorProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { spec } = def;
  const name = nameIn(def, language);

  if (spec.type === 'enum' || spec.type === 'boolean') {
    const keys = optionKeys(spec);
    const options =
      spec.type === 'enum'
        ? spec.options.map((option) => ({ value: option.value as string | boolean, text: nameIn(option, language) }))
        : [
            { value: true, text: t('attributes.yes') },
            { value: false, text: t('attributes.no') },
          ];
    const chosen = (option: string | boolean) =>
      Array.isArray(value) ? value.includes(option as string) : value === option;
    const multiple = spec.type === 'enum' && spec.multiple;
    return (
      <div className="values" role="group" aria-label={name} id={inputId}>
        {options.map((option, index) => {
          const on = chosen(option.value);
          const choose = () => {
            if (!multiple) return onChange(on ? null : option.value);
            const list = Array.isArray(value) ? value : [];
            const next = on ? list.filter((one) => one !== option.value) : [...list, option.value as string];
            onChange(next.length > 0 ? next : null);
          };
          return (
            <button
              key={String(option.value)}
              type="button"
              aria-pressed={on}
              className={`values__option${on ? ' is-active' : ''}`}
              onClick={choose}
            >
              {showKeys ? <kbd className="values__key">{keys[index]?.key}</kbd> : null}
              {option.text}
            </button>
          );
        })}
      </div>
    );
  }

  if (spec.type === 'span') {
    return (
      <select
        id={inputId}
        aria-label={name}
        value={typeof value === 'number' ? String(value) : ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{t('attributes.noSpan')}</option>
        {spanChoices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.text}
          </option>
        ))}
      </select>
    );
  }

  return (
    <TextLikeEditor
      // A new stored value (undo, another window) starts a fresh draft.
      key={value === undefined ? '' : String(value)}
      def={def}
      name={name}
      value={value}
      onChange={onChange}
      inputId={inputId}
      multiline={multiline && spec.type === 'text'}
    />
  );
}

/** Number, date and text: typed freely, saved when the field is left or Enter is pressed. */
function TextLikeEditor({
  def,
  name,
  value,
  onChange,
  inputId,
  multiline,
}: Pick<ValueEditorProps, 'def' | 'value' | 'onChange' | 'inputId'> & { name: string; multiline: boolean }) {
  const { t } = useTranslation();
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const { spec } = def;
  const save = () => {
    const trimmed = draft.trim();
    if (trimmed === shown) return;
    if (trimmed === '') return onChange(null);
    // A number that does not parse is sent as text, so the backend's message names the field.
    onChange(spec.type === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed);
  };
  const placeholder =
    spec.type === 'date'
      ? t('attributes.datePlaceholder')
      : spec.type === 'number'
        ? t('attributes.numberPlaceholder', { min: spec.min ?? '−∞', max: spec.max ?? '∞' })
        : t('attributes.textPlaceholder');
  const common = {
    id: inputId,
    'aria-label': name,
    value: draft,
    placeholder,
    onBlur: save,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
  };
  if (multiline) return <textarea {...common} rows={2} lang="vi" />;
  return (
    <input
      {...common}
      type="text"
      inputMode={spec.type === 'number' ? 'decimal' : undefined}
      lang={spec.type === 'text' ? 'vi' : undefined}
      onKeyDown={(event) => {
        if (event.key === 'Enter') save();
      }}
    />
  );
}
