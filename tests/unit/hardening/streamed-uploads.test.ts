/**
 * Issue 10 §4: the browser host read request bodies into memory (one 300 MB request took it
 * from 258 MB to 1.36 GB). Uploads now stream to a temp folder (POST /api/upload,
 * multipart/form-data), with a per-file and a total limit; the temp files go when the upload is
 * refused or broken off, and when its import job ends. Real HTTP requests throughout.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, UPLOAD_PATH, type BrowserHost } from '../../../electron/host/browser-host';
import { UploadStaging } from '../../../electron/host/upload-staging';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import type { HostAdapter } from '../../../electron/services/api/host';
import { createImportHandlers } from '../../../electron/services/api/import-handlers';
import { inProcessLauncher } from '../../../electron/services/import/import-jobs';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../electron/services/import/limits';
import type { ImportJob } from '../../../shared/contract';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { VIETNAMESE_ARTICLE } from '../import/helpers/fixtures';

const openWorkbench = useTempWorkbenches();
/** A host's JSON answer, loosely typed: the tests check its fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields are asserted, not used
type Reply = { ok: boolean; value?: any; error?: any };
const SETTLE = { timeout: 20_000, interval: 10 };
const hosts: BrowserHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function startHost(limits: ImportLimits = DEFAULT_IMPORT_LIMITS, ttlMs?: number) {
  const workbench = openWorkbench();
  const rendererDir = join(workbench.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
  const uploads = new UploadStaging(ttlMs);
  const adapter: HostAdapter = {
    kind: 'browser',
    appVersion: 'test',
    importLimits: limits,
    takeUpload: (uploadId) => uploads.take(uploadId),
  };
  const host = await startBrowserHost({
    handlers: {
      ...createApiHandlers(workbench, adapter),
      // Jobs on this thread: vitest has no bundled import worker.
      ...createImportHandlers(workbench, adapter, { launcher: inProcessLauncher, extractWorkerPath: null, limits }),
    },
    rendererDir,
    port: 0,
    log: () => undefined,
    uploads,
    importLimits: limits,
  });
  hosts.push(host);
  const base = `http://127.0.0.1:${host.port}`;
  const headers = { 'x-marginalia-token': host.token };
  const upload = async (files: Record<string, string | Uint8Array<ArrayBuffer>>) => {
    const form = new FormData();
    for (const [name, content] of Object.entries(files)) form.append('file', new Blob([content]), name);
    const response = await fetch(`${base}${UPLOAD_PATH}`, { method: 'POST', headers, body: form });
    return { status: response.status, body: (await response.json()) as Reply };
  };
  const call = async (name: string, payload: unknown) => {
    const response = await fetch(`${base}/api/${name}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return (await response.json()) as Reply;
  };
  /** Upload folders still on disk. */
  const staged = () => (existsSync(uploads.root) ? readdirSync(uploads.root) : []);
  return { workbench, host, uploads, upload, call, staged };
}

describe('uploads were read into memory: they stream to a temp folder (issue 10 §4)', () => {
  it('an upload is written to disk, imported under the names the user chose, and its files go when the job ends', async () => {
    const { workbench, upload, call, staged, uploads } = await startHost();
    const uploaded = await upload({
      'tin tức/bài một.txt': VIETNAMESE_ARTICLE,
      // Another article (the same text plus a line would be held as a probable duplicate).
      'b.txt':
        'Hợp tác quốc tế về an ninh\n\nBộ Ngoại giao và Bộ Công an phối hợp chặt chẽ trong công tác bảo hộ công dân ở nước ngoài, trao đổi thông tin thường xuyên.',
    });
    expect(uploaded).toMatchObject({ status: 200, body: { ok: true, value: { files: 2 } } });
    const { uploadId } = uploaded.body.value as { uploadId: string };
    // On disk, under numbers (never the sender's names), byte for byte.
    const dir = join(uploads.root, uploadId);
    expect(readdirSync(dir)).toEqual(['000000', '000001']);
    expect(readFileSync(join(dir, '000000'), 'utf8')).toBe(VIETNAMESE_ARTICLE);

    const started = await call('startImport', { source: { kind: 'upload', uploadId } });
    expect(started.ok).toBe(true);
    const jobId = started.value.jobId as string;
    let job: ImportJob | undefined;
    await vi.waitFor(async () => {
      job = (await call('getImportJob', { jobId })).value as ImportJob;
      expect(job.state).toBe('done');
    }, SETTLE);
    expect(job?.results.map((result) => [result.file, result.outcome])).toEqual([
      ['tin tức/bài một.txt', 'imported'],
      ['b.txt', 'imported'],
    ]);
    expect(workbench.articles.list()).toHaveLength(2);
    expect(staged()).toEqual([]);
    // An upload is imported once.
    const again = await call('startImport', { source: { kind: 'upload', uploadId } });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found', ref: { key: 'uploadNotFound' } } });
  });

  it('a file past the per-file limit is refused with 413 naming the file and the limit, and nothing stays on disk', async () => {
    const { upload, staged, workbench } = await startHost({ ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1024 });
    const refused = await upload({ 'small.txt': 'Tin ngắn.', 'lớn.txt': 'x'.repeat(5000) });
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({
      code: 'rejected',
      message: 'lớn.txt is larger than the limit of 1 KB per file; nothing was uploaded.',
      ref: { key: 'uploadFileTooLarge', params: { file: 'lớn.txt', limit: '1 KB' } },
    });
    expect(staged()).toEqual([]);
    expect(workbench.articles.count()).toBe(0);
  });

  it('an upload past the total limit is refused with 413 naming the limit, and nothing stays on disk', async () => {
    // The total is the larger of 64 MB and the file limit: 70 MB here; four 20 MB files pass it.
    const { host, upload, staged } = await startHost({ ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 70 * 1024 * 1024 });
    const chunk = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const files = { '1.txt': chunk, '2.txt': chunk, '3.txt': chunk, '4.txt': chunk };
    // A declared length past the limit is refused before a byte is read.
    const declared = await upload(files);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ ref: { key: 'uploadRequestTooLarge', params: { limit: '70 MB' } } });
    // Without a length (chunked), the upload is counted as it streams, and refused at the file that passes it.
    const chunked = await sendChunked(host, files);
    expect(chunked.status).toBe(413);
    expect(chunked.body.error).toMatchObject({
      message: expect.stringContaining('larger than the limit of 70 MB in total (reached at 4.txt)'),
      ref: { key: 'uploadTooLarge', params: { limit: '70 MB', file: '4.txt' } },
    });
    expect(staged()).toEqual([]);
  });

  it('an upload broken off by the browser leaves no temp files', async () => {
    const { host, staged } = await startHost();
    const boundary = 'marginalia-test-boundary';
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      path: UPLOAD_PATH,
      method: 'POST',
      headers: {
        'x-marginalia-token': host.token,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': 10 * 1024 * 1024,
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\n${'x'.repeat(256 * 1024)}`,
    );
    await vi.waitFor(() => expect(staged()).toHaveLength(1), SETTLE);
    req.destroy();
    await vi.waitFor(() => expect(staged()).toEqual([]), SETTLE);
  });

  it('a cancelled import removes its upload, and an upload never imported expires', async () => {
    const { upload, call, staged } = await startHost(DEFAULT_IMPORT_LIMITS, 50);
    const first = await upload({ 'a.txt': VIETNAMESE_ARTICLE });
    expect(first.status).toBe(200);
    // Never imported: gone after the (test's short) time to live.
    await vi.waitFor(() => expect(staged()).toEqual([]), SETTLE);
    expect(
      await call('startImport', { source: { kind: 'upload', uploadId: first.body.value.uploadId } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`${i}.txt`, `${VIETNAMESE_ARTICLE}\n\n${i}`]),
    );
    const second = await upload(many);
    const { jobId } = (await call('startImport', { source: { kind: 'upload', uploadId: second.body.value.uploadId } }))
      .value as { jobId: string };
    await call('cancelImport', { jobId });
    await vi.waitFor(async () => {
      expect(((await call('getImportJob', { jobId })).value as ImportJob).state).not.toBe('running');
    }, SETTLE);
    expect(staged()).toEqual([]);
  });

  it('a request that is not multipart is refused with 400, and the token is required', async () => {
    const { host, upload } = await startHost();
    const plain = await fetch(`http://127.0.0.1:${host.port}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: { 'x-marginalia-token': host.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ error: { ref: { key: 'uploadNotMultipart' } } });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.txt');
    const noToken = await fetch(`http://127.0.0.1:${host.port}${UPLOAD_PATH}`, { method: 'POST', body: form });
    expect(noToken.status).toBe(401);
    expect((await upload({ 'a.txt': 'x' })).status).toBe(200);
  });
});

/** A multipart upload sent in chunks, without Content-Length. */
function sendChunked(
  host: BrowserHost,
  files: Record<string, Uint8Array>,
): Promise<{ status: number; body: { error?: unknown } }> {
  const boundary = 'marginalia-chunked-boundary';
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: UPLOAD_PATH,
        method: 'POST',
        headers: {
          'x-marginalia-token': host.token,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as { error?: unknown } }));
      },
    );
    // The host closes the connection after refusing; what is still being sent then fails.
    req.on('error', () => undefined);
    for (const [name, content] of Object.entries(files)) {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`);
      req.write(content);
      req.write('\r\n');
    }
    req.end(`--${boundary}--\r\n`);
    req.on('close', () => reject(new Error('closed without an answer')));
  });
}
