import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FirstScreen, FirstScreenRequest } from '../../../shared/contract/first-screen';
import type { StartCall } from '../../../shared/contract/start-data';
import type { Language } from '../../../shared/i18n/languages';
import { bundledEntryPath } from '../bundled-entry';

/** What the first screen's worker is started with. */
export interface FirstScreenWorkerData {
  /** The first screen's renderer, built for Node (out/main/firstScreen.js). */
  rendererPath: string;
}

export interface FirstScreenRequestMessage {
  requestId: number;
  request: FirstScreenRequest;
}

export interface FirstScreenReply {
  requestId: number;
  screen: FirstScreen | null;
  failure?: string;
}

/**
 * The host's wait for a first screen at most: past it the page is sent without one (the app
 * paints as it would without; the screen is a head start, never a wait). A warm render of the
 * 100,000-article library's first screen takes 10–30 ms, a cold one (the worker's first) ~90 ms,
 * on a quiet machine.
 */
const FIRST_SCREEN_WAIT_MS = 250;

/**
 * The library's first screen rendered into the page the host serves (issue 13, the first paint;
 * shared/contract/first-screen.ts), in a worker thread (`first-screen-worker.ts`) started with the
 * host, so that its modules are loaded and compiled before the first page is asked for. One per
 * host process, for every page it serves. Where no bundle exists (tests run from source, the dev
 * server), there is no first screen: `render` answers null.
 *
 * The last screen of each language is kept with the answers it was rendered from: a page whose
 * start calls answer the same (nothing changed since) gets it at once. The hosts render at start
 * (`warmUp`), so a first start's page needs no render: on two busy cores a render can take longer
 * than the page may wait, while the browser starts beside it.
 *
 * Never fails: a worker that crashed, a render that failed or took too long answer null (logged),
 * and the page goes without; a crashed worker is started again for the next page.
 */
export class FirstScreenThread {
  private worker: Worker | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, (screen: FirstScreen | null) => void>();
  private readonly lastByLanguage = new Map<Language, { calls: string; screen: Promise<FirstScreen | null> }>();

  /** `paths`: the worker's script (out/main/firstScreenWorker.js) and what it is started with. */
  constructor(
    private readonly paths: (FirstScreenWorkerData & { workerPath: string }) | null,
    private readonly waitMs = FIRST_SCREEN_WAIT_MS,
  ) {
    if (paths) this.started();
  }

  /** The screen for this request, or null past the page's wait (the render goes on, and is kept). */
  render(request: FirstScreenRequest): Promise<FirstScreen | null> {
    if (!this.paths) return Promise.resolve(null);
    const { language } = request;
    const calls = JSON.stringify(request.calls);
    const last = this.lastByLanguage.get(language);
    const screen = last?.calls === calls ? last.screen : this.renderInWorker(request);
    if (screen !== last?.screen) {
      this.lastByLanguage.set(language, { calls, screen });
      // A failed render is not kept: the next page asks again.
      void screen.then((rendered) => {
        if (!rendered && this.lastByLanguage.get(language)?.screen === screen) this.lastByLanguage.delete(language);
      });
    }
    return this.withinWait(screen);
  }

  /**
   * Renders the first screen of each language from the state at start (the hosts call it as they
   * start), so that the first page finds it rendered; it also compiles React's server renderer and
   * the app's components, which a worker's first render does (50–250 ms on two busy cores).
   */
  warmUp(calls: Promise<StartCall[]>, languages: readonly Language[]): void {
    if (!this.paths) return;
    void calls.then((answered) => languages.forEach((language) => void this.render({ calls: answered, language })));
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.answerPending(null);
    await worker?.terminate();
  }

  private renderInWorker(request: FirstScreenRequest): Promise<FirstScreen | null> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.started().postMessage({ requestId, request } satisfies FirstScreenRequestMessage);
    });
  }

  private withinWait(screen: Promise<FirstScreen | null>): Promise<FirstScreen | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        console.warn(`The first screen took over ${this.waitMs} ms; the page is sent without it.`);
        resolve(null);
      }, this.waitMs);
      void screen.then((rendered) => {
        clearTimeout(timer);
        resolve(rendered);
      });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const { workerPath, rendererPath } = this.paths as NonNullable<typeof this.paths>;
    const worker = new Worker(workerPath, { workerData: { rendererPath } satisfies FirstScreenWorkerData });
    // An idle worker must not keep a command line or a test alive.
    worker.unref();
    worker.on('message', ({ requestId, screen, failure }: FirstScreenReply) => {
      if (failure) console.error('The first screen could not be rendered:', failure);
      const answer = this.pending.get(requestId);
      this.pending.delete(requestId);
      answer?.(screen);
    });
    const ended = (error: Error) => {
      if (this.worker !== worker) return;
      console.error('The first screen worker stopped:', error.message);
      this.worker = null;
      this.answerPending(null);
    };
    worker.on('error', ended);
    worker.on('exit', (code) => ended(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private answerPending(screen: FirstScreen | null): void {
    for (const answer of this.pending.values()) answer(screen);
    this.pending.clear();
  }
}

/** The first screen's renderer for the bundled host this runs in, or none (run from source). */
export function bundledFirstScreenThread(): FirstScreenThread {
  const rendererPath = bundledEntryPath('firstScreen.js');
  const workerPath = bundledEntryPath('firstScreenWorker.js');
  return new FirstScreenThread(
    existsSync(rendererPath) && existsSync(workerPath) ? { workerPath, rendererPath } : null,
  );
}
