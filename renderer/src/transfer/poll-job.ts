const POLL_MS = 200;

/**
 * Polls a job until it leaves the running state, reporting every snapshot. Polling (rather than
 * pushed events) keeps the contract request/response only, identical over IPC and HTTP.
 * Returns a function that stops polling.
 */
export function pollJob<T extends { state: string }>(
  fetchJob: () => Promise<T>,
  onSnapshot: (job: T) => void,
  onError: (error: unknown) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const tick = async () => {
    try {
      const job = await fetchJob();
      if (stopped) return;
      failures = 0;
      onSnapshot(job);
      if (job.state === 'running') timer = setTimeout(tick, POLL_MS);
    } catch (error) {
      if (stopped) return;
      // A few transient failures are retried; a job that keeps failing is reported once.
      if (++failures >= 5) onError(error);
      else timer = setTimeout(tick, POLL_MS * 5);
    }
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
