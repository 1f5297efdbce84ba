import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/schemas';
import { Modal } from '../app/Modal';
import { labelName, useAppStore } from '../state/app-store';
import { useSchemaStore } from './schema-store';
import { RadioOption } from '../app/RadioOption';

interface RemoveLabelDialogProps {
  label: Label;
  /** Merge moves every annotation into another label; delete deletes them or moves them. */
  mode: 'merge' | 'delete';
  labels: readonly Label[];
  /** Annotations using the label, shown before anything is done. */
  count: number;
  onClose: () => void;
}

/** Merge or delete a label, with the number of annotations it touches said first; one undo step. */
export function RemoveLabelDialog({ label, mode, labels, count, onClose }: RemoveLabelDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const apply = useSchemaStore((state) => state.apply);
  const targets = labels.filter((candidate) => candidate.key !== label.key);
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const [moveAnnotations, setMoveAnnotations] = useState(mode === 'merge');
  const name = `${label.key} (${labelName(label, language)})`;

  const confirm = async () => {
    const done =
      mode === 'merge'
        ? await apply([{ kind: 'label.merge', key: label.key, intoKey: target }])
        : await apply([{ kind: 'label.delete', key: label.key, moveAnnotationsTo: moveAnnotations ? target : null }]);
    if (done) onClose();
  };

  const targetSelect = (
    <select aria-label={t('schema.remove.target')} value={target} onChange={(event) => setTarget(event.target.value)}>
      {targets.map((candidate) => (
        <option key={candidate.key} value={candidate.key}>
          {candidate.key} · {labelName(candidate, language)}
        </option>
      ))}
    </select>
  );

  return (
    <Modal
      title={mode === 'merge' ? t('schema.remove.mergeTitle', { name }) : t('schema.remove.deleteTitle', { name })}
      onClose={onClose}
    >
      <p data-testid="remove-count">{t('schema.remove.count', { count, name })}</p>
      {mode === 'merge' ? (
        <p>
          <label>
            {t('schema.remove.mergeInto')} {targetSelect}
          </label>
        </p>
      ) : (
        <fieldset className="schema__radios">
          <legend>{t('schema.remove.whatAnnotations')}</legend>
          <RadioOption name="remove-mode" checked={!moveAnnotations} onSelect={() => setMoveAnnotations(false)}>
            {t('schema.remove.deleteThem', { count })}
          </RadioOption>
          <RadioOption name="remove-mode" checked={moveAnnotations} onSelect={() => setMoveAnnotations(true)}>
            {t('schema.remove.moveThem')} {moveAnnotations ? targetSelect : null}
          </RadioOption>
        </fieldset>
      )}
      <p className="muted">{t('schema.remove.sublabels')}</p>
      <p className="muted">{t('schema.remove.oneStep')}</p>
      <div className="schema__formActions">
        <button type="button" className={mode === 'delete' ? 'danger' : 'primary'} onClick={() => void confirm()}>
          {mode === 'merge' ? t('schema.remove.confirmMerge') : t('schema.remove.confirmDelete')}
        </button>
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </Modal>
  );
}
