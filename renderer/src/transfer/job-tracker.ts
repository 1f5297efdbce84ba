const RETRY_MS = 1000;
const FAILURES_BEFORE_REPORTING = 5;

interface Job {
  jobId: string;
  state: string;
  revision: number;
}

/** A job's progress event, for either kind: the job with only its new list items. */
export interface JobDelta<T extends Job> {
  job: T;
  /** For each list of the job: the index in the full list of the first item the event carries. */
  from: Partial<Record<keyof T, number>>;
}

/**
 * Appends a delta's list items to the job as the follower holds it. Null when the follower
 * missed an event (it holds fewer items than the delta starts at) and needs a snapshot.
 */
export function mergeJobDelta<T extends Job>(current: T, delta: JobDelta<T>): T | null {
  const merged = { ...delta.job };
  for (const [key, start] of Object.entries(delta.from) as [keyof T, number][]) {
    const have = current[key] as unknown[];
    const items = delta.job[key] as unknown[];
    if (start > have.length) return null;
    merged[key] = have.concat(items.slice(have.length - start)) as T[keyof T];
  }
  return merged;
}

/**
 * Follows one background job (import or export) at a time through its pushed progress events:
 * one snapshot when it starts following (and again after a missed event or a broken event
 * stream), then deltas. Revisions order snapshots and events that travel different connections.
 */
export class JobTracker<T extends Job> {
  private following: string | null = null;
  private current: T | null = null;
  /** Deltas that arrived before the first snapshot. */
  private early: JobDelta<T>[] = [];
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly calls: { get: (jobId: string) => Promise<T>; cancel: (jobId: string) => Promise<T> },
    private readonly onSnapshot: (job: T) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  follow(jobId: string): void {
    this.stop();
    this.following = jobId;
    void this.resync();
  }

  /** Feeds one progress event; events of other jobs are ignored. */
  receive(delta: JobDelta<T>): void {
    if (delta.job.jobId !== this.following) return;
    if (this.current === null) {
      this.early.push(delta);
      return;
    }
    this.apply(delta);
  }

  /** Fetches a snapshot of the followed job, e.g. after the event stream reconnected. */
  async resync(failures = 0): Promise<void> {
    const jobId = this.following;
    if (jobId === null) return;
    try {
      const snapshot = await this.calls.get(jobId);
      if (this.following !== jobId) return;
      this.accept(snapshot);
      for (const delta of this.early.splice(0)) this.apply(delta);
    } catch (error) {
      if (this.following !== jobId) return;
      // A few transient failures are retried; a job that keeps failing is reported once.
      if (failures + 1 >= FAILURES_BEFORE_REPORTING) this.onError(error);
      else this.retry = setTimeout(() => void this.resync(failures + 1), RETRY_MS);
    }
  }

  async cancel(job: T | null): Promise<void> {
    if (!job) return;
    try {
      const snapshot = await this.calls.cancel(job.jobId);
      this.accept(snapshot);
    } catch (error) {
      this.onError(error);
    }
  }

  stop(): void {
    clearTimeout(this.retry);
    this.following = null;
    this.current = null;
    this.early = [];
  }

  private apply(delta: JobDelta<T>): void {
    if (this.current === null || delta.job.revision <= this.current.revision) return;
    const merged = mergeJobDelta(this.current, delta);
    if (merged === null) {
      void this.resync();
      return;
    }
    this.current = merged;
    this.onSnapshot(merged);
  }

  /** Takes a snapshot the caller received from a call of its own (e.g. the answer to a decision). */
  accept(snapshot: T): void {
    if (snapshot.jobId !== this.following) return;
    if (this.current !== null && snapshot.revision <= this.current.revision) return;
    this.current = snapshot;
    this.onSnapshot(snapshot);
  }
}
