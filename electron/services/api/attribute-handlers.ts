import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { Workbench } from '../workbench';

type AttributeHandlers = Pick<ApiHandlers, 'listAttributeDefs' | 'listFieldDefs' | 'findArticlesByField'>;

export function createAttributeHandlers(workbench: Workbench): AttributeHandlers {
  const { attributeDefs, fieldDefs, articleFields } = workbench;
  return {
    listAttributeDefs: () => attributeDefs.list(),
    listFieldDefs: () => fieldDefs.list(),
    findArticlesByField: ({ key, value }) => {
      const def = fieldDefs.find(key);
      if (!def) throw new ApiError('not_found', `There is no document field “${key}”.`);
      return articleFields.articlesWhere(key, value, def.spec.type === 'text' ? 'contains' : 'equals');
    },
  };
}
