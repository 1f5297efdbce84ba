import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
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
}

/**
 * Every bundled entry (index, serve, cli) sits in out/main beside importWorker.js, but this
 * module may be bundled into a shared chunk one folder below (out/main/chunks).
 */
function bundledWorkerPath(): string {
  const candidates = [join(__dirname, 'importWorker.js'), join(__dirname, '..', 'importWorker.js')];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
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
    launcher: options.launcher ?? workerLauncher(bundledWorkerPath()),
    ...(options.limits ? { limits: options.limits } : {}),
    publishProgress: (progress) => workbench.events.publish('jobProgress', progress),
  });
  return {
    pickImportPaths: async (input) => {
      if (!host.pickImportPaths) throw new ApiError('unsupported', 'This host has no native file dialog.');
      return host.pickImportPaths(input);
    },
    startImport: ({ source }) => {
      if (source.kind === 'paths') refuseUnchosenPaths(host, 'import', source.paths);
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
    throw new ApiError(
      'unsupported',
      purpose === 'import'
        ? 'The browser host imports uploaded files only, not paths on this machine.'
        : 'The browser host does not write to paths; start the export with path null and download it.',
    );
  if (host.acceptsPaths && !host.acceptsPaths(purpose, paths))
    throw new ApiError('rejected', `Only files chosen in the ${purpose} dialog can be used; choose them again.`);
}
