/**
 * Import jobs as the UI sees them: started, followed through pushed progress events (a
 * snapshot on request), cancelled. Each job runs
 * through a launcher: a worker thread in the app (so the UI thread stays free), or the same
 * code in-process for tests and tools that have no bundled worker.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportFileResult, ImportJob } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { JobProgress } from '../../../shared/contract/events';
import { MAX_LISTED_IMPORT_RESULTS } from '../../../shared/contract/imports';
import { JOB_PROGRESS_INTERVAL_MS, Throttle } from '../events/throttle';
import type { ImportRequest } from './import-request';
import { runImportRequest } from './import-request';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { jobFailure, type ImportEvent, type JobSource } from './run-import';

export interface RunningImport {
  /** Stops the file being read at once, and the job before its next file. */
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
      onEvent(jobFailure('importWorkerCrashed', { detail: error.message }));
    });
    worker.on('exit', (code) => {
      if (!finished) onEvent(jobFailure('importWorkerStopped', { code }));
    });
    return { cancel: () => worker.postMessage({ type: 'cancel' }) };
  };
}

/** Runs each job on this thread, through the same request code the worker runs. */
export const inProcessLauncher: ImportLauncher = (request, onEvent) => {
  const cancel = new AbortController();
  void runImportRequest(request, { emit: onEvent, signal: cancel.signal });
  return { cancel: () => cancel.abort() };
};

/** Finished jobs kept for a last snapshot; older ones are forgotten so results cannot pile up. */
const FINISHED_JOBS_KEPT = 20;

export interface ImportJobsOptions {
  databasePath: string;
  databaseOptions?: ImportRequest['databaseOptions'];
  launcher: ImportLauncher;
  limits?: ImportLimits;
  /** The bundled extractWorker.js (files are read there under the time limit); null: on the job's thread. */
  extractWorkerPath: string | null;
  /** Receives each job's progress as deltas, throttled, and its final state at once. */
  publishProgress?: (progress: JobProgress) => void;
}

interface Entry {
  job: ImportJob;
  running: RunningImport;
  progress: Throttle;
  /** How many results the previous progress event had carried in all. */
  resultsPublished: number;
  /** Runs once when the job ends, however it ends (removes a staged upload). */
  onSettled: () => void;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly options: ImportJobsOptions) {}

  /** Starts a job; `onSettled` runs once when it ends (done, cancelled or failed). */
  start(source: JobSource, onSettled: () => void = () => undefined): string {
    const jobId = randomUUID();
    const job: ImportJob = {
      jobId,
      state: 'running',
      total: 0,
      processed: 0,
      currentFile: null,
      results: [],
      counts: { imported: 0, duplicate: 0, skipped: 0 },
      revision: 0,
      error: null,
    };
    const request: ImportRequest = {
      databasePath: this.options.databasePath,
      databaseOptions: this.options.databaseOptions ?? {},
      source,
      limits: this.options.limits ?? DEFAULT_IMPORT_LIMITS,
      extractWorkerPath: this.options.extractWorkerPath,
    };
    const entry: Entry = {
      job,
      running: { cancel: () => undefined },
      progress: new Throttle(() => this.publish(entry), JOB_PROGRESS_INTERVAL_MS),
      resultsPublished: 0,
      onSettled,
    };
    this.jobs.set(jobId, entry);
    entry.running = this.options.launcher(request, (event) => this.apply(entry, event));
    return jobId;
  }

  /** A snapshot of the job (callers must not see it change under them). */
  get(jobId: string): ImportJob {
    return snapshotOf(this.entry(jobId).job);
  }

  cancel(jobId: string): ImportJob {
    const entry = this.entry(jobId);
    if (entry.job.state === 'running') entry.running.cancel();
    return this.get(jobId);
  }

  private entry(jobId: string): Entry {
    const entry = this.jobs.get(jobId);
    if (!entry) throw ApiError.of('not_found', 'importJobNotFound', { jobId });
    return entry;
  }

  private apply(entry: Entry, event: ImportEvent): void {
    const { job } = entry;
    job.revision++;
    switch (event.type) {
      case 'total':
        job.total = event.total;
        break;
      case 'file':
        job.currentFile = event.name;
        break;
      case 'results':
        addResults(job, event.results);
        job.processed++;
        break;
      case 'finished':
        job.state = event.state;
        job.currentFile = null;
        break;
      case 'failed':
        job.state = 'failed';
        job.error = event.error;
        if (event.errorRef) job.errorRef = event.errorRef;
        job.currentFile = null;
        break;
    }
    if (job.state === 'running') {
      entry.progress.request();
    } else {
      entry.progress.flush();
      this.forgetOldJobs();
      const settled = entry.onSettled;
      entry.onSettled = () => undefined;
      settled();
    }
  }

  private publish(entry: Entry): void {
    if (!this.options.publishProgress) return;
    const from = entry.resultsPublished;
    entry.resultsPublished = entry.job.results.length;
    this.options.publishProgress({
      kind: 'import',
      job: { ...snapshotOf(entry.job), results: entry.job.results.slice(from) },
      from: { results: from },
    });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, { job }]) => job.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}

function snapshotOf(job: ImportJob): ImportJob {
  return { ...job, results: [...job.results], counts: { ...job.counts } };
}

/**
 * Counts every result and lists the first MAX_LISTED_IMPORT_RESULTS. A loop, not
 * `push(...results)`: one CSV or JSONL file can yield 130,000 records, more arguments than the
 * call stack holds.
 */
function addResults(job: ImportJob, results: readonly ImportFileResult[]): void {
  for (const result of results) {
    job.counts[result.outcome]++;
    if (job.results.length < MAX_LISTED_IMPORT_RESULTS) job.results.push(result);
  }
}
