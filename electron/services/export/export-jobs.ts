import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFormatSpec, suggestedExportFileName } from '../../../shared/codecs';
import { ApiError } from '../../../shared/contract/errors';
import { englishMessage } from '../../../shared/messages/backend-messages';
import type { ExportJob, ExportOptions } from '../../../shared/contract/exports';
import { JOB_PROGRESS_INTERVAL_MS, Throttle } from '../events/throttle';
import { perWorkbench } from '../per-workbench';
import type { Workbench } from '../workbench';
import { emptyExportReport, exportToFile, type ExportReport, type ExportRun } from './export-service';
import { exportPackage, packageExportOptions } from '../team/package-export';
import { packageFileName } from '../../../shared/team/package-manifest';

/** A finished export kept for the browser host to send as a download. */
export interface ExportDownload {
  path: string;
  fileName: string;
  contentType: string;
}

interface RunningExport {
  job: ExportJob;
  contentType: string;
  controller: AbortController;
  /** The temp folder holding a download-only export; null when written to the user's path. */
  downloadDir: string | null;
  /** How many issues of each list the previous progress event had carried in all. */
  published: { leftOut: number; widened: number };
  /** Deletes an unfetched download after DOWNLOAD_TTL_MS. */
  expiry?: NodeJS.Timeout;
}

/** A finished download waits this long for the browser to fetch it, then its file is deleted. */
export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;
/** Finished jobs kept for polling; older ones are forgotten so records cannot pile up. */
const FINISHED_JOBS_KEPT = 20;

/**
 * Export jobs of one workbench, in memory. A job runs in the background and publishes its
 * progress on the workbench's events (deltas, throttled); the UI follows those, may cancel it,
 * and (browser host) downloads the finished file by job id.
 */
/**
 * A failed export's error, in English and by key: the service's own refusals carry theirs; any
 * other failure (a full disk, a folder that cannot be written) is worded by Node, its text a param.
 */
function failureOf(error: unknown): Pick<ExportJob, 'error' | 'errorRef'> {
  if (error instanceof ApiError && error.ref) return { error: error.message, errorRef: error.ref };
  const detail = error instanceof Error ? error.message : String(error);
  const errorRef = { key: 'exportFailed', params: { detail } } as const;
  return { error: englishMessage(errorRef.key, errorRef.params), errorRef };
}

export class ExportJobs {
  private readonly exports = new Map<string, RunningExport>();

  constructor(private readonly workbench: Workbench) {}

  /** Starts writing to `path`, or, when it is null, to a temp folder for download. */
  start(options: ExportOptions, path: string | null, appVersion: string): string {
    return this.run(
      {
        format: options.format,
        offsetUnit: options.offsetUnit,
        fileName: suggestedExportFileName(options.format, new Date(), options.authors),
        contentType: exportFormatSpec(options.format).contentType,
      },
      path,
      (target, run) => exportToFile(this.workbench, options, target, { ...run, appVersion }),
    );
  }

  /** "Export my work": `author`'s annotation package, followed as an export job like any other. */
  startPackage(author: string, path: string | null, appVersion: string): string {
    const options = packageExportOptions(author);
    return this.run(
      {
        format: options.format,
        offsetUnit: options.offsetUnit,
        fileName: packageFileName(author, new Date()),
        contentType: 'application/zip',
      },
      path,
      async (target, run) => {
        const { manifest: _written, ...report } = await exportPackage(this.workbench, author, target, {
          ...run,
          appVersion,
        });
        return report;
      },
    );
  }

  private run(
    what: Pick<ExportJob, 'format' | 'offsetUnit' | 'fileName'> & { contentType: string },
    path: string | null,
    write: (target: string, run: Omit<ExportRun, 'appVersion'>) => Promise<ExportReport>,
  ): string {
    const jobId = randomUUID();
    const { fileName, contentType } = what;
    const downloadDir = path === null ? mkdtempSync(join(tmpdir(), 'marginalia-export-')) : null;
    const target = path ?? join(downloadDir as string, fileName);
    const running: RunningExport = {
      controller: new AbortController(),
      downloadDir,
      contentType,
      job: {
        jobId,
        state: 'running',
        format: what.format,
        offsetUnit: what.offsetUnit,
        ...emptyExportReport(),
        fileName,
        path,
        downloadUrl: null,
        error: null,
        revision: 0,
      },
      published: { leftOut: 0, widened: 0 },
    };
    this.exports.set(jobId, running);
    const progress = new Throttle(() => this.publish(running), JOB_PROGRESS_INTERVAL_MS);
    const update = (patch: Partial<ExportJob>) => {
      running.job = { ...running.job, ...patch, revision: running.job.revision + 1 };
      if (running.job.state === 'running') progress.request();
      else progress.flush();
    };
    write(target, {
      signal: running.controller.signal,
      onProgress: (report) => update(copyOf(report)),
    }).then(
      (report) => {
        update({ ...copyOf(report), state: 'done', downloadUrl: downloadDir ? `/api/download/${jobId}` : null });
        if (downloadDir) {
          running.expiry = setTimeout(() => this.downloadServed(jobId), DOWNLOAD_TTL_MS);
          running.expiry.unref();
        }
        this.forgetOldJobs();
      },
      (error: unknown) => {
        this.removeDownload(running);
        if (running.controller.signal.aborted) update({ state: 'cancelled' });
        else update({ state: 'failed', ...failureOf(error) });
        this.forgetOldJobs();
      },
    );
    return jobId;
  }

  get(jobId: string): ExportJob {
    return this.find(jobId).job;
  }

  /** Asks a running job to stop; it turns "cancelled" once its partial file is deleted. */
  cancel(jobId: string): ExportJob {
    const running = this.find(jobId);
    if (running.job.state === 'running') running.controller.abort();
    return running.job;
  }

  download(jobId: string): ExportDownload | null {
    const running = this.exports.get(jobId);
    if (!running || running.job.state !== 'done' || !running.downloadDir) return null;
    const { fileName } = running.job;
    return { path: join(running.downloadDir, fileName), fileName, contentType: running.contentType };
  }

  /** The download was sent (or expired): its file goes, and the job no longer offers it. */
  downloadServed(jobId: string): void {
    const running = this.exports.get(jobId);
    if (!running?.downloadDir) return;
    this.removeDownload(running);
    running.job = { ...running.job, downloadUrl: null };
  }

  /** Cancels what runs and deletes every download folder (the host is stopping). */
  dispose(): void {
    for (const running of this.exports.values()) {
      running.controller.abort();
      this.removeDownload(running);
    }
  }

  private publish(running: RunningExport): void {
    const { job, published } = running;
    const from = { ...published };
    running.published = { leftOut: job.leftOut.length, widened: job.widened.length };
    this.workbench.events.publish('jobProgress', {
      kind: 'export',
      job: { ...job, leftOut: job.leftOut.slice(from.leftOut), widened: job.widened.slice(from.widened) },
      from,
    });
  }

  private removeDownload(running: RunningExport): void {
    if (running.expiry) clearTimeout(running.expiry);
    if (running.downloadDir) rmSync(running.downloadDir, { recursive: true, force: true });
    running.downloadDir = null;
  }

  private forgetOldJobs(): void {
    const finished = [...this.exports.entries()].filter(([, { job }]) => job.state !== 'running');
    for (const [jobId, running] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) {
      this.removeDownload(running);
      this.exports.delete(jobId);
    }
  }

  private find(jobId: string): RunningExport {
    const running = this.exports.get(jobId);
    if (!running) throw ApiError.of('not_found', 'exportJobNotFound', { jobId });
    return running;
  }
}

function copyOf(report: Readonly<ExportReport>): Partial<ExportJob> {
  return { ...report, leftOut: [...report.leftOut], widened: [...report.widened] };
}

/**
 * The one job list of a workbench, shared by its API handlers and the browser host's download
 * route (which cannot reach the handlers' closure).
 */
export const exportJobsOf = perWorkbench((workbench) => new ExportJobs(workbench));
