import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorPayload } from '../../../shared/contract/api-error';
import { bundledEntryPath } from '../bundled-entry';
import { perWorkbench } from '../per-workbench';
import type { Workbench } from '../workbench';
import type { Suggestion } from '../../../shared/assist/suggestion';
import { SUGGESTIONS_LISTED_MAX } from '../../../shared/contract/assist';
import { staleCaches, type OpenSuggestions, type StaleCaches } from './assist-service';

/**
 * The first `SUGGESTIONS_LISTED_MAX` of an article's open suggestions in reading order, and how
 * many there are (what `getSuggestions` answers). Cut where they are computed: copying all of them
 * between threads (110,000 at 10,000 spans) cost more than computing them.
 */
export interface ListedSuggestions {
  suggestions: Suggestion[];
  total: number;
  stoppedPatterns: string[];
}

export function listed({ suggestions, stoppedPatterns }: OpenSuggestions): ListedSuggestions {
  return { suggestions: suggestions.slice(0, SUGGESTIONS_LISTED_MAX), total: suggestions.length, stoppedPatterns };
}

/** What the suggestions worker is started with. */
export interface SuggestionsWorkerData {
  databasePath: string;
  nativeBinding?: string;
}

/** To the worker: compute an article's suggestions, or drop the caches a write here made stale. */
export type SuggestionsRequest =
  { kind: 'suggest'; requestId: number; articleId: number } | { kind: 'stale'; stale: StaleCaches };

/** From the worker, one per `suggest`. */
export type SuggestionsReply =
  | { requestId: number; ok: true; value: ListedSuggestions }
  | { requestId: number; ok: false; error: ApiErrorPayload | null; message: string };

/**
 * An article's suggestions, computed in a worker thread (`suggestions-worker.ts`, bundled as
 * out/main/suggestionsWorker.js) with its own read-only connection: at 400,000 characters and
 * 10,000 spans they take 0.3–1.2 s of CPU, and on the host's one thread every read and write
 * (the next open, an edit) queued behind them. The worker keeps the gazetteers, the compiled
 * patterns and the last article's syllables, and drops them as the main thread's AssistService
 * does: after each committed change set here, forwarded in order before any later request.
 *
 * Started on the first request, not at start (it would compete with the library's first paint
 * for the CPU). Where no bundle exists (tests run from source), suggestions are computed on the
 * calling thread by the workbench's own AssistService.
 */
export class SuggestionsThread {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: ListedSuggestions) => void; reject: (error: unknown) => void }
  >();

  constructor(
    private readonly workbench: Workbench,
    private readonly scriptPath: string | null,
  ) {
    workbench.changes.onApplied((applied) => {
      const stale = staleCaches(applied);
      if (this.worker && (stale.learned || stale.names)) this.post({ kind: 'stale', stale });
    });
  }

  suggest(articleId: number): Promise<ListedSuggestions> {
    if (this.scriptPath === null) return Promise.resolve(listed(this.workbench.assist.suggest(articleId)));
    const requestId = this.nextRequestId++;
    return new Promise<ListedSuggestions>((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.post({ kind: 'suggest', requestId, articleId });
    });
  }

  /** Ends the worker (its connection closes with it); the workbench is closing. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failPending(new Error('The workbench was closed.'));
    await worker?.terminate();
  }

  private post(request: SuggestionsRequest): void {
    this.started().postMessage(request);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const workerData: SuggestionsWorkerData = {
      databasePath: this.workbench.databasePath,
      ...this.workbench.databaseOptions,
    };
    const worker = new Worker(this.scriptPath as string, { workerData });
    // An idle worker must not keep a command line or a test alive.
    worker.unref();
    worker.on('message', (reply: SuggestionsReply) => {
      const waiting = this.pending.get(reply.requestId);
      this.pending.delete(reply.requestId);
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(reply.error ? ApiError.fromPayload(reply.error) : new Error(reply.message));
    });
    // A crashed worker fails what it was asked; the next request starts a fresh one.
    const ended = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failPending(error);
    };
    worker.on('error', ended);
    worker.on('exit', (code) => ended(new Error(`The suggestions worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private failPending(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** The bundled worker beside the running entry, or null (run from source: the calling thread). */
function suggestionsWorkerPath(): string | null {
  const path = bundledEntryPath('suggestionsWorker.js');
  return existsSync(path) ? path : null;
}

export const suggestionsThreadOf = perWorkbench(
  (workbench) => new SuggestionsThread(workbench, suggestionsWorkerPath()),
);
