import { create } from '../state/create';
import type { ExportJob, ExportOptions } from '../../../shared/contract';
import { suggestedExportFileName } from '../../../shared/codecs';
import { packageFileName } from '../../../shared/team/package-manifest';
import { api, events } from '../api/client';
import { browserHostToken } from '../api/transport';
import { errorMessage, useAppStore } from '../state/app-store';
import { JobTracker } from './job-tracker';

interface ExportState {
  job: ExportJob | null;
  start(options: ExportOptions): Promise<void>;
  /** "Export my work": `author`'s annotation package, followed like any export. */
  startPackage(author: string): Promise<void>;
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
  /** Electron writes where the user says; the browser host prepares a download. */
  const startWith = async (suggestedName: string, begin: (path: string | null) => Promise<{ jobId: string }>) => {
    try {
      let path: string | null = null;
      if (useAppStore.getState().appInfo?.nativeDialogs) {
        path = await api.pickExportPath({ suggestedName });
        if (path === null) return;
      }
      tracker.follow((await begin(path)).jobId);
    } catch (error) {
      fail(error);
    }
  };
  return {
    job: null,

    start: (options) =>
      startWith(suggestedExportFileName(options.format, new Date(), options.authors), (path) =>
        api.startExport({ options, path }),
      ),

    startPackage: (author) =>
      startWith(packageFileName(author, new Date()), (path) => api.startPackageExport({ author, path })),

    cancel: () => tracker.cancel(get().job),

    reset() {
      tracker.stop();
      set({ job: null });
    },
  };
});
