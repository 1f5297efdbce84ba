import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AnnotateAllInput, AnnotateAllJob, AnnotateAllResult } from '../../../shared/contract/corpus';
import { ApiError } from '../../../shared/contract/errors';
import type { Change } from '../../../shared/domain/changes';
import { snapToSyllables } from '../../../shared/text/syllables';
import { JOB_PROGRESS_INTERVAL_MS, Throttle } from '../events/throttle';
import { perWorkbench } from '../per-workbench';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import type { Workbench } from '../workbench';

type Hit = AnnotateAllInput['hits'][number];
type Counts = Pick<AnnotateAllResult, 'skippedIdentical' | 'skippedOverlapping' | 'refused' | 'snapped'>;

/**
 * The spans annotate-all will create, decided hit by hit: snapped to whole syllables (refused
 * when nothing is left), skipping a span the author already has and a hit overlapping an earlier
 * one in the same article. Reads only; `CorpusService.applyAnnotateAll` writes the result as one
 * set. Hits are taken in article and text order.
 */
export class AnnotateAllPlan {
  readonly changes: Extract<Change, { kind: 'annotation.create' }>[] = [];
  readonly counts: Counts = { skippedIdentical: 0, skippedOverlapping: 0, refused: 0, snapped: 0 };
  /** The hits in the order they are checked. */
  readonly hits: readonly Hit[];
  private readonly texts = new Map<number, string>();
  private readonly taken = new Map<number, { start: number; end: number }[]>();

  constructor(
    readonly input: AnnotateAllInput,
    /** The set is written as this author; only their own twins are duplicates. */
    readonly author: string,
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
  ) {
    this.hits = [...input.hits].sort((a, b) => a.articleId - b.articleId || a.startU16 - b.startU16);
  }

  /** Decides one hit; invalid_input for a hit outside its article's text. */
  check(hit: Hit): void {
    let text = this.texts.get(hit.articleId);
    if (text === undefined) this.texts.set(hit.articleId, (text = this.articles.getText(hit.articleId)));
    if (hit.endU16 > text.length || hit.startU16 >= hit.endU16) {
      throw ApiError.of('invalid_input', 'annotateAllHitOutside', {
        start: hit.startU16,
        end: hit.endU16,
        articleId: hit.articleId,
        length: text.length,
      });
    }
    const range = snapToSyllables(text, hit.startU16, hit.endU16);
    if (!range) {
      this.counts.refused++;
      return;
    }
    if (range.start !== hit.startU16 || range.end !== hit.endU16) this.counts.snapped++;
    const span = { articleId: hit.articleId, labelKey: this.input.labelKey, ...range };
    if (this.annotations.findIdentical({ ...span, author: this.author }, null)) {
      this.counts.skippedIdentical++;
      return;
    }
    const earlier = this.taken.get(hit.articleId) ?? [];
    if (earlier.some((other) => other.start < range.end && range.start < other.end)) {
      this.counts.skippedOverlapping++;
      return;
    }
    this.taken.set(hit.articleId, [...earlier, range]);
    this.changes.push({
      kind: 'annotation.create',
      ref: String(this.changes.length),
      annotation: { ...span, quote: text.slice(range.start, range.end) },
    });
  }

  /**
   * Drops the planned spans that someone made meanwhile (a job checks across event-loop turns);
   * run right before the write, in the same turn.
   */
  dropMadeMeanwhile(): void {
    const still = this.changes.filter(
      ({ annotation }) => !this.annotations.findIdentical({ ...annotation, author: this.author }, null),
    );
    this.counts.skippedIdentical += this.changes.length - still.length;
    this.changes.splice(0, this.changes.length, ...still);
  }
}

/** How long one slice of checking may hold the thread: it also answers the reader. */
const SLICE_MS = 40;
/** Finished jobs kept for a late snapshot. */
const FINISHED_JOBS_KEPT = 10;

interface RunningAnnotateAll {
  job: AnnotateAllJob;
  controller: AbortController;
}

/**
 * Annotate-all jobs of one workbench (issue 13): the hits are checked in slices that yield to the
 * event loop, with progress as `jobProgress` events (kind `annotateAll`); cancel stops between
 * slices and nothing is written. Then the plan is written as ONE change set through the pipeline
 * (one undo step), as the `annotateAll` call does.
 */
export class AnnotateAllJobs {
  private readonly jobs = new Map<string, RunningAnnotateAll>();

  constructor(
    private readonly workbench: Workbench,
    /** Tests take smaller slices and unthrottled progress to see a job between its slices. */
    private readonly timing = { sliceMs: SLICE_MS, progressIntervalMs: JOB_PROGRESS_INTERVAL_MS },
  ) {}

  start(input: AnnotateAllInput): string {
    const plan = this.workbench.corpus.planAnnotateAll(input); // refuses an unknown label at once
    const jobId = randomUUID();
    const running: RunningAnnotateAll = {
      controller: new AbortController(),
      job: {
        jobId,
        state: 'running',
        phase: 'checking',
        hitsTotal: plan.hits.length,
        hitsChecked: 0,
        result: null,
        error: null,
        revision: 0,
      },
    };
    this.jobs.set(jobId, running);
    void this.run(running, plan);
    return jobId;
  }

  get(jobId: string): AnnotateAllJob {
    return this.find(jobId).job;
  }

  /** Stops a job that is still checking; nothing is written. A job already writing finishes. */
  cancel(jobId: string): AnnotateAllJob {
    const running = this.find(jobId);
    if (running.job.state === 'running') running.controller.abort();
    return running.job;
  }

  /** Stops every running job (the workbench is closing). */
  dispose(): void {
    for (const running of this.jobs.values()) running.controller.abort();
  }

  private async run(running: RunningAnnotateAll, plan: AnnotateAllPlan): Promise<void> {
    const progress = new Throttle(() => this.publish(running), this.timing.progressIntervalMs);
    const update = (patch: Partial<AnnotateAllJob>) => {
      running.job = { ...running.job, ...patch, revision: running.job.revision + 1 };
      if (running.job.state === 'running' && patch.phase === undefined) progress.request();
      else progress.flush();
    };
    try {
      let next = 0;
      while (next < plan.hits.length) {
        await nextTurn();
        if (running.controller.signal.aborted) break;
        const sliceEnd = performance.now() + this.timing.sliceMs;
        do plan.check(plan.hits[next++]!);
        while (next < plan.hits.length && performance.now() < sliceEnd);
        update({ hitsChecked: next });
      }
      // The last turn before the write: a cancel that arrived during the last slice still counts.
      await nextTurn();
      if (running.controller.signal.aborted) {
        update({ state: 'cancelled' });
      } else {
        update({ phase: 'writing' });
        await nextTurn(); // lets the 'writing' event leave before the write holds the thread
        plan.dropMadeMeanwhile();
        update({ state: 'done', result: this.workbench.corpus.applyAnnotateAll(plan) });
      }
    } catch (error) {
      update({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
    this.forgetOldJobs();
  }

  private publish(running: RunningAnnotateAll): void {
    this.workbench.events.publish('jobProgress', { kind: 'annotateAll', job: running.job, from: {} });
  }

  private find(jobId: string): RunningAnnotateAll {
    const running = this.jobs.get(jobId);
    if (!running) throw ApiError.of('not_found', 'annotateAllJobNotFound', { jobId });
    return running;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, { job }]) => job.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(jobId);
  }
}

/** The one annotate-all job list of a workbench; stopped when the workbench closes. */
export const annotateAllJobsOf = perWorkbench((workbench) => new AnnotateAllJobs(workbench));
