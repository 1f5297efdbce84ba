import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../shared/contract';
import { createImportHandlers } from '../../../electron/services/api/import-handlers';
import type { HostAdapter } from '../../../electron/services/api/host';
import { inProcessLauncher, workerLauncher, type ImportLauncher } from '../../../electron/services/import/import-jobs';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { useBundledEntries } from './helpers/build-entries';
import { VIETNAMESE_ARTICLE, writeFiles } from './helpers/fixtures';

// Paths are a desktop source: the browser host refuses them (browser-host-hardening.test.ts).
const host: HostAdapter = { kind: 'electron', appVersion: 'test' };
type TempWorkbench = ReturnType<typeof openTempWorkbench>;
const open: TempWorkbench[] = [];
afterEach(() => open.splice(0).forEach((workbench) => workbench.dispose()));

/** Jobs run by `launcher`; files are read on the job's thread unless an extract worker is given. */
function setUp(launcher: ImportLauncher, fileCount: number, extractWorkerPath: string | null = null) {
  const workbench = openTempWorkbench();
  open.push(workbench);
  const files = Object.fromEntries(
    Array.from({ length: fileCount }, (_, i) => [
      `in/${String(i).padStart(3, '0')}.txt`,
      // Its own longest paragraph: files that share one are probable duplicates, held for review.
      `${VIETNAMESE_ARTICLE}\n\nBài số ${i} trong loạt bài về công tác đối ngoại, hợp tác quốc tế và bảo vệ an ninh quốc gia của Bộ Công an.`,
    ]),
  );
  writeFiles(workbench.dir, files);
  return {
    workbench,
    handlers: createImportHandlers(workbench, host, { launcher, extractWorkerPath }),
    folder: join(workbench.dir, 'in'),
  };
}

async function waitFor(
  read: () => ImportJob | Promise<ImportJob>,
  done: (job: ImportJob) => boolean,
  seen: ImportJob[] = [],
): Promise<ImportJob> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await read();
    seen.push(job);
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state} after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('import jobs (in-process launcher, same request code as the worker)', () => {
  it('reports total, processed and the current file while running, then the results', async () => {
    const { workbench, handlers, folder } = setUp(inProcessLauncher, 30);
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [folder] } });
    const seen: ImportJob[] = [];
    const job = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
      seen,
    );
    expect(job).toMatchObject({ state: 'done', total: 30, processed: 30, currentFile: null, error: null });
    expect(job.results.map((result) => result.outcome)).toEqual(Array(30).fill('imported'));
    const midway = seen.filter(
      (snapshot) => snapshot.state === 'running' && snapshot.processed > 0 && snapshot.processed < 30,
    );
    expect(midway.length).toBeGreaterThan(0);
    expect(midway[0]?.currentFile).toMatch(/^in\/\d{3}\.txt$/);
    expect(workbench.articles.list()).toHaveLength(30);
  });

  it('cancels between files: what finished stays, nothing is half-imported', async () => {
    // Files are stored in batches of up to 50 ms (run-import.ts): enough files that the cancel
    // comes before the last batch.
    const { workbench, handlers, folder } = setUp(inProcessLauncher, 600);
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [folder] } });
    await waitFor(
      () => handlers.getImportJob({ jobId }),
      (job) => job.processed >= 5,
    );
    await handlers.cancelImport({ jobId });
    const job = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(job.state).toBe('cancelled');
    expect(job.processed).toBeLessThan(600);
    expect(workbench.articles.list()).toHaveLength(job.processed);
    expect(job.results).toHaveLength(job.processed);
  });

  it('imports uploads (base64) and fails the whole job clearly past the file limit', async () => {
    const workbench = openTempWorkbench();
    open.push(workbench);
    const handlers = createImportHandlers(workbench, host, {
      launcher: inProcessLauncher,
      extractWorkerPath: null,
      limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1 << 20, maxFiles: 2 },
    });
    const upload = { name: 'drop/a.txt', dataBase64: Buffer.from(VIETNAMESE_ARTICLE).toString('base64') };
    const uploaded = await handlers.startImport({ source: { kind: 'uploads', files: [upload] } });
    const job = await waitFor(
      () => handlers.getImportJob(uploaded),
      (current) => current.state !== 'running',
    );
    expect(job).toMatchObject({
      state: 'done',
      total: 1,
      processed: 1,
      results: [{ outcome: 'imported', file: 'drop/a.txt' }],
    });
    writeFiles(workbench.dir, { 'many/1.txt': 'một', 'many/2.txt': 'hai', 'many/3.txt': 'ba' });
    const tooMany = await handlers.startImport({ source: { kind: 'paths', paths: [join(workbench.dir, 'many')] } });
    const failed = await waitFor(
      () => handlers.getImportJob(tooMany),
      (current) => current.state !== 'running',
    );
    expect(failed).toMatchObject({
      state: 'failed',
      processed: 0,
      error: expect.stringContaining('more than 2 files'),
    });
  });

  it('names unknown jobs', () => {
    const { handlers } = setUp(inProcessLauncher, 0);
    expect(() => handlers.getImportJob({ jobId: 'nope' })).toThrow('There is no import job nope.');
  });
});

describe('import jobs in a real worker thread (bundled import-worker)', () => {
  const bundled = useBundledEntries();

  it('imports a folder off this thread, with progress, and the main connection sees the rows', async () => {
    const { workbench, handlers, folder } = setUp(
      workerLauncher(bundled('importWorker.js')),
      40,
      bundled('extractWorker.js'),
    );
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [folder] } });
    const job = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(job).toMatchObject({ state: 'done', total: 40, processed: 40, error: null });
    expect(workbench.articles.list()).toHaveLength(40);
  });

  it('cancels a worker job: files done stay, the file being read is stopped and stored not at all', async () => {
    const { workbench, handlers, folder } = setUp(
      workerLauncher(bundled('importWorker.js')),
      200,
      bundled('extractWorker.js'),
    );
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [folder] } });
    await waitFor(
      () => handlers.getImportJob({ jobId }),
      (job) => job.processed >= 3,
    );
    await handlers.cancelImport({ jobId });
    const job = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(job.state).toBe('cancelled');
    expect(job.processed).toBeLessThan(200);
    expect(workbench.articles.list()).toHaveLength(job.counts.imported);
    expect(job.counts.imported).toBeGreaterThanOrEqual(job.processed - 1);
  });

  it('a worker job waits in review; the decision reaches the worker and it imports the held file', async () => {
    const { workbench, handlers, folder } = setUp(workerLauncher(bundled('importWorker.js')), 2);
    // TCVN3 bytes: held for the conversion preview.
    writeFiles(folder, {
      'cu.txt': iconv.encode(
        'Bé C«ng an tæng kÕt c«ng t¸c ®èi ngo¹i n¨m 2023\n\nS¸ng 10/1, t¹i Hµ Néi.',
        'windows-1252',
      ),
    });
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [folder] } });
    const held = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(held).toMatchObject({
      state: 'review',
      processed: 2,
      review: [{ kind: 'legacyEncoding', id: 'file 2:legacy' }],
    });
    expect(workbench.articles.list()).toHaveLength(2);
    await handlers.decideImport({ jobId, decisions: { 'file 2:legacy': { choice: 'accept' } } });
    const job = await waitFor(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(job).toMatchObject({ state: 'done', processed: 3, counts: { imported: 3, duplicate: 0, skipped: 0 } });
    expect(workbench.articles.list().map((article) => article.displayTitle)).toContain(
      'Bộ Công an tổng kết công tác đối ngoại năm 2023',
    );
  });
});
