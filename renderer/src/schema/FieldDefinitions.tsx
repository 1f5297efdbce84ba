import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttributeStore } from '../state/attribute-store';
import { DefinitionForm } from './definition-form';
import { DefinitionRow } from './DefinitionRow';

/** The document fields: edited in place, added, deleted (fieldDef.*, on the corpus-wide history). */
export function FieldDefinitions() {
  const { t } = useTranslation();
  const { fieldDefs, loaded, load, applyDefinitions } = useAttributeStore();
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  return (
    <section aria-label={t('fields.editorHeading')}>
      <h3>{t('fields.editorHeading')}</h3>
      <table>
        <tbody>
          {fieldDefs.map((def) => (
            <DefinitionRow
              key={def.key}
              def={def}
              onPatch={(patch) => {
                const { spec, ...rest } = patch;
                // Fields never point at spans: the row only ever edits an enum's options.
                if (spec && spec.type === 'span') return;
                void applyDefinitions([
                  { kind: 'fieldDef.update', key: def.key, patch: { ...rest, ...(spec ? { spec } : {}) } },
                ]);
              }}
              onDelete={() => void applyDefinitions([{ kind: 'fieldDef.delete', key: def.key }])}
            />
          ))}
        </tbody>
      </table>
      <DefinitionForm
        allowSpan={false}
        submitText={t('fields.add')}
        onSubmit={(draft) => {
          const { spec } = draft;
          if (spec.type === 'span') return Promise.resolve(false);
          return applyDefinitions([
            { kind: 'fieldDef.create', def: { ...draft, spec, sortOrder: (fieldDefs.at(-1)?.sortOrder ?? -1) + 1 } },
          ]);
        }}
      />
    </section>
  );
}
