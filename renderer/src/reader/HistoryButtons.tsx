import { useTranslation } from 'react-i18next';
import { HistoryButtons as HistoryButtonsView } from '../app/HistoryButtons';
import { useReaderStore } from './reader-store';

/** The article's undo and redo (its own subscription, so a history change re-renders only these). */
export function HistoryButtons() {
  const { t } = useTranslation();
  const history = useReaderStore((state) => state.history);
  const undo = useReaderStore((state) => state.undo);
  const redo = useReaderStore((state) => state.redo);
  return <HistoryButtonsView history={history} undo={undo} redo={redo} groupLabel={t('reader.history.group')} />;
}
