import { api } from '../api/client';
import type { AppliedChanges } from './sync/changes';
import type { SyncTransport } from './sync/transport';

/**
 * The reader's DocumentSync talks to the backend through this. Until `applyChanges` is in the
 * contract (issue 8, the change pipeline), a change set goes out as the per-annotation calls and
 * the history and summary are read after it; the answer has the AppliedChanges shape either way.
 */
export const apiTransport: SyncTransport = {
  async apply(changeSet) {
    const articleId = changeSet.articleId;
    if (articleId === undefined) throw new Error('reader change sets name their article');
    const answer: Pick<AppliedChanges, 'upserted' | 'removed' | 'createdIds'> = {
      upserted: [],
      removed: [],
      createdIds: {},
    };
    for (const change of changeSet.changes) {
      if (change.kind === 'annotation.create') {
        const saved = await api.createAnnotation(change.annotation);
        answer.createdIds[change.ref] = saved.id;
        answer.upserted.push(saved);
      } else if (change.kind === 'annotation.update') {
        answer.upserted.push(await api.updateAnnotation({ id: change.id, ...change.patch }));
      } else {
        await api.deleteAnnotation({ id: change.id });
        answer.removed.push(change.id);
      }
    }
    return withHistory(articleId, { description: changeSet.description ?? '', ...answer });
  },
  undo: async (articleId) => {
    const change = await api.undo({ articleId });
    return change && withHistory(articleId, { ...change, createdIds: {} });
  },
  redo: async (articleId) => {
    const change = await api.redo({ articleId });
    return change && withHistory(articleId, { ...change, createdIds: {} });
  },
};

async function withHistory(
  articleId: number,
  change: Omit<AppliedChanges, 'articleId' | 'history' | 'summary'>,
): Promise<AppliedChanges> {
  const [history, summary] = await Promise.all([
    api.getHistoryState({ articleId }),
    api.getArticleSummary({ id: articleId }),
  ]);
  return { ...change, articleId, history, summary };
}
