/**
 * Import jobs as the UI sees them: started, polled for progress, cancelled. Each job runs
 * through a launcher: a worker thread in the app (so the UI thread stays free), or the same
 * code in-process for tests and tools that have no bundled worker.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportSource } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportRequest } from './import-request';
import { runImportRequest } from './import-request';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import type { ImportEvent } from './run-import';

export interface RunningImport {
  /** Asks the job to stop before its next file. */
  cancel(): void;
}

export type ImportLauncher = (request: ImportRequest, onEvent: (event: ImportEvent) => void) => RunningImport;

/** Runs each job in a worker thread loaded from `scriptPath` (the bundled import-worker). */
export function workerLauncher(scriptPath: string): ImportLauncher {
  return (request, onEvent) => {
    const worker = new Worker(scriptPath, { workerData: request });
    let finished = false;
    worker.on('message', (event: ImportEvent) => {
      if (event.type === 'finished' || event.type === 'failed') finished = true;
      onEvent(event);
    });
    worker.on('error', (error) => {
      finished = true;
      onEvent({ type: 'failed', error: `The import worker crashed: ${error.message}` });
    });
    worker.on('exit', (code) => {
      if (!finished) onEvent({ type: 'failed', error: `The import worker stopped unexpectedly (exit code ${code}).` });
    });
    return { cancel: () => worker.postMessage({ type: 'cancel' }) };
  };
}

/** Runs each job on this thread, through the same request code the worker runs. */
export const inProcessLauncher: ImportLauncher = (request, onEvent) => {
  let cancelled = false;
  void runImportRequest(request, { emit: onEvent, isCancelled: () => cancelled });
  return { cancel: () => (cancelled = true) };
};

/** Finished jobs kept for polling; older ones are forgotten so results cannot pile up. */
const FINISHED_JOBS_KEPT = 20;

export interface ImportJobsOptions {
  databasePath: string;
  databaseOptions?: ImportRequest['databaseOptions'];
  launcher: ImportLauncher;
  limits?: ImportLimits;
}

export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; running: RunningImport }>();

  constructor(private readonly options: ImportJobsOptions) {}

  start(source: ImportSource): string {
    const jobId = randomUUID();
    const job: ImportJob = {
      jobId,
      state: 'running',
      total: 0,
      processed: 0,
      currentFile: null,
      results: [],
      error: null,
    };
    const request: ImportRequest = {
      databasePath: this.options.databasePath,
      databaseOptions: this.options.databaseOptions ?? {},
      source,
      limits: this.options.limits ?? DEFAULT_IMPORT_LIMITS,
    };
    const running = this.options.launcher(request, (event) => this.apply(job, event));
    this.jobs.set(jobId, { job, running });
    return jobId;
  }

  /** A snapshot of the job (callers must not see it change under them). */
  get(jobId: string): ImportJob {
    const { job } = this.entry(jobId);
    return { ...job, results: [...job.results] };
  }

  cancel(jobId: string): ImportJob {
    const entry = this.entry(jobId);
    if (entry.job.state === 'running') entry.running.cancel();
    return this.get(jobId);
  }

  private entry(jobId: string): { job: ImportJob; running: RunningImport } {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new ApiError('not_found', `There is no import job ${jobId}.`);
    return entry;
  }

  private apply(job: ImportJob, event: ImportEvent): void {
    switch (event.type) {
      case 'total':
        job.total = event.total;
        break;
      case 'file':
        job.currentFile = event.name;
        break;
      case 'results':
        job.results.push(...event.results);
        job.processed++;
        break;
      case 'finished':
        job.state = event.state;
        job.currentFile = null;
        this.forgetOldJobs();
        break;
      case 'failed':
        job.state = 'failed';
        job.error = event.error;
        job.currentFile = null;
        this.forgetOldJobs();
        break;
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, { job }]) => job.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}
