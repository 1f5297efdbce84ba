import { randomUUID } from 'node:crypto';
import type { ApiHandlers, ImportJob } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { importFile, importFilePath } from '../import/import-service';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';

type ImportHandlers = Pick<
  ApiHandlers,
  'pickImportPaths' | 'startImport' | 'getImportJob' | 'cancelImport' | 'restoreTrimmedText'
>;

export function createImportHandlers(workbench: Workbench, host: HostAdapter): ImportHandlers {
  const jobs = new Map<string, ImportJob>();
  const getJob = (jobId: string): ImportJob => {
    const job = jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `There is no import job ${jobId}.`);
    return job;
  };
  return {
    pickImportPaths: async (options) => {
      if (!host.pickImportPaths) throw new ApiError('unsupported', 'This host has no native file dialog.');
      return host.pickImportPaths(options);
    },
    startImport: ({ source }) => {
      const results =
        source.kind === 'paths'
          ? source.paths.flatMap((path) => importFilePath(workbench, path))
          : source.files.flatMap((file) =>
              importFile(workbench, { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }),
            );
      const jobId = randomUUID();
      jobs.set(jobId, {
        jobId,
        state: 'done',
        total: results.length,
        processed: results.length,
        currentFile: null,
        results,
        error: null,
      });
      return { jobId };
    },
    getImportJob: ({ jobId }) => getJob(jobId),
    cancelImport: ({ jobId }) => getJob(jobId),
    restoreTrimmedText: ({ articleId }) => workbench.articles.restoreTrimmed(articleId),
  };
}
