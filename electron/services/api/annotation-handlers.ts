import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type AnnotationHandlers = Pick<
  ApiHandlers,
  'listAnnotations' | 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'undo' | 'redo' | 'getHistoryState'
>;

export function createAnnotationHandlers(workbench: Workbench): AnnotationHandlers {
  const service = workbench.annotations;
  return {
    listAnnotations: ({ articleId }) => service.list(articleId),
    createAnnotation: (input) => service.create(input),
    updateAnnotation: (input) => service.update(input),
    deleteAnnotation: ({ id }) => service.delete(id),
    undo: ({ articleId }) => service.undo(articleId),
    redo: ({ articleId }) => service.redo(articleId),
    getHistoryState: ({ articleId }) => service.historyState(articleId),
  };
}
