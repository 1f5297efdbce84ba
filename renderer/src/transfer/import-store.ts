import { create } from '../state/create';
import type { ImportJob, ImportSource, ReviewDecisions } from '../../../shared/contract';
import { api, events, uploadFiles } from '../api/client';
import { i18next } from '../i18n';
import { errorMessage, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { JobTracker } from './job-tracker';
import { fileToBase64, type PickedFile } from './read-files';

interface ImportState {
  job: ImportJob | null;
  /** Shown while the renderer reads files before the job starts (browser uploads). */
  preparing: string | null;
  startPaths(folders: boolean): Promise<void>;
  startUploads(files: PickedFile[]): Promise<void>;
  cancel(): Promise<void>;
  /** Answers the questions of a job in review; the job then imports the files it held. */
  decide(decisions: ReviewDecisions): Promise<void>;
  reset(): void;
}

export const useImportStore = create<ImportState>((set, get) => {
  const fail = (error: unknown) => {
    set({ preparing: null });
    useAppStore.getState().notify('error', errorMessage(error));
  };

  const tracker = new JobTracker<ImportJob>(
    { get: (jobId) => api.getImportJob({ jobId }), cancel: (jobId) => api.cancelImport({ jobId }) },
    (job) => {
      set({ job, preparing: null });
      if (job.state !== 'running') void useLibraryStore.getState().refresh();
      // Imports may add labels (created in the review, or from a colleague's file).
      if (job.state === 'done' || job.state === 'cancelled') void useAppStore.getState().refreshLabels();
    },
    fail,
  );
  events.on('jobProgress', (progress) => {
    if (progress.kind === 'import') tracker.receive(progress);
  });
  events.onResync(() => void tracker.resync());
  const start = async (source: ImportSource) => {
    const { jobId } = await api.startImport({ source });
    tracker.follow(jobId);
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
      set({ job: null, preparing: i18next.t('import.reading', { count: files.length }) });
      try {
        // In a browser the files stream to the host's disk; Electron's IPC takes them as base64.
        if (uploadFiles) {
          await start({ kind: 'upload', uploadId: await uploadFiles(files) });
          return;
        }
        const uploads = await Promise.all(
          files.map(async ({ name, file }) => ({ name, dataBase64: await fileToBase64(file) })),
        );
        await start({ kind: 'uploads', files: uploads });
      } catch (error) {
        fail(error);
      }
    },

    cancel: () => tracker.cancel(get().job),

    async decide(decisions) {
      const job = get().job;
      if (!job) return;
      try {
        tracker.accept(await api.decideImport({ jobId: job.jobId, decisions }));
      } catch (error) {
        fail(error);
      }
    },

    reset() {
      tracker.stop();
      set({ job: null, preparing: null });
    },
  };
});
