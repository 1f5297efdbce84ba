import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type EntityHandlers = Pick<ApiHandlers, 'listEntities' | 'getEntityPage' | 'getLinkSuggestions'>;

export function createEntityHandlers({ entities }: Workbench): EntityHandlers {
  return {
    listEntities: ({ query, typeLabelKey, limit }) => entities.list(query, { typeLabelKey, limit }),
    getEntityPage: ({ id }) => entities.page(id),
    getLinkSuggestions: ({ articleId }) => entities.suggestions(articleId),
  };
}
