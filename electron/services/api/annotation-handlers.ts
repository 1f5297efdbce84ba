import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type AnnotationHandlers = Pick<
  ApiHandlers,
  'listAnnotations' | 'undo' | 'redo' | 'getHistoryState' | 'applyChanges' | 'getProfile' | 'setProfile'
>;

export function createAnnotationHandlers(workbench: Workbench): AnnotationHandlers {
  const { annotations, changes, profile } = workbench;
  return {
    listAnnotations: ({ articleId }) => annotations.list(articleId),
    applyChanges: (set) => changes.apply(set),
    undo: ({ articleId }) => changes.undo(articleId),
    redo: ({ articleId }) => changes.redo(articleId),
    getHistoryState: ({ articleId }) => changes.historyState(articleId),
    getProfile: () => profile.get(),
    setProfile: ({ displayName }) => profile.set(displayName),
  };
}
