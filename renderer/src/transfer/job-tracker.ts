const POLL_MS = 200;
const FAILURES_BEFORE_REPORTING = 5;

interface Job {
  jobId: string;
  state: string;
}

/**
 * Follows one background job (import or export) at a time: polls it until it leaves the
 * running state, and cancels it. Polling rather than pushed events keeps the contract
 * request/response only, identical over IPC and HTTP.
 */
export class JobTracker<T extends Job> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private following: string | null = null;

  constructor(
    private readonly calls: { get: (jobId: string) => Promise<T>; cancel: (jobId: string) => Promise<T> },
    private readonly onSnapshot: (job: T) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  follow(jobId: string): void {
    this.stop();
    this.following = jobId;
    let failures = 0;
    const tick = async () => {
      try {
        const job = await this.calls.get(jobId);
        if (this.following !== jobId) return;
        failures = 0;
        this.onSnapshot(job);
        if (job.state === 'running') this.timer = setTimeout(tick, POLL_MS);
      } catch (error) {
        if (this.following !== jobId) return;
        // A few transient failures are retried; a job that keeps failing is reported once.
        if (++failures >= FAILURES_BEFORE_REPORTING) this.onError(error);
        else this.timer = setTimeout(tick, POLL_MS * 5);
      }
    };
    void tick();
  }

  async cancel(job: T | null): Promise<void> {
    if (!job) return;
    try {
      this.onSnapshot(await this.calls.cancel(job.jobId));
    } catch (error) {
      this.onError(error);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.following = null;
  }
}
