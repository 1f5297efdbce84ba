import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attributesOfLabel } from '../../../shared/domain/attributes';
import { labelName, useAppStore } from '../state/app-store';
import { useAttributeStore } from '../state/attribute-store';
import { DefinitionForm } from './definition-form';
import { DefinitionRow } from './DefinitionRow';

/**
 * The attributes of one label at a time: edited in place, added, deleted. Every edit is a change
 * set on the corpus-wide history (attributeDef.*), so it is undone like any schema edit.
 */
export function AttributeDefinitions() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const labels = useAppStore((state) => state.labels);
  const { attributeDefs, loaded, load, applyDefinitions } = useAttributeStore();
  const [labelKey, setLabelKey] = useState(labels[0]?.key ?? '');
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const defs = attributesOfLabel(attributeDefs, labelKey);
  return (
    <section aria-label={t('attributes.heading')}>
      <h3>{t('attributes.heading')}</h3>
      <label>
        {t('attributes.label')}{' '}
        <select value={labelKey} onChange={(event) => setLabelKey(event.target.value)}>
          {labels.map((label) => (
            <option key={label.key} value={label.key}>
              {labelName(label, language)} ({label.key})
            </option>
          ))}
        </select>
      </label>
      {defs.length === 0 ? <p>{t('attributes.none')}</p> : null}
      <table>
        <tbody>
          {defs.map((def) => (
            <DefinitionRow
              key={`${def.labelKey}.${def.key}`}
              def={def}
              onPatch={(patch) =>
                void applyDefinitions([{ kind: 'attributeDef.update', labelKey: def.labelKey, key: def.key, patch }])
              }
              onDelete={() =>
                void applyDefinitions([{ kind: 'attributeDef.delete', labelKey: def.labelKey, key: def.key }])
              }
            />
          ))}
        </tbody>
      </table>
      <DefinitionForm
        allowSpan
        submitText={t('attributes.add')}
        onSubmit={(draft) =>
          applyDefinitions([
            {
              kind: 'attributeDef.create',
              def: { ...draft, labelKey, sortOrder: (defs.at(-1)?.sortOrder ?? -1) + 1 },
            },
          ])
        }
      />
    </section>
  );
}
