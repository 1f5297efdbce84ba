/**
 * One import job as a worker runs it: its own connection to the same SQLite file (WAL lets it
 * write while the UI's connection reads), the shared loop, and a final event.
 */
import type { OpenDatabaseOptions } from '../store/database';
import { openWorkbench } from '../workbench';
import type { ImportLimits } from './limits';
import { runImport, type ImportHooks, type JobSource } from './run-import';

export interface ImportRequest {
  databasePath: string;
  /** E.g. Electron's own better-sqlite3 build; see OpenDatabaseOptions. */
  databaseOptions: Pick<OpenDatabaseOptions, 'nativeBinding'>;
  source: JobSource;
  limits: ImportLimits;
  /** The bundled extractWorker.js, where files are read under the time limit; null: on the job's thread. */
  extractWorkerPath: string | null;
}

/** Runs the request to its end; always finishes with a `finished` or `failed` event. */
export async function runImportRequest(request: ImportRequest, hooks: ImportHooks): Promise<void> {
  try {
    const workbench = openWorkbench(request.databasePath, request.databaseOptions);
    try {
      hooks.emit({
        type: 'finished',
        state: await runImport(workbench, request.source, hooks, {
          limits: request.limits,
          extractWorkerPath: request.extractWorkerPath,
        }),
      });
    } finally {
      workbench.close();
    }
  } catch (error) {
    hooks.emit({ type: 'failed', error: (error as Error).message });
  }
}
