/**
 * Jobs publish their progress as deltas (only the results added since the previous event),
 * throttled, with the final state at once; a follower that merges the deltas holds exactly the
 * job's snapshot. Import jobs run through scripted launchers; exports on a real store.
 */
import { describe, expect, it, vi } from 'vitest';
import { createExportHandlers } from '../../../electron/services/api/export-handlers';
import { ImportJobs, type ImportLauncher } from '../../../electron/services/import/import-jobs';
import type { ImportEvent } from '../../../electron/services/import/run-import';
import type { ExportJob, ImportFileResult, ImportJob } from '../../../shared/contract';
import { eventContract, type JobProgress } from '../../../shared/contract/events';
import { MAX_LISTED_IMPORT_RESULTS } from '../../../shared/contract/imports';
import { mergeJobDelta, type JobDelta } from '../../../renderer/src/transfer/job-tracker';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const skipped = (i: number): ImportFileResult => ({ outcome: 'skipped', file: `f${i}.txt`, reason: 'empty' });
const imported = (i: number): ImportFileResult => ({
  outcome: 'imported',
  file: `f${i}.txt`,
  articleId: i + 1,
  title: `Bài ${i}`,
  notes: [],
});

/** A launcher whose events the test emits by hand. */
function scriptedLauncher() {
  let emit: (event: ImportEvent) => void = () => undefined;
  const launcher: ImportLauncher = (_request, onEvent) => {
    emit = onEvent;
    return { cancel: () => undefined, decide: () => undefined };
  };
  return { launcher, emit: (event: ImportEvent) => emit(event) };
}

function importJobs(launcher: ImportLauncher) {
  const published: JobProgress[] = [];
  const jobs = new ImportJobs({
    databasePath: ':memory:',
    launcher,
    extractWorkerPath: null,
    publishProgress: (progress) => published.push(eventContract.jobProgress.payload.parse(progress)),
  });
  const jobId = jobs.start({ kind: 'paths', paths: ['/nowhere'] });
  return { jobs, jobId, published };
}

function follow<T extends { jobId: string; state: string; revision: number }>(start: T, deltas: JobDelta<T>[]): T {
  return deltas.reduce<T>((job, delta) => mergeJobDelta(job, delta) ?? expect.unreachable('a gap'), start);
}

describe('import job progress events', () => {
  it('carry only the results added since the previous event, at most one per 100 ms, and the end at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { launcher, emit } = scriptedLauncher();
      const { jobs, jobId, published } = importJobs(launcher);
      const start = jobs.get(jobId);
      emit({ type: 'total', total: 300 });
      for (let i = 0; i < 150; i++) emit({ type: 'results', results: [imported(i)] });
      expect(published).toEqual([]); // throttled: nothing before the interval ends
      vi.advanceTimersByTime(100);
      for (let i = 150; i < 300; i++) emit({ type: 'results', results: [skipped(i)] });
      vi.advanceTimersByTime(100);
      emit({ type: 'finished', state: 'done' });

      expect(published).toHaveLength(3);
      const deltas = published.map((progress) => progress as Extract<JobProgress, { kind: 'import' }>);
      expect(deltas.map(({ from, job }) => [from.results, job.results.length])).toEqual([
        [0, 150],
        [150, 150],
        [300, 0],
      ]);
      expect(deltas.at(-1)?.job).toMatchObject({ state: 'done', processed: 300 });
      // Merged in order, the deltas are the job's snapshot.
      expect(follow(start, deltas)).toEqual(jobs.get(jobId));
    } finally {
      vi.useRealTimers();
    }
  });

  it('a file of 130,000 records no longer overflows the stack (results were spread into push); counts stay exact', () => {
    const { launcher, emit } = scriptedLauncher();
    const { jobs, jobId, published } = importJobs(launcher);
    emit({ type: 'total', total: 1 });
    const results = Array.from({ length: 130_000 }, (_, i) => (i % 13 === 0 ? skipped(i) : imported(i)));
    expect(() => emit({ type: 'results', results })).not.toThrow();
    emit({ type: 'finished', state: 'done' });

    const job = jobs.get(jobId);
    expect(job.counts).toEqual({ imported: 120_000, duplicate: 0, skipped: 10_000 });
    expect(job.results).toHaveLength(MAX_LISTED_IMPORT_RESULTS);
    expect(job.results[0]).toEqual(results[0]);
    // The one event carries the listed results once; nothing more is sent for the cut ones.
    const last = published.at(-1) as Extract<JobProgress, { kind: 'import' }>;
    expect(last.job.results).toHaveLength(MAX_LISTED_IMPORT_RESULTS);
    expect(last.job.counts).toEqual(job.counts);
  });

  it('a follower that missed an event cannot merge the next one and must fetch a snapshot', () => {
    const current = { revision: 1, results: [1, 2] } as unknown as ImportJob;
    const after = { job: { revision: 3, results: [5] }, from: { results: 4 } } as unknown as JobDelta<ImportJob>;
    expect(mergeJobDelta(current, after)).toBeNull();
    const overlapping = {
      job: { revision: 2, results: [2, 3] },
      from: { results: 1 },
    } as unknown as JobDelta<ImportJob>;
    expect(mergeJobDelta(current, overlapping)?.results).toEqual([1, 2, 3]);
  });
});

describe('export job progress events', () => {
  const tempWorkbench = useTempWorkbenches();

  it('end with the final state, and merged they equal the finished job', async () => {
    const workbench = tempWorkbench();
    for (let i = 0; i < 3; i++) {
      const id = addArticle(workbench, `Bài số ${i}. Bộ trưởng Bùi Thanh Sơn phát biểu.`);
      annotate(workbench, id, 'PER', 'Bùi Thanh Sơn');
    }
    const published: Extract<JobProgress, { kind: 'export' }>[] = [];
    workbench.events.subscribe('jobProgress', (progress) => {
      if (progress.kind === 'export') published.push(progress);
    });
    const handlers = createExportHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const options = { scope: { kind: 'all' as const }, labelKeys: null, format: 'conll' as const };
    const { jobId } = handlers.startExport({
      options: { ...options, offsetUnit: 'codepoint', csvBom: true },
      path: null,
    }) as {
      jobId: string;
    };
    const start = { ...(handlers.getExportJob({ jobId }) as ExportJob), revision: 0, leftOut: [], widened: [] };
    await vi.waitFor(() => expect(published.at(-1)?.job.state).toBe('done'));
    const finished = handlers.getExportJob({ jobId }) as ExportJob;
    expect(finished).toMatchObject({ state: 'done', articlesDone: 3, spansWritten: 3 });
    expect(follow(start, published)).toEqual(finished);
  });
});
