import { useTranslation } from 'react-i18next';
import { useEntitiesStore } from './entities-store';

/** Undo and redo on the corpus-wide stack (entity edits, merges, splits); Ctrl+Z in these views. */
export function EntityHistoryButtons() {
  const { t } = useTranslation();
  const { history, undo, redo } = useEntitiesStore();
  return (
    <div className="history" role="group" aria-label={t('entities.history')}>
      <button
        type="button"
        disabled={!history.canUndo}
        title={history.undoDescription ?? undefined}
        onClick={() => void undo()}
      >
        {t('reader.history.undo')}
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        title={history.redoDescription ?? undefined}
        onClick={() => void redo()}
      >
        {t('reader.history.redo')}
      </button>
    </div>
  );
}
