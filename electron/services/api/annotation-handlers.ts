import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type AnnotationHandlers = Pick<
  ApiHandlers,
  'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'undo' | 'redo' | 'getHistoryState'
>;

export function createAnnotationHandlers(workbench: Workbench): AnnotationHandlers {
  const service = workbench.annotations;
  /** The history of an article that does not exist is not empty: it is not_found, like the rest. */
  const existing = (articleId: number) => {
    workbench.articles.getSummary(articleId);
    return articleId;
  };
  return {
    listAnnotations: ({ articleId }) => service.list(articleId),
    createAnnotation: (input) => service.create(input),
    updateAnnotation: (input) => service.update(input),
    deleteAnnotation: ({ id }) => service.delete(id),
    undo: ({ articleId }) => service.undo(existing(articleId)),
    redo: ({ articleId }) => service.redo(existing(articleId)),
    getHistoryState: ({ articleId }) => service.historyState(existing(articleId)),
  };
}
