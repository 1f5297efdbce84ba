import { create } from '../state/create';
import type { PreannotationJob, PreannotationScope } from '../../../shared/contract';
import { api, events } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';
import { JobTracker } from '../transfer/job-tracker';

interface PreannotationState {
  job: PreannotationJob | null;
  start(scope: PreannotationScope): Promise<void>;
  cancel(): Promise<void>;
  reset(): void;
}

/** The pre-annotation job the dialog follows, through pushed progress events. */
export const usePreannotationStore = create<PreannotationState>((set, get) => {
  const fail = (error: unknown) => useAppStore.getState().notify('error', errorMessage(error));
  const tracker = new JobTracker<PreannotationJob>(
    {
      get: (jobId) => api.getPreannotationJob({ jobId }),
      cancel: (jobId) => api.cancelPreannotation({ jobId }),
    },
    (job) => set({ job }),
    fail,
  );
  events.on('jobProgress', (progress) => {
    if (progress.kind === 'preannotate') tracker.receive(progress);
  });
  events.onResync(() => void tracker.resync());
  return {
    job: null,

    async start(scope) {
      try {
        const { jobId } = await api.startPreannotation({ scope });
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
