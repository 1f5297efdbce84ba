import { useTranslation } from 'react-i18next';
import { useReaderStore } from './reader-store';

/** Undo and redo, naming the step they would take; the same as Ctrl+Z and Ctrl+Shift+Z. */
export function HistoryButtons() {
  const { t } = useTranslation();
  const history = useReaderStore((state) => state.history);
  const undo = useReaderStore((state) => state.undo);
  const redo = useReaderStore((state) => state.redo);
  return (
    <div className="history" role="group" aria-label={t('reader.history.group')}>
      <button
        type="button"
        disabled={!history.canUndo}
        title={
          history.undoDescription
            ? t('reader.history.undoTitle', { step: history.undoDescription })
            : t('reader.history.nothingToUndo')
        }
        onClick={() => void undo()}
      >
        {t('reader.history.undo')}
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        title={
          history.redoDescription
            ? t('reader.history.redoTitle', { step: history.redoDescription })
            : t('reader.history.nothingToRedo')
        }
        onClick={() => void redo()}
      >
        {t('reader.history.redo')}
      </button>
    </div>
  );
}
