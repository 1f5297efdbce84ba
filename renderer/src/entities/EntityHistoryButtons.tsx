import { useTranslation } from 'react-i18next';
import { HistoryButtons } from '../app/HistoryButtons';
import { useEntitiesStore } from './entities-store';

/** Undo and redo on the corpus-wide stack (entity edits, merges, splits); Ctrl+Z in these views. */
export function EntityHistoryButtons() {
  const { t } = useTranslation();
  const { history, undo, redo } = useEntitiesStore();
  return <HistoryButtons history={history} undo={undo} redo={redo} groupLabel={t('entities.history')} />;
}
