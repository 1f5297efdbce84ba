/**
 * Regression tests for the browser host and IPC defects of issue 10 part 4, each named after
 * what went wrong before the fix.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_UPLOAD_BYTES, startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { maxRequestBodyBytes } from '../../../electron/host/request-guards';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { createImportHandlers } from '../../../electron/services/api/import-handlers';
import { createExportHandlers } from '../../../electron/services/api/export-handlers';
import { grantingDialogs } from '../../../electron/services/api/path-grants';
import { DOWNLOAD_TTL_MS, exportJobsOf } from '../../../electron/services/export/export-jobs';
import { inProcessLauncher } from '../../../electron/services/import/import-jobs';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { decodeUrlPath } from '../../../electron/services/url-path';
import type { ExportJob, ImportJob } from '../../../shared/contract';
import { send } from '../../helpers/http';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const openWorkbench = useTempWorkbenches();
/** Jobs finish in milliseconds, but the test machine may be busy: wait generously. */
const SETTLE = { timeout: 20_000, interval: 10 };
const CSV_EXPORT = {
  scope: { kind: 'all' as const },
  labelKeys: null,
  format: 'csv' as const,
  offsetUnit: 'codepoint' as const,
  csvBom: false,
};
const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function startHost(options: { maxBodyBytes?: number; maxConcurrentLargeBodies?: number } = {}) {
  const workbench = openWorkbench();
  const rendererDir = join(workbench.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  const host = await startBrowserHost({
    handlers: createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' }),
    rendererDir,
    port: 0,
    log: () => undefined,
    resolveDownload: (jobId) => exportJobsOf(workbench).download(jobId),
    onDownloadServed: (jobId) => exportJobsOf(workbench).downloadServed(jobId),
    ...options,
  });
  hosts.push(host);
  const call = (name: string, payload: unknown, headers: Record<string, string> = {}) =>
    send(host, `/api/${name}`, {
      method: 'POST',
      body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', 'x-marginalia-token': host.token, ...headers },
    });
  return { workbench, host, call };
}

describe('browser host hardening', { timeout: 60_000 }, () => {
  it('import paths over HTTP: startImport {kind:"paths"} is refused, alike for paths that exist and that do not', async () => {
    const { workbench, call } = await startHost();
    const existing = await call('startImport', { source: { kind: 'paths', paths: [workbench.dir] } });
    const missing = await call('startImport', { source: { kind: 'paths', paths: ['/no/such/folder'] } });
    expect(existing.status).toBe(501);
    expect(JSON.parse(existing.body).error.message).toBe(
      'The browser host imports uploaded files only, not paths on this machine.',
    );
    expect(missing.body).toBe(existing.body);
  });

  it('a 512 MB body cap: the cap is the largest upload as base64, and a bigger body is refused with 413 unread', async () => {
    const cap = maxRequestBodyBytes(DEFAULT_IMPORT_LIMITS, DEFAULT_UPLOAD_BYTES);
    expect(cap).toBeGreaterThanOrEqual((DEFAULT_IMPORT_LIMITS.maxFileBytes * 4) / 3);
    expect(cap).toBeLessThan(128 * 1024 * 1024);
    const { call } = await startHost({ maxBodyBytes: 64 * 1024 });
    const declared = await call('listLabels', { padding: 'x'.repeat(70 * 1024) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.message).toMatch(/larger than the browser host accepts/);
    const fits = await call('listLabels', {});
    expect(fits.status).toBe(200);
  });

  it('no cap on concurrent large bodies: while one large body is read, another is answered 503', async () => {
    const { host, call } = await startHost({ maxConcurrentLargeBodies: 1 });
    const size = 3 * 1024 * 1024;
    // A large upload that has started and is still arriving holds the only slot.
    const slow = request({
      host: '127.0.0.1',
      port: host.port,
      path: '/api/listLabels',
      method: 'POST',
      headers: { 'x-marginalia-token': host.token, 'content-length': size },
    });
    slow.on('error', () => undefined);
    slow.write('{"x":"');
    await vi.waitFor(async () => {
      const second = await call('listLabels', { padding: 'y'.repeat(2 * 1024 * 1024) });
      expect(second.status).toBe(503);
    }, SETTLE);
    slow.destroy();
    // Small calls are never held back.
    expect((await call('listLabels', {})).status).toBe(200);
  });

  it('malformed percent-encoding gave 500: it answers 400 on API, download and static routes, token or not', async () => {
    const { host } = await startHost();
    const withToken = { 'x-marginalia-token': host.token };
    expect((await send(host, '/api/%E0%A4%A', { method: 'POST', headers: withToken, body: '{}' })).status).toBe(400);
    expect((await send(host, '/api/download/%ZZ', { headers: withToken })).status).toBe(400);
    expect((await send(host, '/%ZZ')).status).toBe(400);
    expect((await send(host, '/assets/%E0%A4%A.js')).status).toBe(400);
  });

  it('the app:// handler threw on malformed percent-encoding: its decoder answers null instead', () => {
    expect(decodeUrlPath('/index.html')).toBe('/index.html');
    expect(decodeUrlPath('/assets/T%C3%ADn.js')).toBe('/assets/Tín.js');
    expect(decodeUrlPath('/%E0%A4%A')).toBeNull();
    expect(decodeUrlPath('/%ZZ')).toBeNull();
  });

  it('the token in the query string allowed blind POST writes: refused on API calls, accepted on the download route', async () => {
    const { host } = await startHost();
    const post = await send(host, `/api/setArticleStatus?token=${host.token}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"id":1,"status":"done"}',
    });
    expect(post.status).toBe(401);
    const download = await send(host, `/api/download/no-such-job?token=${host.token}`);
    expect(download.status).toBe(404);
  });

  it('calls from any Origin were served: a foreign Origin is refused even with the token', async () => {
    const { host, call } = await startHost();
    const foreign = await call('listLabels', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await call('listLabels', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('export downloads were kept until shutdown: a served download is deleted and not offered again', async () => {
    const { workbench, host, call } = await startHost();
    const started = JSON.parse(
      (
        await call('startExport', {
          options: { scope: { kind: 'all' }, labelKeys: null, format: 'jsonl', offsetUnit: 'codepoint' },
          path: null,
        })
      ).body,
    );
    const jobId = started.value.jobId as string;
    await vi.waitFor(() => expect(exportJobsOf(workbench).get(jobId).state).toBe('done'), SETTLE);
    const file = exportJobsOf(workbench).download(jobId)?.path as string;
    expect(existsSync(file)).toBe(true);
    const first = await send(host, `/api/download/${jobId}?token=${host.token}`);
    expect(first.status).toBe(200);
    await vi.waitFor(() => expect(existsSync(file)).toBe(false), SETTLE);
    expect((await send(host, `/api/download/${jobId}?token=${host.token}`)).status).toBe(404);
    expect(exportJobsOf(workbench).get(jobId).downloadUrl).toBeNull();
  });

  it('export downloads never fetched were kept until shutdown: they are deleted after the TTL', async () => {
    const workbench = openWorkbench();
    const handlers = createExportHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { jobId } = handlers.startExport({ options: CSV_EXPORT, path: null }) as { jobId: string };
      while ((handlers.getExportJob({ jobId }) as ExportJob).state === 'running')
        await new Promise((resolve) => setImmediate(resolve));
      const file = exportJobsOf(workbench).download(jobId)?.path as string;
      expect(existsSync(file)).toBe(true);
      vi.advanceTimersByTime(DOWNLOAD_TTL_MS - 1);
      expect(existsSync(file)).toBe(true);
      vi.advanceTimersByTime(1);
      expect(existsSync(file)).toBe(false);
      expect(exportJobsOf(workbench).download(jobId)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('export job records piled up until shutdown: finished jobs beyond the newest 20 are forgotten', async () => {
    const workbench = openWorkbench();
    const handlers = createExportHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const { jobId } = handlers.startExport({ options: CSV_EXPORT, path: null }) as { jobId: string };
      ids.push(jobId);
      await vi.waitFor(() => expect((handlers.getExportJob({ jobId }) as ExportJob).state).toBe('done'), SETTLE);
    }
    expect(() => handlers.getExportJob({ jobId: ids[0] as string })).toThrow(/no export job/);
    expect(() => handlers.getExportJob({ jobId: ids[1] as string })).toThrow(/no export job/);
    expect((handlers.getExportJob({ jobId: ids[2] as string }) as ExportJob).state).toBe('done');
    exportJobsOf(workbench).dispose();
  });

  it('undo, redo and getHistoryState on a missing article answered 200: they answer not_found', async () => {
    const { call } = await startHost();
    for (const name of ['undo', 'redo', 'getHistoryState']) {
      const reply = await call(name, { articleId: 987654 });
      expect(reply.status, name).toBe(404);
      expect(JSON.parse(reply.body).error.code).toBe('not_found');
    }
  });
});

describe('Electron dialog paths', { timeout: 60_000 }, () => {
  it('IPC accepted any path: import and export take only paths the native dialogs returned, once', async () => {
    const workbench = openWorkbench();
    const chosenFolder = join(workbench.dir, 'chosen');
    mkdirSync(chosenFolder);
    writeFileSync(join(chosenFolder, 'a.txt'), 'Bộ Công an cảnh báo nguy cơ lừa đảo.');
    const chosenExport = join(workbench.dir, 'out.csv');
    const host = {
      kind: 'electron' as const,
      appVersion: 'test',
      ...grantingDialogs({
        pickImportPaths: async () => [chosenFolder],
        pickExportPath: async () => chosenExport,
      }),
    };
    const imports = createImportHandlers(workbench, host, { launcher: inProcessLauncher, extractWorkerPath: null });
    const exports = createExportHandlers(workbench, host);

    expect(() => imports.startImport({ source: { kind: 'paths', paths: [chosenFolder] } })).toThrow(
      /Only files chosen in the import dialog/,
    );
    expect(() => exports.startExport({ options: CSV_EXPORT, path: chosenExport })).toThrow(
      /Only files chosen in the export dialog/,
    );

    expect(await imports.pickImportPaths({ folders: true })).toEqual([chosenFolder]);
    const { jobId } = (await imports.startImport({ source: { kind: 'paths', paths: [chosenFolder] } })) as {
      jobId: string;
    };
    await vi.waitFor(() => expect((imports.getImportJob({ jobId }) as ImportJob).state).toBe('done'), SETTLE);
    expect(workbench.articles.list()).toHaveLength(1);
    // A grant is used once, and a path inside a granted folder was never granted by itself.
    expect(() => imports.startImport({ source: { kind: 'paths', paths: [chosenFolder] } })).toThrow(/Only files/);
    expect(() => imports.startImport({ source: { kind: 'paths', paths: ['/etc'] } })).toThrow(/Only files/);

    expect(await exports.pickExportPath({ suggestedName: 'x.csv' })).toBe(chosenExport);
    const exported = exports.startExport({ options: CSV_EXPORT, path: chosenExport }) as { jobId: string };
    await vi.waitFor(() => expect((exports.getExportJob(exported) as ExportJob).state).toBe('done'), SETTLE);
    expect(existsSync(chosenExport)).toBe(true);
    exportJobsOf(workbench).dispose();
  });
});
