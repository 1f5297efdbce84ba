/**
 * Runs `action` at most once per `intervalMs` however often it is requested, and at once on
 * `flush` (a job's final state must not wait). The timer is unref'd: it never keeps a process up.
 */
export class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly action: () => void,
    private readonly intervalMs: number,
  ) {}

  request(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  flush(): void {
    this.cancel();
    this.action();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** Job progress events: at most ten a second. */
export const JOB_PROGRESS_INTERVAL_MS = 100;
