import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';

type ExportHandlers = Pick<ApiHandlers, 'pickExportPath' | 'startExport' | 'getExportJob' | 'cancelExport'>;

export function createExportHandlers(_workbench: Workbench, host: HostAdapter): ExportHandlers {
  const notYet = (): never => {
    throw new ApiError('unsupported', 'Export is not available yet.');
  };
  return {
    pickExportPath: async ({ suggestedName }) => {
      if (!host.pickExportPath) throw new ApiError('unsupported', 'This host has no native file dialog.');
      return host.pickExportPath(suggestedName);
    },
    startExport: notYet,
    getExportJob: notYet,
    cancelExport: notYet,
  };
}
