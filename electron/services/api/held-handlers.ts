import { CALL_NAMES, type ApiHandlers } from '../../../shared/contract';
import { BACKUP_CALL_NAMES, type BackupCallName } from '../../../shared/contract/backups';
import { ApiError } from '../../../shared/contract/errors';
import type { WorkbenchHolder } from '../backup/workbench-holder';
import { preannotationJobsOf } from '../assist/preannotation-jobs';
import { suggestionsThreadOf } from '../assist/suggestions-thread';
import { annotateAllJobsOf } from '../corpus/annotate-all';
import { exportJobsOf } from '../export/export-jobs';
import type { Workbench } from '../workbench';
import { isLive } from '../import/import-jobs';
import type { HostAdapter } from './host';
import { createWorkbenchHandlers, type WorkbenchApiHandlers } from './workbench-handlers';

/**
 * The contract over a WorkbenchHolder: every call runs against the workbench open *now*, so
 * a restore (which reopens the store) needs no rewiring in the front ends. The backup calls
 * also work while the database is damaged; every other call is refused then.
 */
export function createHeldApiHandlers(holder: WorkbenchHolder, host: HostAdapter): ApiHandlers {
  const perWorkbench = new WeakMap<Workbench, WorkbenchApiHandlers>();
  const importJobIds = new Set<string>();
  const handlersNow = (): WorkbenchApiHandlers => {
    const workbench = holder.current();
    let handlers = perWorkbench.get(workbench);
    if (!handlers) {
      handlers = createWorkbenchHandlers(workbench, host);
      perWorkbench.set(workbench, handlers);
    }
    return handlers;
  };
  // Export, pre-annotation and annotate-all jobs hold the store; they end with the workbench, and so
  // does the suggestions worker's connection (a restore replaces the file once no other has it).
  holder.onClose(async (workbench) => {
    exportJobsOf(workbench).dispose();
    preannotationJobsOf(workbench).dispose();
    annotateAllJobsOf(workbench).dispose();
    importJobIds.clear();
    await suggestionsThreadOf(workbench).dispose();
  });

  /** An import worker writes through its own connection; replacing the file under it would lose its work. */
  const refuseWhileImporting = async () => {
    const handlers = holder.currentOrNull ? handlersNow() : null;
    if (!handlers) return;
    for (const jobId of [...importJobIds]) {
      const job = await Promise.resolve(handlers.getImportJob({ jobId })).catch(() => null);
      if (job && isLive(job)) throw ApiError.of('rejected', 'restoreWhileImporting');
      importJobIds.delete(jobId);
    }
  };

  const backupHandlers: Pick<ApiHandlers, BackupCallName> = {
    getDatabaseHealth: () => holder.health(),
    listBackups: () => holder.backups.list(),
    previewBackup: ({ fileName }) => {
      const backup = holder.backups.find(fileName);
      if (!backup) throw ApiError.of('not_found', 'backupNotFound', { fileName });
      const { path: _path, ...info } = backup;
      return info;
    },
    restoreBackup: async ({ fileName }) => {
      await refuseWhileImporting();
      return holder.restore(fileName);
    },
  };

  const delegated = Object.fromEntries(
    CALL_NAMES.filter((name) => !(BACKUP_CALL_NAMES as string[]).includes(name)).map((name) => [
      name,
      (input: unknown) => (handlersNow()[name as keyof WorkbenchApiHandlers] as (input: unknown) => unknown)(input),
    ]),
  ) as WorkbenchApiHandlers;
  return {
    ...delegated,
    startImport: async (input) => {
      const started = await handlersNow().startImport(input);
      importJobIds.add(started.jobId);
      return started;
    },
    ...backupHandlers,
  };
}
