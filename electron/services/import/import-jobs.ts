/**
 * Import jobs as the UI sees them: started, followed through pushed progress events (a
 * snapshot on request), reviewed (the job waits in `review` with its open questions until
 * `decide`), cancelled. Each job runs
 * through a launcher: a worker thread in the app (so the UI thread stays free), or the same
 * code in-process for tests and tools that have no bundled worker.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportFileResult, ImportJob, ReviewDecisions } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import type { JobProgress } from '../../../shared/contract/events';
import { MAX_LISTED_IMPORT_RESULTS } from '../../../shared/contract/imports';
import { JOB_PROGRESS_INTERVAL_MS, Throttle } from '../events/throttle';
import type { ImportRequest } from './import-request';
import { runImportRequest } from './import-request';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { choiceProblem } from './review';
import { controlledHooks, type ImportControl } from './import-control';
import { jobFailure, type ImportEvent, type JobSource } from './run-import';

export interface RunningImport {
  /**
   * Stops the file being read at once, and the job before its next file (in review: at once,
   * writing nothing of the held files).
   */
  cancel(): void;
  /** Answers the questions the job waits on. */
  decide(decisions: ReviewDecisions): void;
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
    const post = (message: ImportControl) => worker.postMessage(message);
    return { cancel: () => post({ type: 'cancel' }), decide: (decisions) => post({ type: 'decide', decisions }) };
  };
}

/** Runs each job on this thread, through the same request code the worker runs. */
export const inProcessLauncher: ImportLauncher = (request, onEvent) => {
  const { hooks, receive } = controlledHooks(onEvent);
  void runImportRequest(request, hooks);
  return { cancel: () => receive({ type: 'cancel' }), decide: (decisions) => receive({ type: 'decide', decisions }) };
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
      review: [],
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
      running: { cancel: () => undefined, decide: () => undefined },
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
    if (isLive(entry.job)) entry.running.cancel();
    return this.get(jobId);
  }

  /**
   * Answers every open question of a job in review (refused, naming the question, when one is
   * left open or answered with a choice that does not fit it); the job goes on at once.
   * `labelExists` checks the labels that spans are mapped to.
   */
  decide(jobId: string, decisions: ReviewDecisions, labelExists: (key: string) => boolean): ImportJob {
    const entry = this.entry(jobId);
    const { job } = entry;
    if (job.state !== 'review') throw ApiError.of('rejected', 'importJobNotWaiting', { jobId });
    for (const question of job.review) {
      const choice = decisions[question.id];
      const what: MessageRef =
        question.kind === 'label'
          ? { key: 'importWhatLabel', params: { label: question.label } }
          : { key: 'importWhatFile', params: { file: question.file } };
      if (!choice) throw ApiError.of('rejected', 'importNoDecision', { what, id: question.id });
      const problem = choiceProblem(question, choice);
      if (problem) throw ApiError.of('rejected', 'importDecisionProblem', { what, problem });
      if (choice.choice === 'map' && !labelExists(choice.labelKey))
        throw ApiError.of('rejected', 'importDecisionMapsToMissing', { what, label: choice.labelKey });
    }
    const answered = Object.fromEntries(job.review.map((question) => [question.id, decisions[question.id]]));
    job.state = 'running';
    job.review = [];
    job.revision++;
    entry.progress.request();
    entry.running.decide(answered as ReviewDecisions);
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
      case 'review':
        job.state = 'review';
        job.review = event.questions;
        job.currentFile = null;
        break;
      case 'finished':
        job.state = event.state;
        job.currentFile = null;
        job.review = [];
        break;
      case 'failed':
        job.state = 'failed';
        job.error = event.error;
        if (event.errorRef) job.errorRef = event.errorRef;
        job.currentFile = null;
        job.review = [];
        break;
    }
    if (job.state === 'running') {
      entry.progress.request();
    } else {
      entry.progress.flush();
      if (!isLive(job)) {
        this.forgetOldJobs();
        const settled = entry.onSettled;
        entry.onSettled = () => undefined;
        settled();
      }
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
    const finished = [...this.jobs.entries()].filter(([, { job }]) => !isLive(job));
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}

/** A job that may still write: running, or waiting in review to import the files it holds. */
export const isLive = (job: Pick<ImportJob, 'state'>): boolean => job.state === 'running' || job.state === 'review';

function snapshotOf(job: ImportJob): ImportJob {
  return { ...job, results: [...job.results], counts: { ...job.counts }, review: [...job.review] };
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
