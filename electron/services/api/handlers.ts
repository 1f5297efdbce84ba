import type { ApiHandlers } from '../../../shared/contract';
import { WorkbenchHolder } from '../backup/workbench-holder';
import type { Workbench } from '../workbench';
import { createHeldApiHandlers } from './held-handlers';
import type { HostAdapter } from './host';

/**
 * The whole contract for any front end. Given a holder, calls follow it across restores;
 * given a bare workbench (tests, tools), it is adopted into a holder without timed backups.
 */
export function createApiHandlers(workbench: Workbench | WorkbenchHolder, host: HostAdapter): ApiHandlers {
  return createHeldApiHandlers(
    workbench instanceof WorkbenchHolder ? workbench : WorkbenchHolder.adopt(workbench),
    host,
  );
}
