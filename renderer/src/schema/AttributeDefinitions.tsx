import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { attributesOfLabel } from '../../../shared/domain/attributes';
import type { Label } from '../../../shared/domain/schemas';
import { labelName, useAppStore } from '../state/app-store';
import { useAttributeStore } from '../state/attribute-store';
import { DefinitionForm } from './definition-form';
import { DefinitionRow } from './DefinitionRow';

/**
 * The attributes of the label selected in the schema view: edited in place, added, deleted. Every
 * edit is a change set on the corpus-wide history (attributeDef.*), so it is undone like any
 * schema edit.
 */
export function AttributeDefinitions({ label }: { label: Label }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { attributeDefs, loaded, load, applyDefinitions } = useAttributeStore();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  const labelKey = label.key;
  const defs = attributesOfLabel(attributeDefs, labelKey);
  const heading = t('attributes.ofLabel', { label: `${labelName(label, language)} (${labelKey})` });
  return (
    <section aria-label={heading}>
      <h3>{heading}</h3>
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
