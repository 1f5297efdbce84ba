/**
 * Runs one import request file by file: the loop shared by the worker, the in-process runner
 * and the command line. Progress is reported through events. Cancel stops the file being read
 * at once (its reading worker is terminated) and the loop before the next file; files are
 * stored whole or not at all, so what finished stays imported and no file is cut in half.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportFileResult, ImportSource } from '../../../shared/contract';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';
import { withBatchDurability } from '../store/durability';
import type { Workbench } from '../workbench';
import { printableFileName } from './file-names';
import { thisThreadExtractor, WorkerExtractor } from './extraction/extractors';
import { importFile, importFilePath, skippedFor, type ImportRun } from './import-service';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { collectFiles } from './walk';

export type ImportEvent =
  | { type: 'total'; total: number }
  | { type: 'file'; name: string }
  | { type: 'results'; results: ImportFileResult[] }
  | { type: 'finished'; state: 'done' | 'cancelled' }
  | { type: 'failed'; error: string; errorRef?: MessageRef };

export interface ImportHooks {
  emit: (event: ImportEvent) => void;
  /** Aborted by Cancel: stops the file being read at once, and the loop before the next file. */
  signal: AbortSignal;
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
  /** The bundled extractWorker.js: files are read there, under the time limit; null reads on this thread. */
  extractWorkerPath?: string | null;
}

type ImportTask = { name: string; run: () => Promise<ImportFileResult[]> };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Node's decoder skips what is not base64, so damaged uploads would read as empty or garbled files. */
function isBase64(data: string): boolean {
  return data.length % 4 === 0 && BASE64.test(data);
}

function tasksOf(workbench: Workbench, source: JobSource, run: ImportRun): ImportTask[] {
  const { limits } = run;
  if (source.kind === 'staged') {
    return source.files.map((file) => ({
      name: file.name,
      run: () => importFilePath(workbench, file.path, run, file.name),
    }));
  }
  if (source.kind === 'paths') {
    return collectFiles(source.paths, limits.maxFiles).map((found) => ({
      name: found.name,
      run: async (): Promise<ImportFileResult[]> =>
        found.problem === undefined
          ? importFilePath(workbench, found.path, run, found.name)
          : [{ outcome: 'skipped', file: printableFileName(found.name), reason: found.problem }],
    }));
  }
  return source.files.map((file) => ({
    name: file.name,
    run: async (): Promise<ImportFileResult[]> =>
      isBase64(file.dataBase64)
        ? importFile(workbench, { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }, run)
        : [skippedFor(printableFileName(file.name), { key: 'fileNotBase64', params: {} })],
  }));
}

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
  const tasks = tasksOf(workbench, source, run);
  hooks.emit({ type: 'total', total: tasks.length });
  try {
    return await withBatchDurability(workbench.db, async () => {
      for (const task of tasks) {
        // Let a pending cancel message in (worker port or handler call) before each file.
        await yieldToEventLoop();
        if (hooks.signal.aborted) return 'cancelled';
        hooks.emit({ type: 'file', name: printableFileName(task.name) });
        hooks.emit({ type: 'results', results: await task.run() });
      }
      return hooks.signal.aborted ? 'cancelled' : 'done';
    });
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
