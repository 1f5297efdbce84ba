import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withDescendants } from '../../../shared/domain/label-tree';
import { LABEL_DEFINITION_FIELDS, LabelHotkeySchema, LabelKeySchema, type Label } from '../../../shared/domain/schemas';
import { labelHotkeyClash, labelHotkeyText } from '../../../shared/keymap';
import { labelName, useAppStore } from '../state/app-store';
import { checkLabelContrast } from './contrast-check';
import { useSchemaStore } from './schema-store';
import { RadioOption } from '../app/RadioOption';

interface LabelFormProps {
  /** The label edited; null for a new one. */
  label: Label | null;
  labels: readonly Label[];
  usage: number;
  onSaved: (key: string) => void;
  onMerge: (label: Label) => void;
  onDelete: (label: Label) => void;
  onToggleHidden: (label: Label) => void;
}

/** What the form edits; hiding is a separate action (onToggleHidden). */
const EDITED_FIELDS = ['key', ...LABEL_DEFINITION_FIELDS] as const;

function blankLabel(labels: readonly Label[]): Label {
  return {
    key: '',
    nameVi: '',
    nameEn: '',
    color: '#1c7ed6',
    hotkey: null,
    kind: 'analytic',
    description: '',
    sortOrder: Math.max(0, ...labels.map((label) => label.sortOrder)) + 1,
    parentKey: null,
    hidden: false,
    guideline: '',
  };
}

/**
 * One label's fields. Problems the schema would refuse (a taken key or hotkey, a key the reader
 * needs) are named as the user types; the backend checks again and its refusal shows here too.
 */
export function LabelForm({ label, labels, usage, onSaved, onMerge, onDelete, onToggleHidden }: LabelFormProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { apply, error, clearError } = useSchemaStore();
  const [draft, setDraft] = useState<Label>(() => label ?? blankLabel(labels));
  const set = <F extends keyof Label>(field: F, value: Label[F]) => {
    clearError();
    setDraft((current) => ({ ...current, [field]: value }));
  };
  const others = labels.filter((other) => other.key !== label?.key);
  const contrast = checkLabelContrast(draft.color, draft.kind);
  const contrastWords = {
    ratio: contrast?.ratio.toFixed(1) ?? '',
    needed: contrast?.needed ?? 0,
    what: t(`schema.contrast.${draft.kind}`),
  };
  // Not under itself or anything below it: that would be a cycle.
  const below = label ? withDescendants(labels, label.key) : new Set<string>();
  const parents = labels.filter((candidate) => !below.has(candidate.key));

  const keyProblem = !LabelKeySchema.safeParse(draft.key).success
    ? t('schema.problem.key')
    : others.some((other) => other.key === draft.key)
      ? t('schema.problem.keyTaken', { key: draft.key })
      : null;
  const hotkeyProblem = (() => {
    if (draft.hotkey === null) return null;
    if (!LabelHotkeySchema.safeParse(draft.hotkey).success) return t('schema.problem.hotkey');
    const keys = labelHotkeyText(draft.hotkey);
    const owner = others.find((other) => other.hotkey === draft.hotkey);
    if (owner) return t('schema.problem.hotkeyTaken', { keys, label: `${owner.key} (${labelName(owner, language)})` });
    const clash = labelHotkeyClash(draft.hotkey);
    if (clash === 'reserved') return t('schema.problem.hotkeyReserved', { keys });
    if (clash) return t('schema.problem.hotkeyShortcut', { keys, action: t(`keys.action.${clash}`) });
    return null;
  })();
  const colorProblem = /^#[0-9a-f]{6}$/i.test(draft.color) ? null : t('schema.problem.color');
  const problems = [keyProblem, hotkeyProblem, colorProblem].filter((problem) => problem !== null);

  const save = async () => {
    if (!label) {
      if (await apply([{ kind: 'label.create', label: draft }])) onSaved(draft.key);
      return;
    }
    const patch = Object.fromEntries(
      EDITED_FIELDS.filter((field) => draft[field] !== label[field]).map((f) => [f, draft[f]]),
    );
    if (Object.keys(patch).length === 0) return;
    if (await apply([{ kind: 'label.update', key: label.key, patch }])) onSaved(draft.key);
  };

  const field = (id: string) => `label-${id}`;
  return (
    <form
      className="schema__form"
      aria-label={label ? t('schema.editTitle', { key: label.key }) : t('schema.newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2>{label ? t('schema.editTitle', { key: label.key }) : t('schema.newTitle')}</h2>
      {label ? <p className="muted">{t('schema.usage', { count: usage })}</p> : null}
      <div className="schema__grid">
        <label htmlFor={field('key')}>{t('schema.field.key')}</label>
        <input
          id={field('key')}
          value={draft.key}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => set('key', event.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))}
          aria-invalid={keyProblem !== null}
        />
        <label htmlFor={field('nameVi')}>{t('schema.field.nameVi')}</label>
        <input
          id={field('nameVi')}
          lang="vi"
          value={draft.nameVi}
          onChange={(event) => set('nameVi', event.target.value)}
        />
        <label htmlFor={field('nameEn')}>{t('schema.field.nameEn')}</label>
        <input
          id={field('nameEn')}
          lang="en"
          value={draft.nameEn}
          onChange={(event) => set('nameEn', event.target.value)}
        />
        <label htmlFor={field('color')}>{t('schema.field.color')}</label>
        <div className="schema__color">
          <input
            type="color"
            aria-label={t('schema.field.colorPicker')}
            value={colorProblem ? '#000000' : draft.color.toLowerCase()}
            onChange={(event) => set('color', event.target.value)}
          />
          <input
            id={field('color')}
            value={draft.color}
            spellCheck={false}
            size={8}
            onChange={(event) => set('color', event.target.value.trim())}
            aria-invalid={colorProblem !== null}
          />
          {contrast ? (
            <span
              className={`schema__contrast ${contrast.ok ? 'is-ok' : 'is-low'}`}
              data-contrast={contrast.ok ? 'ok' : 'low'}
            >
              {contrast.ok ? t('schema.contrast.ok', contrastWords) : t('schema.contrast.low', contrastWords)}
            </span>
          ) : null}
        </div>
        <span id={field('kind-label')}>{t('schema.field.kind')}</span>
        <div role="radiogroup" aria-labelledby={field('kind-label')} className="schema__radios">
          {(['analytic', 'entity'] as const).map((kind) => (
            <RadioOption key={kind} name="label-kind" checked={draft.kind === kind} onSelect={() => set('kind', kind)}>
              {t(`schema.kindLong.${kind}`)}
            </RadioOption>
          ))}
        </div>
        <label htmlFor={field('parent')}>{t('schema.field.parent')}</label>
        <select
          id={field('parent')}
          value={draft.parentKey ?? ''}
          onChange={(event) => set('parentKey', event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('schema.noParent')}</option>
          {parents.map((parent) => (
            <option key={parent.key} value={parent.key}>
              {parent.key} · {labelName(parent, language)}
            </option>
          ))}
        </select>
        <label htmlFor={field('hotkey')}>{t('schema.field.hotkey')}</label>
        <div className="schema__hotkey">
          <input
            id={field('hotkey')}
            value={draft.hotkey ?? ''}
            maxLength={1}
            size={3}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={field('hotkey-help')}
            aria-invalid={hotkeyProblem !== null}
            onChange={(event) => set('hotkey', event.target.value === '' ? null : event.target.value)}
          />
          {draft.hotkey && !hotkeyProblem ? <kbd>{labelHotkeyText(draft.hotkey)}</kbd> : null}
          <span id={field('hotkey-help')} className="muted">
            {t('schema.hotkeyHelp')}
          </span>
        </div>
        <label htmlFor={field('order')}>{t('schema.field.order')}</label>
        <input
          id={field('order')}
          type="number"
          step={1}
          value={draft.sortOrder}
          onChange={(event) => set('sortOrder', Math.trunc(Number(event.target.value)))}
        />
        <label htmlFor={field('description')}>{t('schema.field.description')}</label>
        <textarea
          id={field('description')}
          rows={2}
          value={draft.description}
          onChange={(event) => set('description', event.target.value)}
        />
        <label htmlFor={field('guideline')}>{t('schema.field.guideline')}</label>
        <textarea
          id={field('guideline')}
          rows={5}
          value={draft.guideline}
          onChange={(event) => set('guideline', event.target.value)}
        />
      </div>
      {problems.length > 0 || error ? (
        <ul className="schema__problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
          {error ? <li>{error}</li> : null}
        </ul>
      ) : null}
      <div className="schema__formActions">
        <button type="submit" className="primary" disabled={problems.length > 0}>
          {label ? t('schema.save') : t('schema.create')}
        </button>
        {label ? (
          <>
            <button type="button" onClick={() => onToggleHidden(label)}>
              {label.hidden ? t('schema.show') : t('schema.hide')}
            </button>
            <button type="button" onClick={() => onMerge(label)}>
              {t('schema.merge')}
            </button>
            <button type="button" className="danger" onClick={() => onDelete(label)}>
              {t('schema.delete')}
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
