import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type RelationHandlers = Pick<ApiHandlers, 'listRelationTypes' | 'listRelations'>;

export function createRelationHandlers(workbench: Workbench): RelationHandlers {
  return {
    listRelationTypes: () => workbench.relationTypes.list(),
    listRelations: ({ articleId }) => {
      workbench.articles.getSummary(articleId); // not_found for a missing article, not an empty list
      return workbench.relations.listForArticle(articleId);
    },
  };
}
