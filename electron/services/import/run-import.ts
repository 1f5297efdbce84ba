/**
 * Runs one import request file by file: the loop shared by the worker, the in-process runner
 * and the command line. Progress is reported through events. Cancel stops the file being read
 * at once (its reading worker is terminated) and the loop before the next file; files are
 * stored whole or not at all, so what finished stays imported and no file is cut in half.
 *
 * The review step (./review.ts): a file that raises questions is held, with nothing of it
 * written, while the other files import. When every file has been seen the job asks the
 * questions of the held files together (`hooks.review`), imports them with the answers, and asks
 * again if that brings up new questions (a file converted now turns out to duplicate another).
 * Cancelled, the held files are reported as not imported. Without `hooks.review` (the command
 * line) every question takes its suggested answer.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportFileResult, ImportSource, ReviewDecisions, ReviewQuestion } from '../../../shared/contract';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';
import { withBatchDurability } from '../store/durability';
import type { Workbench } from '../workbench';
import { printableFileName } from './file-names';
import { thisThreadExtractor, WorkerExtractor } from './extraction/extractors';
import {
  readFileInput,
  readFilePath,
  storeReadFile,
  type FileImport,
  type ImportRun,
  type ReadFile,
} from './import-service';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { mergeQuestion, suggestedChoice, type Decide } from './review';
import { skippedFor } from './skipped';
import { collectFiles } from './walk';

export type ImportEvent =
  | { type: 'total'; total: number }
  | { type: 'file'; name: string }
  | { type: 'results'; results: ImportFileResult[] }
  /** The job holds files until these questions are answered (or it is cancelled). */
  | { type: 'review'; questions: ReviewQuestion[] }
  | { type: 'finished'; state: 'done' | 'cancelled' }
  | { type: 'failed'; error: string; errorRef?: MessageRef };

export interface ImportHooks {
  emit: (event: ImportEvent) => void;
  /** Aborted by Cancel: stops the file being read at once, and the loop before the next file. */
  signal: AbortSignal;
  /**
   * Puts the open questions to the user; resolves with their decisions, or null when the job is
   * cancelled instead. Absent: every question takes its suggested answer.
   */
  review?: (questions: ReviewQuestion[]) => Promise<ReviewDecisions | null>;
}

/** Files the browser host received as an upload and wrote to a temp folder (upload-staging.ts). */
export interface StagedFile {
  /** The name the user chose, shown in the report. */
  name: string;
  /** The temp file holding its bytes. */
  path: string;
}

/**
 * What a job imports: paths or base64 uploads from the contract, or an upload the browser host
 * staged on disk (the contract's `upload` id, resolved by the handlers to its files).
 */
export type JobSource = Exclude<ImportSource, { kind: 'upload' }> | { kind: 'staged'; files: StagedFile[] };

export interface ImportRunOptions {
  limits?: ImportLimits;
  /** How much one write transaction holds (tests set it to pin which files share a batch). */
  batch?: BatchLimits;
  /** The bundled extractWorker.js: files are read there, under the time limit; null reads on this thread. */
  extractWorkerPath?: string | null;
}

type ImportTask = { name: string; read: (run: ImportRun) => Promise<ReadFile> };

/** A file held for review: its task, where it stands in the job, and the questions it raised. */
interface HeldFile {
  task: ImportTask;
  index: number;
  questions: ReviewQuestion[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Node's decoder skips what is not base64, so damaged uploads would read as empty or garbled files. */
function isBase64(data: string): boolean {
  return data.length % 4 === 0 && BASE64.test(data);
}

const skippedFile = (name: string, reason: MessageRef): ReadFile => ({
  kind: 'done',
  results: [skippedFor(printableFileName(name), reason)],
  bytes: 0,
});

function tasksOf(source: JobSource, limits: ImportLimits): ImportTask[] {
  if (source.kind === 'staged') {
    return source.files.map((file) => ({
      name: file.name,
      read: (run): Promise<ReadFile> => readFilePath(file.path, run, file.name),
    }));
  }
  if (source.kind === 'paths') {
    return collectFiles(source.paths, limits.maxFiles).map((found) => ({
      name: found.name,
      read: async (run): Promise<ReadFile> =>
        found.problem === undefined
          ? readFilePath(found.path, run, found.name)
          : skippedFile(found.name, found.problem),
    }));
  }
  return source.files.map((file) => ({
    name: file.name,
    read: async (run): Promise<ReadFile> =>
      isBase64(file.dataBase64)
        ? readFileInput({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }, run)
        : skippedFile(file.name, { key: 'fileNotBase64', params: {} }),
  }));
}

/**
 * Read files are stored in batches: one write transaction holds many files, each in a savepoint
 * of its own (a file that fails or raises questions rolls back alone), so the commit and the
 * search index's flush are paid once per batch, not once per file. A batch ends after `maxMs`,
 * so the write lock is never held much longer: the user's edits wait for it (busy_timeout). The
 * first batch of a pass holds `firstFiles` and each next one twice as many, up to `maxFiles`, so
 * the first results show at once.
 */
export interface BatchLimits {
  firstFiles: number;
  maxFiles: number;
  maxMs: number;
}

const DEFAULT_BATCH_LIMITS: BatchLimits = { firstFiles: 1, maxFiles: 256, maxMs: 50 };
/**
 * Files are read ahead of the store (in the extract worker in the app, while this thread
 * writes), up to these many files or bytes waiting.
 */
const READ_AHEAD_FILES = 256;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;
/**
 * Reads asked of the extractor at once (it reads them in order, from disk): enough that it keeps
 * reading while this thread stores a batch, and as many as the read-ahead's bytes hold at the
 * average size of the files read so far, never fewer than this.
 */
const MIN_READS_IN_FLIGHT = 8;
/**
 * A batch begins once this many files are read (or its own size, the first batches being
 * smaller), when no more will come soon (all read, or the read-ahead full) or when the first
 * file read has waited a batch's time (`BatchLimits.maxMs`), not with whatever was read: a
 * commit costs about the same for 2 files as for 200 (the search index's new segment, the pages
 * of every index it touches), and a writer faster than its reader stored 10,000 files in 1,763
 * batches of 2. Half the read-ahead, so the reader still has files to read while the batch is
 * stored. Nothing is locked while the writer waits.
 */
const BATCH_FILL_FILES = READ_AHEAD_FILES / 2;

interface QueuedFile {
  task: ImportTask;
  index: number;
  read: ReadFile;
  /** When it was read (`performance.now()`). */
  readAt: number;
}

/** The open questions of the held files, a label asked by several files once. */
function questionsOf(held: readonly HeldFile[]): ReviewQuestion[] {
  const byId = new Map<string, ReviewQuestion>();
  for (const question of held.flatMap((file) => file.questions)) {
    const earlier = byId.get(question.id);
    byId.set(question.id, earlier ? mergeQuestion(earlier, question) : question);
  }
  return [...byId.values()];
}

const NOT_DECIDED: MessageRef = { key: 'fileCancelledUndecided', params: {} };

/** Imports everything in `source`; throws only when the request as a whole cannot run. */
export async function runImport(
  workbench: Workbench,
  source: JobSource,
  hooks: ImportHooks,
  options: ImportRunOptions = {},
): Promise<'done' | 'cancelled'> {
  const extractWorkerPath = options.extractWorkerPath ?? null;
  const extractor =
    extractWorkerPath === null ? thisThreadExtractor : new WorkerExtractor(extractWorkerPath, hooks.signal);
  const run: ImportRun = { limits: options.limits ?? DEFAULT_IMPORT_LIMITS, extractor };
  const batchLimits = options.batch ?? DEFAULT_BATCH_LIMITS;
  const tasks = tasksOf(source, run.limits);
  hooks.emit({ type: 'total', total: tasks.length });
  try {
    const decisions: ReviewDecisions = {};
    const decide: Decide = hooks.review ? (question) => decisions[question.id] : suggestedChoice;
    const cancelHeld = (held: readonly { task: ImportTask }[]): void => {
      for (const { task } of held)
        hooks.emit({ type: 'results', results: [skippedFor(printableFileName(task.name), NOT_DECIDED)] });
    };
    const storeFile = ({ index, read }: QueuedFile): FileImport =>
      storeReadFile(workbench, read, { ...run, decide, questionPrefix: `file ${index}:` });
    /**
     * Stores files from the front of `queue` in one transaction, each in a savepoint, until the
     * batch is full, has taken its time or the job is cancelled; returns them with their
     * outcomes, in order.
     */
    const storeBatch = (queue: QueuedFile[], maxFiles: number): { file: QueuedFile; outcome: FileImport }[] => {
      const stored: { file: QueuedFile; outcome: FileImport }[] = [];
      try {
        // The articles' search rows are written at the batch's end, after the files' savepoints.
        workbench.changes.batch(() =>
          workbench.articles.withSearchRowsAtEnd(() => {
            const started = performance.now();
            while (
              queue.length > 0 &&
              stored.length < maxFiles &&
              performance.now() - started < batchLimits.maxMs &&
              !(stored.length > 0 && hooks.signal.aborted)
            ) {
              const file = queue.shift() as QueuedFile;
              stored.push({ file, outcome: storeFile(file) });
              // An error that ends the whole transaction (a full disk) took the batch's earlier files with it.
              if (!workbench.db.inTransaction) throw new Error('The import batch was rolled back.');
            }
          }),
        );
        return stored;
      } catch {
        // The batch could not commit (or begin): nothing of it is stored. Each of its files again,
        // in a transaction of its own, so that each gets its own outcome and its own error.
        const files = stored.length > 0 ? stored.map(({ file }) => file) : [queue.shift() as QueuedFile];
        return files.map((file) => ({ file, outcome: storeFile(file) }));
      }
    };
    /**
     * Imports the files in order; returns those held for review, or null when cancelled. Files held
     * before (`wereHeld`) are reported as not imported when the cancel comes before them. Files
     * are read ahead (./import-service.ts, `ReadFile`) while the read ones are stored in batches;
     * no transaction is open while this waits for a read.
     */
    const importEach = async (
      files: readonly { task: ImportTask; index: number }[],
      wereHeld: boolean,
    ): Promise<HeldFile[] | null> => {
      const held: HeldFile[] = [];
      const queue: QueuedFile[] = [];
      const reading = { waitingBytes: 0, done: false, failed: null as { error: unknown } | null, stopped: false };
      const wake: { store: (() => void) | null; reader: (() => void) | null } = { store: null, reader: null };
      void (async () => {
        // Reads asked and not yet answered, in order: several at once, so the reading thread goes
        // from file to file while this one stores.
        const inFlight: { task: ImportTask; index: number; read: Promise<ReadFile> }[] = [];
        let asked = 0;
        let answered = 0;
        let answeredBytes = 0;
        const readsInFlight = () =>
          answered === 0
            ? MIN_READS_IN_FLIGHT
            : Math.max(MIN_READS_IN_FLIGHT, Math.floor(READ_AHEAD_BYTES / Math.max(1, answeredBytes / answered)));
        let announced = 0;
        /** Progress names the file being read: the first asked and not answered. */
        const announce = () => {
          if (announced === answered && announced < asked) {
            const file = files[announced];
            if (file) hooks.emit({ type: 'file', name: printableFileName(file.task.name) });
            announced++;
          }
        };
        const settleFirst = async () => {
          const first = inFlight.shift();
          if (!first) return;
          const read = await first.read;
          answered++;
          answeredBytes += read.bytes;
          announce();
          queue.push({ task: first.task, index: first.index, read, readAt: performance.now() });
          reading.waitingBytes += read.bytes;
          wake.store?.();
        };
        for (const { task, index } of files) {
          while (
            !reading.stopped &&
            (queue.length + inFlight.length >= READ_AHEAD_FILES || reading.waitingBytes >= READ_AHEAD_BYTES)
          ) {
            if (inFlight.length > 0) await settleFirst();
            else await new Promise<void>((resolve) => (wake.reader = resolve));
          }
          if (reading.stopped || hooks.signal.aborted) break;
          inFlight.push({ task, index, read: task.read(run) });
          asked++;
          announce();
          if (inFlight.length >= readsInFlight()) await settleFirst();
        }
        while (inFlight.length > 0) await settleFirst();
      })()
        .catch((error: unknown) => (reading.failed = { error }))
        .finally(() => {
          reading.done = true;
          wake.store?.();
        });
      let position = 0;
      let batchFiles = batchLimits.firstFiles;
      try {
        for (;;) {
          // Let a pending cancel message in (worker port or handler call) before each batch.
          await yieldToEventLoop();
          if (hooks.signal.aborted) {
            // The file being read when the cancel came is reported, cut off; files read and not
            // stored yet are left as files not reached.
            for (const { read } of queue)
              if (read.kind === 'done' && read.cutOff) hooks.emit({ type: 'results', results: read.results });
            cancelHeld(held);
            if (wereHeld) cancelHeld(files.slice(position));
            return null;
          }
          const first = queue[0];
          if (!first) {
            if (reading.failed) throw reading.failed.error;
            if (reading.done) return held;
          }
          const waitedMs = first ? performance.now() - first.readAt : 0;
          const fillMore =
            queue.length < Math.min(batchFiles, BATCH_FILL_FILES) &&
            !reading.done &&
            reading.waitingBytes < READ_AHEAD_BYTES &&
            waitedMs < batchLimits.maxMs;
          if (!first || fillMore) {
            let timer: NodeJS.Timeout | undefined;
            await new Promise<void>((resolve) => {
              wake.store = resolve;
              if (first && Number.isFinite(batchLimits.maxMs))
                timer = setTimeout(resolve, batchLimits.maxMs - waitedMs);
            });
            clearTimeout(timer);
            wake.store = null;
            continue;
          }
          const stored = storeBatch(queue, batchFiles);
          batchFiles = Math.min(batchFiles * 2, batchLimits.maxFiles);
          position += stored.length;
          for (const { file } of stored) reading.waitingBytes -= file.read.bytes;
          wake.reader?.();
          for (const { file, outcome } of stored) {
            if (outcome.kind === 'review')
              held.push({ task: file.task, index: file.index, questions: outcome.questions });
            else if (file.read.kind !== 'unread') hooks.emit({ type: 'results', results: outcome.results });
          }
        }
      } finally {
        reading.stopped = true;
        wake.reader?.();
      }
    };
    // Each pass is a batch of its own, synced before the job waits for the user.
    const importPass = (files: readonly { task: ImportTask; index: number }[], wereHeld: boolean) =>
      withBatchDurability(workbench.db, () => importEach(files, wereHeld));
    let held = await importPass(
      tasks.map((task, index) => ({ task, index })),
      false,
    );
    while (held !== null && held.length > 0 && hooks.review) {
      const answer = await hooks.review(questionsOf(held));
      if (answer === null || hooks.signal.aborted) {
        cancelHeld(held);
        return 'cancelled';
      }
      Object.assign(decisions, answer);
      held = await importPass(held, true);
    }
    return held === null ? 'cancelled' : 'done';
  } finally {
    extractor.close();
  }
}

/** The English text of a job error, with its key for the UI. */
export function jobFailure(
  key: 'importWorkerCrashed' | 'importWorkerStopped',
  params: Record<string, string | number>,
) {
  return { type: 'failed', error: englishMessage(key, params), errorRef: { key, params } } as const;
}
