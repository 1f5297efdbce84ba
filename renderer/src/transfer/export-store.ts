import { create } from 'zustand';
import type { ExportJob, ExportOptions } from '../../../shared/contract';
import { suggestedExportFileName } from '../../../shared/codecs';
import { api, browserHostToken, events } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';
import { JobTracker } from './job-tracker';

interface ExportState {
  job: ExportJob | null;
  start(options: ExportOptions): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/** The browser host keeps a finished export for download; fetch it like a normal download. */
function download(job: ExportJob): void {
  if (!job.downloadUrl) return;
  const link = document.createElement('a');
  link.href = `${job.downloadUrl}?token=${encodeURIComponent(browserHostToken())}`;
  link.download = job.fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

export const useExportStore = create<ExportState>((set, get) => {
  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));
  const tracker = new JobTracker<ExportJob>(
    { get: (jobId) => api.getExportJob({ jobId }), cancel: (jobId) => api.cancelExport({ jobId }) },
    (job) => {
      const wasRunning = get().job?.state !== 'done';
      set({ job });
      if (job.state === 'done' && wasRunning) download(job);
    },
    fail,
  );
  events.on('jobProgress', (progress) => {
    if (progress.kind === 'export') tracker.receive(progress);
  });
  events.onResync(() => void tracker.resync());
  return {
    job: null,

    async start(options) {
      try {
        const appInfo = useAppStore.getState().appInfo;
        // Electron writes where the user says; the browser host prepares a download.
        let path: string | null = null;
        if (appInfo?.nativeDialogs) {
          path = await api.pickExportPath({ suggestedName: suggestedExportFileName(options.format, new Date()) });
          if (path === null) return;
        }
        const { jobId } = await api.startExport({ options, path });
        tracker.follow(jobId);
      } catch (error) {
        fail(error);
      }
    },

    cancel: () => tracker.cancel(get().job),

    reset() {
      tracker.stop();
      set({ job: null });
    },
  };
});
