import type { ApiHandlers } from '../../../shared/contract';
import type { LabelCallName } from '../../../shared/contract/labels';
import { NewestHistory } from '../changes/newest-history';
import { LabelService } from '../labels/label-service';
import type { Workbench } from '../workbench';

type LabelHandlers = Pick<ApiHandlers, LabelCallName>;

export function createLabelHandlers(workbench: Workbench): LabelHandlers {
  const labels = new LabelService(workbench);
  const newest = new NewestHistory(workbench.changes, workbench.history, workbench.articles);
  return {
    getLabelUsage: () => labels.usage(),
    exportSchema: () => labels.exportSchema(),
    previewSchemaImport: ({ file }) => labels.previewImport(file),
    importSchema: ({ file }) => labels.importSchema(file),
    undoNewest: ({ articleId }) => newest.undo(articleId),
    redoNewest: ({ articleId }) => newest.redo(articleId),
    getNewestHistoryState: ({ articleId }) => newest.state(articleId),
  };
}
