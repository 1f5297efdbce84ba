/**
 * Runs one import request file by file: the loop shared by the worker, the in-process runner
 * and the command line. Progress is reported through events; cancellation is checked between
 * files, so what finished stays imported and no file is ever cut in half.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportFileResult, ImportSource } from '../../../shared/contract';
import { withBatchDurability } from '../store/durability';
import type { Workbench } from '../workbench';
import { importFile, importFilePath } from './import-service';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits';
import { collectFiles } from './walk';

export type ImportEvent =
  | { type: 'total'; total: number }
  | { type: 'file'; name: string }
  | { type: 'results'; results: ImportFileResult[] }
  | { type: 'finished'; state: 'done' | 'cancelled' }
  | { type: 'failed'; error: string };

export interface ImportHooks {
  emit: (event: ImportEvent) => void;
  isCancelled: () => boolean;
}

type ImportTask = { name: string; run: () => Promise<ImportFileResult[]> };

function tasksOf(workbench: Workbench, source: ImportSource, limits: ImportLimits): ImportTask[] {
  if (source.kind === 'paths') {
    return collectFiles(source.paths, limits.maxFiles).map(({ path, name }) => ({
      name,
      run: () => importFilePath(workbench, path, limits, name),
    }));
  }
  return source.files.map((file) => ({
    name: file.name,
    run: () => importFile(workbench, { name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') }, limits),
  }));
}

/** Imports everything in `source`; throws only when the request as a whole cannot run. */
export async function runImport(
  workbench: Workbench,
  source: ImportSource,
  hooks: ImportHooks,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<'done' | 'cancelled'> {
  const tasks = tasksOf(workbench, source, limits);
  hooks.emit({ type: 'total', total: tasks.length });
  return withBatchDurability(workbench.db, async () => {
    for (const task of tasks) {
      // Let a pending cancel message in (worker port or handler call) before each file.
      await yieldToEventLoop();
      if (hooks.isCancelled()) return 'cancelled';
      hooks.emit({ type: 'file', name: task.name });
      hooks.emit({ type: 'results', results: await task.run() });
    }
    return 'done';
  });
}
