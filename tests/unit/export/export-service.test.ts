import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ExportOptionsSchema, type ExportJob, type ExportOptions } from '../../../shared/contract/exports';
import { createExportHandlers } from '../../../electron/services/api/export-handlers';
import { exportJobsOf } from '../../../electron/services/export/export-jobs';
import { exportToFile, type ExportReport } from '../../../electron/services/export/export-service';
import { runExportCommand } from '../../../electron/host/cli/export-command';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate, independentSlice } from './fixtures';

const freshWorkbench = useTempWorkbenches();

const options = (input: Partial<ExportOptions> & Pick<ExportOptions, 'format'>): ExportOptions =>
  ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, ...input });

/** Three articles: one done, one in progress, one new without spans; one has an emoji. */
function seeded() {
  const workbench = freshWorkbench();
  const first = addArticle(workbench, 'Bộ Công an 🚨 cảnh báo nguy cơ lừa đảo trực tuyến.', 'Cảnh báo');
  annotate(workbench, first, 'ORG', 'Bộ Công an');
  annotate(workbench, first, 'RISK', 'nguy cơ lừa đảo trực tuyến', { note: 'rõ ràng' });
  workbench.articles.setStatus(first, 'done');
  const second = addArticle(workbench, 'Thủ tướng đề xuất tăng cường hợp tác với Nhật Bản.');
  annotate(workbench, second, 'PROPOSAL', 'tăng cường hợp tác với Nhật Bản');
  annotate(workbench, second, 'LOC', 'Nhật Bản');
  const third = addArticle(workbench, 'Bài chưa gắn nhãn.');
  return { workbench, ids: [first, second, third] };
}

describe('streaming export service', () => {
  it('writes JSONL of every article with spans that slice exactly, and reports progress', async () => {
    const { workbench } = seeded();
    const path = join(workbench.dir, 'out.jsonl');
    const progress: ExportReport[] = [];
    const report = await exportToFile(workbench, options({ format: 'jsonl' }), path, {
      appVersion: 'test',
      onProgress: (r) => progress.push({ ...r }),
    });
    expect(report).toMatchObject({ articlesTotal: 3, articlesDone: 3, spansWritten: 4, leftOutCount: 0 });
    expect(progress.at(-1)).toMatchObject({ articlesDone: 3, articlesTotal: 3 });
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.spans.length)).toEqual([2, 2, 0]);
    for (const line of lines) {
      for (const s of line.spans) expect(independentSlice(line.text, s.start, s.end, 'codepoint')).toBe(s.text);
    }
    // The emoji before "nguy cơ" counts once in code points (it is 23 in UTF-16).
    expect(lines[0].spans[1]).toMatchObject({ label: 'RISK', start: 22 });
    expect(readdirSync(workbench.dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('limits the export to a status, to chosen articles and to chosen labels', async () => {
    const { workbench, ids } = seeded();
    const path = join(workbench.dir, 'out.csv');
    const run = async (input: Partial<ExportOptions>) => {
      await exportToFile(workbench, options({ format: 'csv', ...input }), path, { appVersion: 'test' });
      return parse(readFileSync(path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    };
    expect((await run({ scope: { kind: 'status', status: 'done' } })).map((row) => row.quote)).toEqual([
      'Bộ Công an',
      'nguy cơ lừa đảo trực tuyến',
    ]);
    expect(
      (await run({ scope: { kind: 'articles', articleIds: [ids[1] as number] } })).map((row) => row.label),
    ).toEqual(['PROPOSAL', 'LOC']);
    expect((await run({ labelKeys: ['RISK', 'PROPOSAL'] })).map((row) => row.label)).toEqual(['RISK', 'PROPOSAL']);
  });

  it('refuses unknown labels and missing articles by name', async () => {
    const { workbench } = seeded();
    const path = join(workbench.dir, 'out.csv');
    await expect(
      exportToFile(workbench, options({ format: 'csv', labelKeys: ['NOPE'] }), path, { appVersion: 't' }),
    ).rejects.toThrow('There is no label NOPE.');
    await expect(
      exportToFile(workbench, options({ format: 'csv', scope: { kind: 'articles', articleIds: [99] } }), path, {
        appVersion: 't',
      }),
    ).rejects.toThrow('These articles do not exist: 99.');
    expect(existsSync(path)).toBe(false);
  });

  it('streams in batches, and a cancelled export deletes its partial file and spares an older one', async () => {
    const workbench = freshWorkbench();
    // ~3 MB of text: several batches, so the cancel lands between two of them.
    for (let i = 0; i < 30; i++) {
      const id = addArticle(workbench, `Bài số ${i}. ${'Nội dung bài báo dài. '.repeat(5000)}`);
      annotate(workbench, id, 'RISK', 'Nội dung');
    }
    const path = join(workbench.dir, 'big.json');
    writeFileSync(path, 'an older export');
    const controller = new AbortController();
    const batches: number[] = [];
    const cancelled = exportToFile(workbench, options({ format: 'workbench-json' }), path, {
      appVersion: 'test',
      signal: controller.signal,
      onProgress: (report) => {
        batches.push(report.articlesDone);
        if (report.articlesDone > 0) controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow();
    expect(batches.at(-1)).toBeLessThan(30);
    expect(readFileSync(path, 'utf8')).toBe('an older export');
    expect(readdirSync(workbench.dir).filter((name) => name.includes('big.json'))).toEqual(['big.json']);

    const report = await exportToFile(workbench, options({ format: 'workbench-json' }), path, { appVersion: 'test' });
    expect(report.articlesDone).toBe(30);
    expect(JSON.parse(readFileSync(path, 'utf8')).articles).toHaveLength(30);
  });
});

describe('export handlers', () => {
  async function settled(read: () => ExportJob): Promise<ExportJob> {
    await vi.waitFor(() => expect(read().state).not.toBe('running'));
    return read();
  }

  it('browser host: writes to a temp folder and offers the file for download', async () => {
    const { workbench } = seeded();
    const handlers = createExportHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const { jobId } = handlers.startExport({ options: options({ format: 'csv' }), path: null }) as { jobId: string };
    const job = await settled(() => handlers.getExportJob({ jobId }) as ExportJob);
    expect(job).toMatchObject({
      state: 'done',
      articlesDone: 3,
      spansWritten: 4,
      path: null,
      downloadUrl: `/api/download/${jobId}`,
    });
    expect(job.fileName).toMatch(/^marginalia-\d{4}-\d{2}-\d{2}\.csv$/);
    const download = exportJobsOf(workbench).download(jobId);
    expect(download).toMatchObject({ fileName: job.fileName, contentType: 'text/csv; charset=utf-8' });
    expect(readFileSync(download?.path ?? '', 'utf8').startsWith('\uFEFFarticle_id,')).toBe(true);
    exportJobsOf(workbench).dispose();
    expect(existsSync(download?.path ?? '')).toBe(false);
  });

  it('browser host: refuses to write to a path', () => {
    const { workbench } = seeded();
    const handlers = createExportHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    expect(() => handlers.startExport({ options: options({ format: 'csv' }), path: '/tmp/x.csv' })).toThrow(
      'does not write to paths',
    );
  });

  it('Electron: writes to the chosen path; a failed job says why', async () => {
    const { workbench } = seeded();
    const handlers = createExportHandlers(workbench, { kind: 'electron', appVersion: 'test' });
    const path = join(workbench.dir, 'chosen.conll');
    const { jobId } = handlers.startExport({ options: options({ format: 'conll' }), path }) as { jobId: string };
    expect(await settled(() => handlers.getExportJob({ jobId }) as ExportJob)).toMatchObject({
      state: 'done',
      path,
      downloadUrl: null,
    });
    expect(readFileSync(path, 'utf8')).toContain('Nhật\tI-PROPOSAL\tB-LOC');

    const bad = handlers.startExport({
      options: options({ format: 'csv' }),
      path: join(workbench.dir, 'missing', 'x.csv'),
    }) as {
      jobId: string;
    };
    const failed = await settled(() => handlers.getExportJob(bad) as ExportJob);
    expect(failed.state).toBe('failed');
    expect(failed.error).toContain('missing');
  });
});

describe('command line', () => {
  it('exports CSV without BOM for the chosen labels and status, and exits 0', async () => {
    const { workbench } = seeded();
    const out = join(workbench.dir, 'cli.csv');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runExportCommand([
      '--format',
      'csv',
      '--out',
      out,
      '--labels',
      'RISK,ORG',
      '--status',
      'done',
      '--no-bom',
      '--db',
      workbench.databasePath,
    ]);
    log.mockRestore();
    expect(code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('article_id,')).toBe(true);
    expect((parse(text, { columns: true }) as Record<string, string>[]).map((row) => row.label)).toEqual([
      'ORG',
      'RISK',
    ]);
  });

  it('exits 2 on a usage error and 1 when the export fails', async () => {
    const { workbench } = seeded();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runExportCommand(['--format', 'xlsx', '--out', 'x', '--db', workbench.databasePath])).toBe(2);
    expect(
      await runExportCommand([
        '--format',
        'csv',
        '--out',
        join(workbench.dir, 'x.csv'),
        '--labels',
        'NOPE',
        '--db',
        workbench.databasePath,
      ]),
    ).toBe(1);
    expect(error.mock.calls.flat().join('\n')).toContain('There is no label NOPE');
    error.mockRestore();
  });
});
