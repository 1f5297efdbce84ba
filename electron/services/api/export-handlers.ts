import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { exportJobsOf } from '../export/export-jobs';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';
import { refuseUnchosenPaths } from './import-handlers';

type ExportHandlers = Pick<ApiHandlers, 'pickExportPath' | 'startExport' | 'getExportJob' | 'cancelExport'>;

export function createExportHandlers(workbench: Workbench, host: HostAdapter): ExportHandlers {
  const jobs = exportJobsOf(workbench);
  return {
    pickExportPath: async ({ suggestedName }) => {
      if (!host.pickExportPath) throw ApiError.of('unsupported', 'noNativeDialog');
      return host.pickExportPath(suggestedName);
    },
    startExport: ({ options, path }) => {
      // Over HTTP a path would let any caller holding the token write anywhere on this machine;
      // the browser host hands exports out as downloads instead.
      if (path !== null) refuseUnchosenPaths(host, 'export', [path]);
      return { jobId: jobs.start(options, path, host.appVersion) };
    },
    getExportJob: ({ jobId }) => jobs.get(jobId),
    cancelExport: ({ jobId }) => jobs.cancel(jobId),
  };
}
