import { useReaderStore } from './reader-store';

/** Undo and redo, naming the step they would take; the same as Ctrl+Z and Ctrl+Shift+Z. */
export function HistoryButtons() {
  const { history, undo, redo } = useReaderStore();
  return (
    <div className="history" role="group" aria-label="History">
      <button
        type="button"
        disabled={!history.canUndo}
        title={history.undoDescription ? `Undo: ${history.undoDescription} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => void undo()}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        title={history.redoDescription ? `Redo: ${history.redoDescription} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        onClick={() => void redo()}
      >
        ↷ Redo
      </button>
    </div>
  );
}
