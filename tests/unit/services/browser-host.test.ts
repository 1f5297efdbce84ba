import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { send } from '../../helpers/http';
import { addArticle } from '../export/fixtures';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { START_CALLS, START_DATA_ID, type StartCall } from '../../../shared/contract/start-data';

describe('browser host', () => {
  let workbench: ReturnType<typeof openTempWorkbench>;
  let host: BrowserHost;

  beforeEach(async () => {
    workbench = openTempWorkbench();
    const rendererDir = join(workbench.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    host = await startBrowserHost({
      handlers: createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' }),
      rendererDir,
      port: 0,
      log: () => undefined,
    });
  });

  afterEach(async () => {
    await host.close();
    workbench.dispose();
  });

  it('listens on 127.0.0.1 and prints a URL with a random token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers 401 to API calls without the token, or with a wrong one', async () => {
    const without = await send(host, '/api/listArticles', { method: 'POST', body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await send(host, '/api/listArticles', {
      method: 'POST',
      body: '{}',
      headers: { 'x-marginalia-token': 'x'.repeat(host.token.length) },
    });
    expect(wrong.status).toBe(401);
    const download = await send(host, '/api/download/some-job');
    expect(download.status).toBe(401);
  });

  it('serves calls with the token and reports bad payloads as typed errors', async () => {
    const headers = { 'x-marginalia-token': host.token, 'content-type': 'application/json' };
    const ok = await send(host, '/api/listLabels', { method: 'POST', body: '{}', headers });
    expect(ok.status).toBe(200);
    // Ten labels and the ten default sublabels of migration 005.
    expect(JSON.parse(ok.body).value).toHaveLength(20);

    const notJson = await send(host, '/api/listLabels', { method: 'POST', body: '{nope', headers });
    expect(notJson.status).toBe(400);
    const invalid = await send(host, '/api/getArticle', { method: 'POST', body: '{"id":"1; DROP"}', headers });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.code).toBe('invalid_input');
    const missing = await send(host, '/api/getArticle', { method: 'POST', body: '{"id":12345}', headers });
    expect(missing.status).toBe(404);
  });

  it("sends an article's kept answer again as it was, and the new one after a write", async () => {
    const headers = { 'x-marginalia-token': host.token, 'content-type': 'application/json' };
    const articleId = addArticle(workbench, 'Bộ Ngoại giao họp sáng nay.', 'Họp');
    const open = () =>
      send(host, '/api/openArticle', { method: 'POST', body: JSON.stringify({ id: articleId }), headers });
    const first = await open();
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).value.spans.ids).toEqual([]);
    const again = await open();
    expect(again.body).toBe(first.body);
    const { version } = JSON.parse(first.body).value as { version: string };
    const reopened = await send(host, '/api/reopenArticle', {
      method: 'POST',
      body: JSON.stringify({ id: articleId, version }),
      headers,
    });
    expect(JSON.parse(reopened.body).value).toEqual({ unchanged: true });

    const applied = workbench.changes.apply({
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey: 'ORG', start: 0, end: 13, quote: 'Bộ Ngoại giao' },
        },
      ],
    });
    const afterWrite = JSON.parse((await open()).body).value as { spans: { ids: number[] }; version: string };
    expect(afterWrite.spans.ids).toEqual([applied.createdIds.a]);
    expect(afterWrite.version).not.toBe(version);
    const reopenedAfterWrite = await send(host, '/api/reopenArticle', {
      method: 'POST',
      body: JSON.stringify({ id: articleId, version }),
      headers,
    });
    expect(JSON.parse(reopenedAfterWrite.body).value.spans.ids).toEqual([applied.createdIds.a]);
  });

  it('refuses requests whose Host header names another site (DNS rebinding)', async () => {
    const rebound = await send(host, '/api/listLabels', {
      method: 'POST',
      body: '{}',
      headers: { host: 'evil.example:80', 'x-marginalia-token': host.token },
    });
    expect(rebound.status).toBe(421);
  });

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const page = await send(host, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    const escape = await send(host, '/../../../../etc/passwd');
    expect(escape.body).not.toContain('root:');
  });

  it("writes the start calls' answers into the page opened with the token, as the API gives them, and none without it", async () => {
    const rendererDir = join(workbench.dir, 'renderer');
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><head><title>Marginalia</title><script type="module" src="./boot.js"></script></head><body></body>',
    );
    // A title that would end the data block or open a comment if it were written as it is.
    const title = 'Họp </script><script>alert(1)</script> <!-- và';
    addArticle(workbench, 'Bộ Ngoại giao họp sáng nay.', title);

    const page = await send(host, `/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const block = new RegExp(
      `<script type="application/json" id="${START_DATA_ID}">(.*?)</script>\\s*<script type="module"`,
    );
    const json = block.exec(page.body)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toMatch(/<\/script|<!--/i);
    const calls = JSON.parse(json!) as StartCall[];
    expect(calls.map(({ name, input }) => ({ name, input }))).toEqual(START_CALLS);
    const headers = { 'x-marginalia-token': host.token, 'content-type': 'application/json' };
    for (const call of calls) {
      const answer = await send(host, `/api/${call.name}`, {
        method: 'POST',
        body: JSON.stringify(call.input),
        headers,
      });
      expect(call.result).toEqual(JSON.parse(answer.body));
    }
    const library = calls.find((call) => call.name === 'queryLibrary')!.result;
    expect(library.ok && (library.value as { rows: { title: string }[] }).rows.map((row) => row.title)).toContain(
      title,
    );

    const withoutToken = await send(host, '/');
    expect(withoutToken.body).not.toContain(START_DATA_ID);
    expect(withoutToken.body).not.toContain('alert(1)');
  });
});
