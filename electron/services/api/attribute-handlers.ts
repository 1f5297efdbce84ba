import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';

type AttributeHandlers = Pick<ApiHandlers, 'listAttributeDefs' | 'listFieldDefs'>;

export function createAttributeHandlers(workbench: Workbench): AttributeHandlers {
  const { attributeDefs, fieldDefs } = workbench;
  return {
    listAttributeDefs: () => attributeDefs.list(),
    listFieldDefs: () => fieldDefs.list(),
  };
}
