import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchemaImportPreview } from '../../../shared/contract';
import type { DefinitionsPreview } from '../../../shared/contract/labels';
import { Modal } from '../app/Modal';
import { backendText } from '../i18n/backend';
import { useSchemaStore } from './schema-store';

/** A label field as the form names it (the preview lists the backend's field names). */
const FIELD_KEYS: Partial<
  Record<
    string,
    'nameVi' | 'nameEn' | 'color' | 'hotkey' | 'kind' | 'description' | 'guideline' | 'order' | 'parent' | 'hidden'
  >
> = {
  nameVi: 'nameVi',
  nameEn: 'nameEn',
  color: 'color',
  hotkey: 'hotkey',
  kind: 'kind',
  description: 'description',
  guideline: 'guideline',
  sortOrder: 'order',
  parentKey: 'parent',
  hidden: 'hidden',
};

/**
 * Import a schema file: pick it, see what would change (labels added, changed, removed with
 * their counts), and apply it as one step, or read why it is refused (it would orphan annotations).
 */
export function SchemaImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { previewImport, importSchema, error } = useSchemaStore();
  const [file, setFile] = useState<{ name: string; content: unknown } | null>(null);
  const [preview, setPreview] = useState<SchemaImportPreview | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);

  const pick = async (picked: File | undefined) => {
    setPreview(null);
    setReadProblem(null);
    if (!picked) return;
    let content: unknown;
    try {
      content = JSON.parse(await picked.text());
    } catch (problem) {
      setReadProblem(t('schema.import.notJson', { file: picked.name, reason: String(problem) }));
      return;
    }
    setFile({ name: picked.name, content });
    setPreview(await previewImport(content));
  };

  const definitionChanges = (defs: SchemaImportPreview['attributes']) =>
    defs.added.length + defs.changed.length + defs.removed.length;
  const nothing =
    preview &&
    preview.added.length +
      preview.changed.length +
      preview.removed.length +
      definitionChanges(preview.attributes) +
      definitionChanges(preview.fields) ===
      0;
  return (
    <Modal title={t('schema.import.title')} onClose={onClose} wide>
      <p>
        <label>
          {t('schema.import.pick')}{' '}
          <input type="file" accept=".json,application/json" onChange={(event) => void pick(event.target.files?.[0])} />
        </label>
      </p>
      {readProblem || error ? (
        <p className="schema__problems" role="alert">
          {readProblem ?? error}
        </p>
      ) : null}
      {preview ? (
        <div className="schema__preview" data-testid="schema-preview">
          <h3>{t('schema.import.previewHeading', { file: file?.name ?? '' })}</h3>
          {nothing ? <p>{t('schema.import.nothing')}</p> : null}
          {preview.added.length > 0 ? <p>{t('schema.import.added', { keys: preview.added.join(', ') })}</p> : null}
          {preview.changed.length > 0 ? (
            <ul>
              {preview.changed.map((entry) => (
                <li key={entry.key}>
                  {t('schema.import.changed', {
                    key: entry.key,
                    fields: entry.fields
                      .map((name) => {
                        const field = FIELD_KEYS[name];
                        return field ? t(`schema.field.${field}`) : name;
                      })
                      .join(', '),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.removed.length > 0 ? (
            <ul>
              {preview.removed.map((entry) => (
                <li key={entry.key}>{t('schema.import.removed', { key: entry.key, count: entry.annotationCount })}</li>
              ))}
            </ul>
          ) : null}
          <DefinitionChanges changes={preview.attributes} kind="attribute" />
          <DefinitionChanges changes={preview.fields} kind="field" />
          {preview.refusal ? (
            <p className="schema__problems" role="alert">
              {backendText(preview.refusalRef ?? undefined, preview.refusal)}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="schema__formActions">
        <button
          type="button"
          className="primary"
          disabled={!preview || preview.refusal !== null || nothing === true}
          onClick={() => void importSchema(file?.content).then((done) => done && onClose())}
        >
          {t('schema.import.apply')}
        </button>
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** What a schema file does to the attribute or the document field definitions, in words. */
/** What importing the file would do to one kind of definition: label attributes or document fields. */
function DefinitionChanges({ changes, kind }: { changes: DefinitionsPreview; kind: 'attribute' | 'field' }) {
  const { t } = useTranslation();
  return (
    <>
      {changes.added.length > 0 ? <p>{t(`schema.import.${kind}.added`, { keys: changes.added.join(', ') })}</p> : null}
      {changes.changed.length > 0 ? (
        <p>{t(`schema.import.${kind}.changed`, { keys: changes.changed.join(', ') })}</p>
      ) : null}
      {changes.removed.length > 0 ? (
        <ul>
          {changes.removed.map((entry) => (
            <li key={entry.key}>{t(`schema.import.${kind}.removed`, { key: entry.key, count: entry.valueCount })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
