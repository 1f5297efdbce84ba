import { create } from 'zustand';
import type { ImportJob, ImportSource } from '../../../shared/contract';
import { api } from '../api/client';
import { formatCount } from '../library/format';
import { errorMessage, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { pollJob } from './poll-job';
import { fileToBase64, type PickedFile } from './read-files';

interface ImportState {
  job: ImportJob | null;
  /** Shown while the renderer reads files before the job starts (browser uploads). */
  preparing: string | null;
  startPaths(folders: boolean): Promise<void>;
  startUploads(files: PickedFile[]): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

let stopPolling: (() => void) | null = null;

export const useImportStore = create<ImportState>((set, get) => {
  const fail = (error: unknown) => {
    set({ preparing: null });
    useAppStore.getState().notify('error', errorMessage(error));
  };

  const start = async (source: ImportSource) => {
    const { jobId } = await api.startImport({ source });
    stopPolling?.();
    stopPolling = pollJob(
      () => api.getImportJob({ jobId }),
      (job) => {
        set({ job, preparing: null });
        if (job.state !== 'running') void useLibraryStore.getState().refresh();
      },
      fail,
    );
  };

  return {
    job: null,
    preparing: null,

    async startPaths(folders) {
      try {
        const paths = await api.pickImportPaths({ folders });
        if (paths && paths.length > 0) await start({ kind: 'paths', paths });
      } catch (error) {
        fail(error);
      }
    },

    async startUploads(files) {
      if (files.length === 0) return;
      set({ job: null, preparing: `Reading ${formatCount(files.length)} files…` });
      try {
        const uploads = await Promise.all(
          files.map(async ({ name, file }) => ({ name, dataBase64: await fileToBase64(file) })),
        );
        await start({ kind: 'uploads', files: uploads });
      } catch (error) {
        fail(error);
      }
    },

    async cancel() {
      const job = get().job;
      if (!job) return;
      try {
        set({ job: await api.cancelImport({ jobId: job.jobId }) });
      } catch (error) {
        fail(error);
      }
    },

    reset() {
      stopPolling?.();
      stopPolling = null;
      set({ job: null, preparing: null });
    },
  };
});
