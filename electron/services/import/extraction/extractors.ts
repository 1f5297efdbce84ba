/**
 * Where an import reads its files. Jobs and the command line read them in a worker thread that
 * is terminated when a file passes the time limit or the import is cancelled, so a pathological
 * file (a page nested 900 deep takes Readability minutes) can neither hang an import nor outlive
 * Cancel. Seeding and tests of the parsers read on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { printableFileName } from '../file-names';
import type { ImportLimits } from '../limits';
import { extractFile, READY, type ExtractOutcome, type ExtractRequest } from './extract-file';

export interface Extractor {
  extract(name: string, bytes: Uint8Array, limits: ImportLimits): Promise<ExtractOutcome>;
  /** Ends the worker, if any; the extractor may still be used after (it starts a new one). */
  close(): void;
}

/** Reads on the calling thread, with no time limit: for trusted files (seeds) and parser tests. */
export const thisThreadExtractor: Extractor = {
  extract: extractFile,
  close: () => undefined,
};

/**
 * Reads in one worker thread from `scriptPath` (the bundled extractWorker.js), reused from file
 * to file (so parsers load once) and replaced after it was stopped. `signal` cancels the file
 * being read at once.
 */
export class WorkerExtractor implements Extractor {
  private worker: Worker | null = null;
  /** Resolves when the running worker has loaded its code. */
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly scriptPath: string,
    private readonly signal: AbortSignal,
  ) {}

  extract(name: string, bytes: Uint8Array, limits: ImportLimits): Promise<ExtractOutcome> {
    if (this.signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    const file = printableFileName(name);
    return new Promise((resolve) => {
      const worker = this.running();
      // A file being read keeps the process alive; an idle reader between files must not hold
      // the command line open.
      worker.ref();
      const stop = () => {
        this.worker = null;
        void worker.terminate();
      };
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: ExtractOutcome | typeof READY) => {
        if (outcome === READY) return;
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
        worker.off('message', finish).off('error', onError).off('exit', onExit);
        worker.unref();
        resolve(outcome);
      };
      const onAbort = () => {
        stop();
        finish({ kind: 'cancelled' });
      };
      // A worker that ran out of memory (a zip bomb past the checks) or died fails this file only.
      const onError = (error: Error) => {
        stop();
        finish({ kind: 'failed', reason: { key: 'fileReaderCrashed', params: { file, detail: error.message } } });
      };
      const onExit = (code: number) => {
        this.worker = null;
        finish({ kind: 'failed', reason: { key: 'fileReaderCrashed', params: { file, detail: `exit code ${code}` } } });
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', finish).on('error', onError).on('exit', onExit);
      void this.ready.then(() => {
        if (this.worker !== worker) return; // stopped while starting
        timer = setTimeout(() => {
          stop();
          finish({
            kind: 'failed',
            reason: { key: 'fileReadTimedOut', params: { file, seconds: limits.maxExtractSeconds } },
          });
        }, limits.maxExtractSeconds * 1000);
        const request: ExtractRequest = { name, bytes, limits };
        worker.postMessage(request);
      });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private running(): Worker {
    if (!this.worker) {
      const worker = new Worker(this.scriptPath);
      this.worker = worker;
      this.ready = new Promise((resolve) => {
        const onReady = (message: unknown) => {
          if (message !== READY) return;
          worker.off('message', onReady);
          resolve();
        };
        worker.on('message', onReady);
      });
    }
    return this.worker;
  }
}
