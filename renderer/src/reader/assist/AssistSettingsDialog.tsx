import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssistSettings, PatternListing } from '../../../../shared/contract';
import type { Change } from '../../../../shared/domain/changes';
import type { PatternDefinition } from '../../../../shared/assist/patterns';
import { SUGGESTION_SOURCES } from '../../../../shared/assist/suggestion';
import type { Label } from '../../../../shared/domain/schemas';
import { api } from '../../api/client';
import { Modal } from '../../app/Modal';
import { backendText } from '../../i18n/backend';
import { errorMessage, labelName, useAppStore } from '../../state/app-store';

interface AssistSettingsDialogProps {
  labels: readonly Label[];
  onClose: () => void;
  /** Called after anything changed, so the open article's suggestions are fetched again. */
  onChanged: () => void;
}

/**
 * The suggesters' settings: which sources run, the patterns (switch on/off, edit the expression,
 * reset a shipped one) and the names the analyst added. Pattern and name edits are change sets
 * (undoable from the corpus-wide history); the source switches are a preference.
 */
export function AssistSettingsDialog({ labels, onClose, onChanged }: AssistSettingsDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [settings, setSettings] = useState<AssistSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const labelTextOf = (labelKey: string) => {
    const label = labels.find((candidate) => candidate.key === labelKey);
    return label ? labelName(label, language) : labelKey;
  };

  const reload = useCallback(async () => setSettings(await api.getAssistSettings({})), []);
  useEffect(() => {
    let open = true;
    void api.getAssistSettings({}).then((loaded) => open && setSettings(loaded));
    return () => {
      open = false;
    };
  }, []);

  /** Applies assist changes; a refusal (e.g. a pattern that could run forever) is shown here. */
  const apply = async (changes: Change[]): Promise<boolean> => {
    try {
      await api.applyChanges({ origin: 'manual', changes });
      setProblem(null);
      await reload();
      onChanged();
      return true;
    } catch (error) {
      setProblem(errorMessage(error));
      return false;
    }
  };

  const setSource = async (source: (typeof SUGGESTION_SOURCES)[number], on: boolean) => {
    // Shown at once; the answer (the stored switches) replaces it.
    setSettings((current) => (current ? { ...current, sources: { ...current.sources, [source]: on } } : current));
    try {
      const sources = await api.setAssistSources({ [source]: on });
      setSettings((current) => (current ? { ...current, sources } : current));
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error));
      await reload();
    }
  };

  return (
    <Modal title={t('assist.title')} onClose={onClose} wide>
      {settings === null ? (
        <p>{t('assist.loading')}</p>
      ) : (
        <div className="assist-settings">
          <fieldset>
            <legend>{t('assist.sources')}</legend>
            {SUGGESTION_SOURCES.map((source) => (
              <label key={source} className="assist-settings__source">
                <input
                  type="checkbox"
                  checked={settings.sources[source]}
                  onChange={(event) => void setSource(source, event.target.checked)}
                />
                <span>
                  <strong>{t(`suggestions.source.${source}`)}</strong> —{' '}
                  {t(`assist.sourceHelp.${source}`, { count: settings.shippedNameCount })}
                </span>
              </label>
            ))}
          </fieldset>
          {problem ? (
            <p className="assist-settings__problem" role="alert">
              {problem}
            </p>
          ) : null}
          <fieldset>
            <legend>{t('assist.patterns')}</legend>
            {settings.patterns.map((pattern) => (
              <PatternRow
                key={`${pattern.definition.id}:${pattern.definition.regex}`}
                pattern={pattern}
                labelText={labelTextOf(pattern.definition.labelKey)}
                onSave={(definition) => apply([{ kind: 'assist.putPattern', pattern: definition }])}
                onReset={() => apply([{ kind: 'assist.resetPattern', id: pattern.definition.id }])}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('assist.names')}</legend>
            <NameForm
              labels={labels}
              onAdd={(labelKey, text) => apply([{ kind: 'assist.addName', name: { labelKey, text } }])}
            />
            {settings.addedNames.length === 0 ? (
              <p className="muted">{t('assist.noNames')}</p>
            ) : (
              <ul className="assist-settings__names">
                {settings.addedNames.map((name) => (
                  <li key={`${name.labelKey}:${name.text}`}>
                    <span lang="vi">{name.text}</span> <span className="muted">{name.labelKey}</span>{' '}
                    <button type="button" onClick={() => void apply([{ kind: 'assist.removeName', name }])}>
                      {t('assist.removeName')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
      )}
    </Modal>
  );
}

interface PatternRowProps {
  pattern: PatternListing;
  labelText: string;
  onSave: (definition: PatternDefinition) => Promise<boolean>;
  onReset: () => Promise<boolean>;
}

function PatternRow({ pattern, labelText, onSave, onReset }: PatternRowProps) {
  const { t, i18n } = useTranslation();
  const { definition } = pattern;
  // Keyed by the stored expression (below), so a saved or reset pattern starts this field afresh.
  const [regex, setRegex] = useState(definition.regex);
  const name = i18n.language === 'vi' ? definition.nameVi : definition.nameEn;
  return (
    <div className="assist-settings__pattern">
      <label className="assist-settings__pattern-head">
        <input
          type="checkbox"
          checked={definition.enabled}
          onChange={(event) => void onSave({ ...definition, enabled: event.target.checked })}
        />
        <span>
          {name} <span className="muted">→ {labelText}</span>
          {pattern.edited ? (
            <span className="muted"> · {pattern.shipped ? t('assist.edited') : t('assist.yours')}</span>
          ) : null}
        </span>
      </label>
      <div className="assist-settings__pattern-body">
        <textarea
          aria-label={t('assist.expressionOf', { name })}
          value={regex}
          spellCheck={false}
          rows={2}
          onChange={(event) => setRegex(event.target.value)}
        />
        <button
          type="button"
          disabled={regex === definition.regex}
          onClick={() => void onSave({ ...definition, regex })}
        >
          {t('assist.save')}
        </button>
        {pattern.shipped && pattern.edited ? (
          <button type="button" onClick={() => void onReset()}>
            {t('assist.reset')}
          </button>
        ) : null}
      </div>
      {pattern.problem ? (
        <p className="assist-settings__problem">{backendText(pattern.problemRef ?? undefined, pattern.problem)}</p>
      ) : null}
    </div>
  );
}

function NameForm({
  labels,
  onAdd,
}: {
  labels: readonly Label[];
  onAdd: (labelKey: string, text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [labelKey, setLabelKey] = useState(
    labels.find((label) => label.kind === 'entity')?.key ?? labels[0]?.key ?? '',
  );
  const [text, setText] = useState('');
  return (
    <form
      className="assist-settings__name-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onAdd(labelKey, text).then((added) => added && setText(''));
      }}
    >
      <input
        aria-label={t('assist.nameText')}
        lang="vi"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <select aria-label={t('assist.nameLabel')} value={labelKey} onChange={(event) => setLabelKey(event.target.value)}>
        {labels.map((label) => (
          <option key={label.key} value={label.key}>
            {labelName(label, language)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={text.trim().length < 2}>
        {t('assist.addName')}
      </button>
    </form>
  );
}
