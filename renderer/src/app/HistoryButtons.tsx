import { useTranslation } from 'react-i18next';
import type { HistoryState } from '../../../shared/contract';
import { backendText } from '../i18n/backend';

/**
 * Undo and redo for one history stack (an article's, or the corpus-wide one of the schema and
 * the entities), naming the step each would take: the same as Ctrl+Z and Ctrl+Shift+Z there.
 */
export function HistoryButtons({
  history,
  undo,
  redo,
  groupLabel,
}: {
  history: HistoryState;
  undo: () => Promise<unknown>;
  redo: () => Promise<unknown>;
  groupLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="history" role="group" aria-label={groupLabel}>
      <button
        type="button"
        disabled={!history.canUndo}
        title={
          history.undoDescription
            ? t('reader.history.undoTitle', { step: backendText(history.undoDescriptionRef, history.undoDescription) })
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
            ? t('reader.history.redoTitle', { step: backendText(history.redoDescriptionRef, history.redoDescription) })
            : t('reader.history.nothingToRedo')
        }
        onClick={() => void redo()}
      >
        {t('reader.history.redo')}
      </button>
    </div>
  );
}
