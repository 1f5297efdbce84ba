/**
 * Where an import reads its files. Jobs and the command line read them in a worker thread that
 * is terminated when a file passes the time limit or the import is cancelled, so a pathological
 * file (a page nested 900 deep takes Readability minutes) can neither hang an import nor outlive
 * Cancel. Seeding and tests of the parsers read on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { printableFileName } from '../file-names';
import type { ImportLimits } from '../limits';
import {
  extractFile,
  outcomeOf,
  READY,
  type ExtractOutcome,
  type ExtractReply,
  type ExtractRequest,
  type ExtractSource,
} from './extract-file';

export interface Extractor {
  /**
   * Reads a file. Several may be asked at once: they are read one after the other, in order, and
   * a file still waiting its turn when the import is cancelled answers `unread`.
   */
  extract(name: string, source: ExtractSource, limits: ImportLimits): Promise<ExtractOutcome>;
  /** Ends the worker, if any; the extractor may still be used after (it starts a new one). */
  close(): void;
}

/** Reads on the calling thread, with no time limit: for trusted files (seeds) and parser tests. */
export const thisThreadExtractor: Extractor = {
  extract: extractFile,
  close: () => undefined,
};

interface Asked {
  request: ExtractRequest;
  resolve: (outcome: ExtractOutcome) => void;
}

/**
 * Reads in one worker thread from `scriptPath` (the bundled extractWorker.js), reused from file
 * to file (so parsers load once) and replaced after it was stopped. Files asked for while one is
 * being read are posted at once and wait in the worker's queue, so the worker goes from one to
 * the next while the import's thread stores what was read. The time limit runs for the file
 * being read (the first not answered). `signal` cancels it at once.
 */
export class WorkerExtractor implements Extractor {
  private worker: Worker | null = null;
  /** The worker has loaded its code: files asked now are posted at once (before, when it has). */
  private ready = false;
  /** Asked and not answered, in order; the first is being read. */
  private readonly asked: Asked[] = [];
  private nextId = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly scriptPath: string,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.cancelAll(), { once: true });
  }

  extract(name: string, source: ExtractSource, limits: ImportLimits): Promise<ExtractOutcome> {
    if (this.signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    return new Promise((resolve) => {
      const asked: Asked = { request: { id: this.nextId++, name, source, limits }, resolve };
      this.asked.push(asked);
      if (!this.worker) {
        this.start();
      } else {
        this.worker.ref();
        if (this.ready) this.worker.postMessage(asked.request);
        if (this.ready && this.asked.length === 1) this.startClock();
      }
    });
  }

  close(): void {
    this.stop();
  }

  /** A new worker, posted every file asked and not answered; the first's clock starts once it has loaded. */
  private start(): void {
    const worker = new Worker(this.scriptPath);
    this.worker = worker;
    this.ready = false;
    const onMessage = (message: ExtractReply | typeof READY) => {
      if (message === READY) {
        this.ready = true;
        for (const asked of this.asked) worker.postMessage(asked.request);
        this.startClock();
        return;
      }
      const first = this.asked[0];
      if (first?.request.id !== message.id) return;
      this.answerFirst(outcomeOf(message));
    };
    // A worker that ran out of memory (a zip bomb past the checks) or died fails the file being read only.
    const onFailure = (detail: string) => {
      if (this.worker !== worker) return;
      this.stop();
      const first = this.asked[0];
      if (first) {
        const file = printableFileName(first.request.name);
        this.answerFirst({ kind: 'failed', reason: { key: 'fileReaderCrashed', params: { file, detail } } });
      }
    };
    worker.on('message', onMessage);
    worker.on('error', (error: Error) => onFailure(error.message));
    worker.on('exit', (code: number) => onFailure(`exit code ${code}`));
    // Files being read keep the process alive; an idle reader between files must not hold the command line open.
    if (this.asked.length === 0) worker.unref();
  }

  /** Answers the file being read and starts the next one's clock (a stopped worker is replaced first). */
  private answerFirst(outcome: ExtractOutcome): void {
    clearTimeout(this.timer);
    this.asked.shift()?.resolve(outcome);
    if (this.asked.length === 0) {
      this.worker?.unref();
      return;
    }
    if (this.worker) this.startClock();
    else this.start();
  }

  private startClock(): void {
    const first = this.asked[0];
    if (!first) return;
    this.worker?.ref();
    const { name, limits } = first.request;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.asked[0] !== first) return;
      this.stop();
      const reason = {
        key: 'fileReadTimedOut',
        params: { file: printableFileName(name), seconds: limits.maxExtractSeconds },
      } as const;
      this.answerFirst({ kind: 'failed', reason });
    }, limits.maxExtractSeconds * 1000);
  }

  /** Cancel: the file being read is cut off, the files waiting their turn are left unread. */
  private cancelAll(): void {
    this.stop();
    const [first, ...waiting] = this.asked.splice(0);
    first?.resolve({ kind: 'cancelled' });
    for (const asked of waiting) asked.resolve({ kind: 'unread' });
  }

  private stop(): void {
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = null;
    this.ready = false;
    void worker?.terminate();
  }
}
