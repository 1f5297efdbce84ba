import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store';
import { nameIn, useAttributeStore } from '../state/attribute-store';
import { useReaderStore } from './reader-store';
import { ValueEditor } from './ValueEditor';

/** The open article's document fields, above its text; each change is an undoable step of the article. */
export function DocumentFields() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { fieldDefs, loaded, load } = useAttributeStore();
  const fields = useReaderStore((state) => state.fields);
  const setField = useReaderStore((state) => state.setField);
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);
  if (fieldDefs.length === 0) return null;
  return (
    <section className="doc-fields" aria-label={t('fields.region')}>
      <dl className="doc-fields__list">
        {fieldDefs.map((def) => (
          <div key={def.key} className={`doc-fields__row doc-fields__row--${def.spec.type}`}>
            <dt>
              <label htmlFor={`field-${def.key}`}>{nameIn(def, language)}</label>
            </dt>
            <dd>
              <ValueEditor
                def={def}
                value={fields[def.key]}
                inputId={`field-${def.key}`}
                multiline
                onChange={(value) => void setField(def.key, value)}
              />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
