import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../shared/domain/changes';
import { RelationTypeKeySchema, type RelationType } from '../../../shared/domain/relations';
import { api } from '../api/client';
import { errorMessage, labelName, useAppStore } from '../state/app-store';
import { useReaderStore } from '../reader/reader-store';

/**
 * The schema's relation types: names, direction, colour and the labels each end may carry. Every
 * edit is one change set on the corpus-wide history (undo it from there); a rule that stored
 * relations would break is refused by the backend with the rule named. Mounted in the schema view.
 */
export function RelationTypes() {
  const { t } = useTranslation();
  const [types, setTypes] = useState<RelationType[]>([]);
  const [newKey, setNewKey] = useState('');
  const notify = useAppStore((state) => state.notify);

  useEffect(() => {
    api.listRelationTypes({}).then(setTypes, (error: unknown) => notify('error', errorMessage(error)));
  }, [notify]);

  const write = async (change: Change) => {
    try {
      const applied = await api.applyChanges({ origin: 'manual', changes: [change] });
      const next = await api.listRelationTypes({});
      setTypes(next);
      // The open reader offers and draws the types it was opened with; keep them current.
      if (applied.relationTypes) useReaderStore.setState({ relationTypes: next });
    } catch (error) {
      notify('error', errorMessage(error));
    }
  };

  const add = () => {
    const key = RelationTypeKeySchema.safeParse(newKey.trim());
    if (!key.success) return notify('error', key.error.issues[0]?.message ?? newKey);
    setNewKey('');
    void write({
      kind: 'relationType.create',
      type: {
        key: key.data,
        nameVi: key.data,
        nameEn: key.data,
        directed: true,
        headLabels: [],
        tailLabels: [],
        color: '#495057',
        sortOrder: types.length,
      },
    });
  };

  return (
    <section className="relation-types" aria-label={t('relations.types.region')}>
      <h3>{t('relations.types.heading')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('relations.types.key')}</th>
            <th scope="col">{t('relations.types.nameVi')}</th>
            <th scope="col">{t('relations.types.nameEn')}</th>
            <th scope="col">{t('relations.types.directed')}</th>
            <th scope="col">{t('relations.types.color')}</th>
            <th scope="col">{t('relations.types.headLabels')}</th>
            <th scope="col">{t('relations.types.tailLabels')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <RelationTypeRow
              key={`${type.key}:${JSON.stringify(type)}`}
              type={type}
              onPatch={(patch) => void write({ kind: 'relationType.update', key: type.key, patch })}
              onDelete={() => void write({ kind: 'relationType.delete', key: type.key })}
            />
          ))}
        </tbody>
      </table>
      <div className="relation-types__add">
        <input
          aria-label={t('relations.types.newKey')}
          placeholder={t('relations.types.newKey')}
          value={newKey}
          onChange={(event) => setNewKey(event.target.value)}
        />
        <button type="button" onClick={add}>
          {t('relations.types.add')}
        </button>
      </div>
    </section>
  );
}

type Patch = Extract<Change, { kind: 'relationType.update' }>['patch'];

function RelationTypeRow(props: { type: RelationType; onPatch: (patch: Patch) => void; onDelete: () => void }) {
  const { type, onPatch, onDelete } = props;
  const { t } = useTranslation();
  const [nameVi, setNameVi] = useState(type.nameVi);
  const [nameEn, setNameEn] = useState(type.nameEn);
  return (
    <tr data-relation-type={type.key}>
      <th scope="row">
        <code>{type.key}</code>
      </th>
      <td>
        <input
          lang="vi"
          aria-label={t('relations.types.nameVi')}
          value={nameVi}
          onChange={(event) => setNameVi(event.target.value)}
          onBlur={() => nameVi !== type.nameVi && onPatch({ nameVi })}
        />
      </td>
      <td>
        <input
          aria-label={t('relations.types.nameEn')}
          value={nameEn}
          onChange={(event) => setNameEn(event.target.value)}
          onBlur={() => nameEn !== type.nameEn && onPatch({ nameEn })}
        />
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('relations.types.directed')}
          checked={type.directed}
          onChange={(event) => onPatch({ directed: event.target.checked })}
        />
      </td>
      <td>
        <input
          type="color"
          aria-label={t('relations.types.color')}
          value={type.color}
          onChange={(event) => onPatch({ color: event.target.value })}
        />
      </td>
      <td>
        <LabelChoice
          chosen={type.headLabels}
          name={t('relations.types.headLabels')}
          onChange={(headLabels) => onPatch({ headLabels })}
        />
      </td>
      <td>
        <LabelChoice
          chosen={type.tailLabels}
          name={t('relations.types.tailLabels')}
          onChange={(tailLabels) => onPatch({ tailLabels })}
        />
      </td>
      <td>
        <button type="button" className="danger" onClick={onDelete}>
          {t('relations.types.delete')}
        </button>
      </td>
    </tr>
  );
}

/** A multiple choice of the schema's labels; none chosen means any label. */
function LabelChoice(props: { chosen: readonly string[]; name: string; onChange: (keys: string[]) => void }) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  return (
    <select
      multiple
      aria-label={props.name}
      title={props.chosen.length ? props.chosen.join(', ') : t('relations.types.anyLabel')}
      value={[...props.chosen]}
      onChange={(event) => props.onChange([...event.target.selectedOptions].map((option) => option.value))}
    >
      {labels.map((label) => (
        <option key={label.key} value={label.key}>
          {labelName(label, language)} ({label.key})
        </option>
      ))}
    </select>
  );
}
