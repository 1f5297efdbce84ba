import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { bundledEntryPath } from '../bundled-entry';
import { ImportJobs, workerLauncher, type ImportLauncher } from '../import/import-jobs';
import type { ImportLimits } from '../import/limits';
import type { OpenDatabaseOptions } from '../store/database';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';

type ImportHandlers = Pick<
  ApiHandlers,
  'pickImportPaths' | 'startImport' | 'getImportJob' | 'cancelImport' | 'decideImport' | 'restoreTrimmedText'
>;

export interface ImportHandlerOptions {
  /** How jobs run; by default in the worker bundled next to the running entry point. */
  launcher?: ImportLauncher;
  /** The better-sqlite3 build the worker must load (Electron passes its own). */
  databaseOptions?: Pick<OpenDatabaseOptions, 'nativeBinding'>;
  limits?: ImportLimits;
  /**
   * Where jobs read files: by default the bundled extractWorker.js (under the time limit); null
   * reads on the job's thread (tests that run jobs in-process without a bundle).
   */
  extractWorkerPath?: string | null;
}

export function createImportHandlers(
  workbench: Workbench,
  host: HostAdapter,
  options: ImportHandlerOptions = {},
): ImportHandlers {
  const jobs = new ImportJobs({
    databasePath: workbench.databasePath,
    // The worker opens its own connection with the same native build as this one (Electron's).
    databaseOptions: options.databaseOptions ?? workbench.databaseOptions,
    launcher: options.launcher ?? workerLauncher(bundledEntryPath('importWorker.js')),
    extractWorkerPath:
      options.extractWorkerPath === undefined ? bundledEntryPath('extractWorker.js') : options.extractWorkerPath,
    ...(options.limits ? { limits: options.limits } : {}),
    publishProgress: (progress) => workbench.events.publish('jobProgress', progress),
  });
  return {
    pickImportPaths: async (input) => {
      if (!host.pickImportPaths) throw ApiError.of('unsupported', 'noNativeDialog');
      return host.pickImportPaths(input);
    },
    startImport: ({ source }) => {
      if (source.kind === 'paths') refuseUnchosenPaths(host, 'import', source.paths);
      if (source.kind === 'upload') {
        if (!host.takeUpload) throw ApiError.of('unsupported', 'stagedUploadsBrowserOnly');
        const upload = host.takeUpload(source.uploadId);
        if (!upload) throw ApiError.of('not_found', 'uploadNotFound', { uploadId: source.uploadId });
        // The staged files are removed when the job ends, however it ends.
        return { jobId: jobs.start({ kind: 'staged', files: upload.files }, upload.release) };
      }
      return { jobId: jobs.start(source) };
    },
    getImportJob: ({ jobId }) => jobs.get(jobId),
    cancelImport: ({ jobId }) => jobs.cancel(jobId),
    decideImport: ({ jobId, decisions }) => jobs.decide(jobId, decisions, (key) => workbench.labels.exists(key)),
    restoreTrimmedText: ({ articleId }) => workbench.articles.restoreTrimmed(articleId),
  };
}

/**
 * Over HTTP any caller with the token could make the host read any local file, and error
 * messages would tell whether a path exists: the browser host takes uploads only, refused
 * before the path is looked at. Electron takes only paths its own dialogs returned.
 */
export function refuseUnchosenPaths(host: HostAdapter, purpose: 'import' | 'export', paths: readonly string[]): void {
  if (host.kind === 'browser')
    throw ApiError.of(
      'unsupported',
      purpose === 'import' ? 'browserImportsUploadsOnly' : 'browserExportsDownloadsOnly',
    );
  if (host.acceptsPaths && !host.acceptsPaths(purpose, paths))
    throw ApiError.of('rejected', purpose === 'import' ? 'importPathNotChosen' : 'exportPathNotChosen');
}
