/**
 * Issue 10 §2: imports that hang, and files with too many records. Files are read in the
 * bundled extract worker (built here like electron-vite builds it), which is terminated past
 * the per-file time limit and on Cancel; a file with more records than the cap is refused
 * whole.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFileResult, ImportJob } from '../../../shared/contract';
import { createImportHandlers } from '../../../electron/services/api/import-handlers';
import { exportToFile } from '../../../electron/services/export/export-service';
import { workerLauncher } from '../../../electron/services/import/import-jobs';
import { importFile } from '../../../electron/services/import/import-service';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { runImport, type ImportEvent } from '../../../electron/services/import/run-import';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { useBundledEntries } from '../import/helpers/build-entries';
import { VIETNAMESE_ARTICLE, writeFiles } from '../import/helpers/fixtures';
import { readFileSync } from 'node:fs';

const bundled = useBundledEntries();
type TempWorkbench = ReturnType<typeof openTempWorkbench>;
const open: TempWorkbench[] = [];
afterEach(() => open.splice(0).forEach((workbench) => workbench.dispose()));
function workbenchWith(files: Record<string, string>): TempWorkbench {
  const workbench = openTempWorkbench();
  open.push(workbench);
  writeFiles(workbench.dir, files);
  return workbench;
}

/**
 * A 100 kB page of ten paragraphs, each inside 900 nested divs: under the 1,000-level refusal,
 * but Readability's scoring is quadratic in the depth, so reading it takes minutes (a third of
 * it took 63 s on the development machine).
 */
function pageNested900Deep(): string {
  const paragraph = '<div>'.repeat(900) + `<p>${'chữ '.repeat(30)}</p>` + '</div>'.repeat(900);
  return `<html><body>${paragraph.repeat(10)}</body></html>`;
}

describe('a pathological page hung the import for minutes (issue 10 §2.3)', () => {
  it('a file that reads past the per-file time limit is stopped, named with the limit, and the next file imports', async () => {
    const workbench = workbenchWith({
      'in/a.txt': VIETNAMESE_ARTICLE,
      'in/b-slow.html': pageNested900Deep(),
      'in/c.txt': `${VIETNAMESE_ARTICLE}\n\nBài thứ ba.`,
    });
    const results: ImportFileResult[] = [];
    const state = await runImport(
      workbench,
      { kind: 'paths', paths: [join(workbench.dir, 'in')] },
      {
        emit: (event: ImportEvent) => {
          if (event.type === 'results') results.push(...event.results);
        },
        signal: new AbortController().signal,
      },
      { limits: { ...DEFAULT_IMPORT_LIMITS, maxExtractSeconds: 3 }, extractWorkerPath: bundled('extractWorker.js') },
    );
    expect(state).toBe('done');
    expect(results.map((result) => [result.file, result.outcome])).toEqual([
      ['in/a.txt', 'imported'],
      ['in/b-slow.html', 'skipped'],
      ['in/c.txt', 'imported'],
    ]);
    expect(results[1]).toMatchObject({
      reason: expect.stringContaining('Reading in/b-slow.html took longer than the limit of 3 s'),
      reasonRef: { key: 'fileReadTimedOut', params: { file: 'in/b-slow.html', seconds: 3 } },
    });
    // Read back: the two sound files are stored, nothing of the stopped one.
    const importedIds = results.flatMap((result) => (result.outcome === 'imported' ? [result.articleId] : []));
    expect(workbench.articles.list().map((article) => article.id)).toEqual(importedIds);
    expect(importedIds).toHaveLength(2);
  });

  it('Cancel while a file is being read stops the job at once (not after the file), and stores nothing of it', async () => {
    const workbench = workbenchWith({
      'in/a-slow.html': pageNested900Deep(),
      'in/b.txt': VIETNAMESE_ARTICLE,
    });
    // The real path: the job in the import worker, the file in the extract worker below it;
    // the time limit is far away, so only Cancel can end this file soon.
    const handlers = createImportHandlers(
      workbench,
      { kind: 'electron', appVersion: 'test' },
      {
        launcher: workerLauncher(bundled('importWorker.js')),
        extractWorkerPath: bundled('extractWorker.js'),
        limits: { ...DEFAULT_IMPORT_LIMITS, maxExtractSeconds: 600 },
      },
    );
    const { jobId } = await handlers.startImport({ source: { kind: 'paths', paths: [join(workbench.dir, 'in')] } });
    await until(
      () => handlers.getImportJob({ jobId }),
      (job) => job.currentFile === 'in/a-slow.html',
    );
    await handlers.cancelImport({ jobId });
    const job = await until(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    expect(job).toMatchObject({ state: 'cancelled', processed: 1 });
    expect(job.results).toEqual([
      expect.objectContaining({
        file: 'in/a-slow.html',
        outcome: 'skipped',
        reasonRef: { key: 'fileReadCancelled', params: { file: 'in/a-slow.html' } },
      }),
    ]);
    expect(workbench.articles.list()).toEqual([]);
  });
});

/** Polls until `done`; the deadline (20 s) is far below the minutes the slow file takes. */
async function until(
  read: () => ImportJob | Promise<ImportJob>,
  done: (job: ImportJob) => boolean,
): Promise<ImportJob> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await read();
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state} (file ${job.currentFile}) after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a file with more records than the cap was imported whole (issue 10 §2.1)', () => {
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxRecordsPerFile: 10 };
  const record = (i: number) => ({ title: `Bài ${i}`, text: `${VIETNAMESE_ARTICLE}\n\nBài số ${i}.` });

  it('JSONL and CSV files past the cap are refused with the file, the count and the cap; nothing is stored', async () => {
    const workbench = workbenchWith({});
    const jsonl = Array.from({ length: 11 }, (_, i) => JSON.stringify(record(i))).join('\n');
    const csv = ['title,text', ...Array.from({ length: 12 }, (_, i) => `Bài ${i},"${record(i).text}"`)].join('\n');
    const [jsonlResult] = await importFile(workbench, { name: 'big.jsonl', bytes: Buffer.from(jsonl) }, { limits });
    const [csvResult] = await importFile(workbench, { name: 'big.csv', bytes: Buffer.from(csv) }, { limits });
    expect(jsonlResult).toEqual({
      outcome: 'skipped',
      file: 'big.jsonl',
      reason:
        'big.jsonl holds 11 records, more than the limit of 10 per file; nothing of it was imported. Split it, or raise the limit (--max-records).',
      reasonRef: { key: 'fileTooManyRecords', params: { file: 'big.jsonl', count: 11, limit: 10 } },
    });
    expect(csvResult).toMatchObject({ outcome: 'skipped', reasonRef: { params: { file: 'big.csv', count: 12 } } });
    expect(workbench.articles.count()).toBe(0);
    // At the cap, the file imports.
    const atCap = Array.from({ length: 10 }, (_, i) => JSON.stringify(record(i))).join('\n');
    const results = await importFile(workbench, { name: 'ten.jsonl', bytes: Buffer.from(atCap) }, { limits });
    expect(results.map((result) => result.outcome)).toEqual(Array(10).fill('imported'));
    expect(workbench.articles.count()).toBe(10);
  });

  it('a workbench export with more articles than the cap is refused whole, labels included', async () => {
    const source = workbenchWith({});
    for (let i = 0; i < 3; i++) await importFile(source, { name: `${i}.txt`, bytes: Buffer.from(record(i).text) });
    const path = join(source.dir, 'export.json');
    const options = ExportOptionsSchema.parse({
      scope: { kind: 'all' },
      labelKeys: null,
      format: 'workbench-json',
      offsetUnit: 'codepoint',
    });
    await exportToFile(source, options, path, { appVersion: 'test' });
    const target = workbenchWith({});
    const labelsBefore = target.labels.list();
    const [result] = await importFile(
      target,
      { name: 'export.json', bytes: readFileSync(path) },
      { limits: { ...DEFAULT_IMPORT_LIMITS, maxRecordsPerFile: 2 } },
    );
    expect(result).toMatchObject({
      outcome: 'skipped',
      reasonRef: { key: 'fileTooManyRecords', params: { file: 'export.json', count: 3, limit: 2 } },
    });
    expect(target.articles.count()).toBe(0);
    expect(target.labels.list()).toEqual(labelsBefore);
  });
});
