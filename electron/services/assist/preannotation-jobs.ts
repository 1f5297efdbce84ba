import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  PREANNOTATION_LISTED_ARTICLES,
  type PreannotationJob,
  type PreannotationScope,
} from '../../../shared/contract/assist';
import { ApiError } from '../../../shared/contract/errors';
import { JOB_PROGRESS_INTERVAL_MS, Throttle } from '../events/throttle';
import { perWorkbench } from '../per-workbench';
import type { Workbench } from '../workbench';

/**
 * How long one slice of the job may hold the thread before it yields: the same thread answers
 * the reader (Electron main process or the browser host), which must stay responsive.
 */
const SLICE_MS = 40;
/** Finished jobs kept for a late snapshot; older ones are forgotten. */
const FINISHED_JOBS_KEPT = 10;

interface RunningPreannotation {
  job: PreannotationJob;
  controller: AbortController;
}

/**
 * Pre-annotation jobs of one workbench (issue 14): the suggesters run over many articles and
 * each article's open suggestions are stored for review, replacing what an earlier run stored.
 * Nothing is applied: stored suggestions are derived data, like the search index, so they are
 * written by the store directly and not as undoable changes; the analyst's decisions on them
 * (accept, reject) go through the change pipeline as for live suggestions.
 */
export class PreannotationJobs {
  private readonly jobs = new Map<string, RunningPreannotation>();

  constructor(private readonly workbench: Workbench) {}

  start(scope: PreannotationScope): string {
    const articleIds = this.articleIdsOf(scope);
    const jobId = randomUUID();
    const running: RunningPreannotation = {
      controller: new AbortController(),
      job: {
        jobId,
        state: 'running',
        articlesTotal: articleIds.length,
        articlesDone: 0,
        suggestionsStored: 0,
        articlesWithSuggestions: 0,
        mostSuggested: [],
        error: null,
        revision: 0,
      },
    };
    this.jobs.set(jobId, running);
    void this.run(running, articleIds);
    return jobId;
  }

  get(jobId: string): PreannotationJob {
    return this.find(jobId).job;
  }

  /** Asks a running job to stop after the article in hand; what it stored so far stays stored. */
  cancel(jobId: string): PreannotationJob {
    const running = this.find(jobId);
    if (running.job.state === 'running') running.controller.abort();
    return running.job;
  }

  /** Stops every running job (the workbench is closing). */
  dispose(): void {
    for (const running of this.jobs.values()) running.controller.abort();
  }

  private async run(running: RunningPreannotation, articleIds: readonly number[]): Promise<void> {
    const progress = new Throttle(() => this.publish(running), JOB_PROGRESS_INTERVAL_MS);
    const update = (patch: Partial<PreannotationJob>) => {
      running.job = { ...running.job, ...patch, revision: running.job.revision + 1 };
      if (running.job.state === 'running') progress.request();
      else progress.flush();
    };
    const counts = new Map<number, number>();
    let stored = 0;
    try {
      let next = 0;
      while (next < articleIds.length) {
        await nextTurn();
        if (running.controller.signal.aborted) break;
        const sliceEnd = performance.now() + SLICE_MS;
        do {
          const articleId = articleIds[next++] as number;
          const count = this.workbench.assist.storeSuggestions(articleId);
          stored += count;
          if (count > 0) counts.set(articleId, count);
        } while (next < articleIds.length && performance.now() < sliceEnd);
        update({ articlesDone: next, suggestionsStored: stored, articlesWithSuggestions: counts.size });
      }
      update({
        state: running.controller.signal.aborted ? 'cancelled' : 'done',
        mostSuggested: this.mostSuggested(counts),
      });
    } catch (error) {
      update({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    this.forgetOldJobs();
  }

  private articleIdsOf(scope: PreannotationScope): number[] {
    if (scope.kind === 'articles') {
      for (const id of scope.articleIds) this.workbench.articles.getSummary(id); // not_found for a missing one
      return [...new Set(scope.articleIds)];
    }
    return this.workbench.corpus.libraryIds(scope.kind === 'filter' ? scope.filter : {});
  }

  private mostSuggested(counts: ReadonlyMap<number, number>): PreannotationJob['mostSuggested'] {
    return [...counts]
      .sort(([idA, a], [idB, b]) => b - a || idA - idB)
      .slice(0, PREANNOTATION_LISTED_ARTICLES)
      .map(([articleId, count]) => ({
        articleId,
        count,
        title: this.workbench.articles.getSummary(articleId).displayTitle,
      }));
  }

  private publish(running: RunningPreannotation): void {
    this.workbench.events.publish('jobProgress', { kind: 'preannotate', job: running.job, from: {} });
  }

  private find(jobId: string): RunningPreannotation {
    const running = this.jobs.get(jobId);
    if (!running) throw ApiError.of('not_found', 'preannotationJobNotFound', { jobId });
    return running;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, { job }]) => job.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}

/** The one pre-annotation job list of a workbench; stopped when the workbench closes. */
export const preannotationJobsOf = perWorkbench((workbench) => new PreannotationJobs(workbench));
