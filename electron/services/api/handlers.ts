import type { ApiHandlers } from '../../../shared/contract';
import type { Workbench } from '../workbench';
import { createAnnotationHandlers } from './annotation-handlers';
import { createArticleHandlers } from './article-handlers';
import { createExportHandlers } from './export-handlers';
import type { HostAdapter } from './host';
import { createImportHandlers } from './import-handlers';
import { createReaderHandlers } from './reader-handlers';

/** The whole contract implemented over one workbench, for any front end. */
export function createApiHandlers(workbench: Workbench, host: HostAdapter): ApiHandlers {
  return {
    ...createArticleHandlers(workbench, host),
    ...createAnnotationHandlers(workbench),
    ...createReaderHandlers(workbench),
    ...createImportHandlers(workbench, host, host.importLimits ? { limits: host.importLimits } : {}),
    ...createExportHandlers(workbench, host),
  };
}
