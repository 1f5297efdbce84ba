/**
 * The browser host's Server-Sent Events route over real HTTP: token-guarded (in the query
 * string on this route only), events arrive as they are published, a closed tab unsubscribes,
 * and the number of open streams is bounded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser-host';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openTempWorkbench } from '../../helpers/temp-workbench';

interface Stream {
  status: number;
  response: IncomingMessage;
  request: ClientRequest;
  /** Everything received so far. */
  text: () => string;
}

function openStream(host: BrowserHost, path: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let received = '';
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (response) => {
      response.on('data', (chunk: Buffer) => (received += chunk.toString()));
      response.on('error', () => undefined);
      resolve({ status: response.statusCode ?? 0, response, request: req, text: () => received });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host event stream', () => {
  let workbench: ReturnType<typeof openTempWorkbench>;
  let host: BrowserHost;
  const streams: Stream[] = [];

  beforeEach(async () => {
    workbench = openTempWorkbench();
    const rendererDir = join(workbench.dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Marginalia</title>');
    host = await startBrowserHost({
      handlers: createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' }),
      rendererDir,
      port: 0,
      events: workbench.events,
      maxEventClients: 2,
      log: () => undefined,
    });
  });

  afterEach(async () => {
    streams.splice(0).forEach((stream) => stream.request.destroy());
    await host.close();
    workbench.dispose();
  });

  const open = async (path: string, headers?: Record<string, string>) => {
    const stream = await openStream(host, path, headers);
    streams.push(stream);
    return stream;
  };

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await open('/api/events')).status).toBe(401);
    expect((await open(`/api/events?token=${'x'.repeat(host.token.length)}`)).status).toBe(401);
    expect(host.eventClients).toBe(0);
  });

  it('takes the token from the query string on this route only, never for calls', async () => {
    expect((await open(`/api/events?token=${host.token}`)).status).toBe(200);
    expect((await open('/api/events', { 'x-marginalia-token': host.token })).status).toBe(200);
    const call = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/api/listLabels?token=${host.token}`, method: 'POST' },
        (response) => resolve(response.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(call).toBe(401);
  });

  it('streams published events as named SSE messages with one JSON data line', async () => {
    const stream = await open(`/api/events?token=${host.token}`);
    expect(stream.status).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await vi.waitFor(() => expect(stream.text()).toContain(': connected'));
    workbench.events.publish('storeChanged', { articleIds: [4, 7], library: true });
    workbench.events.publish('appCommand', { command: 'keyboard-help' });
    await vi.waitFor(() => expect(stream.text()).toContain('event: appCommand'));
    const messages = stream
      .text()
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => {
        const [event, data] = block.split('\n');
        return { name: event?.slice('event: '.length), payload: JSON.parse(data?.slice('data: '.length) ?? '') };
      });
    expect(messages).toEqual([
      { name: 'storeChanged', payload: { articleIds: [4, 7], library: true } },
      { name: 'appCommand', payload: { command: 'keyboard-help' } },
    ]);
  });

  it('unsubscribes a stream whose tab went away, and bounds the number of streams', async () => {
    const first = await open(`/api/events?token=${host.token}`);
    await open(`/api/events?token=${host.token}`);
    expect(host.eventClients).toBe(2);
    expect(workbench.events.listenerCount).toBe(2);
    expect((await open(`/api/events?token=${host.token}`)).status).toBe(503);

    first.request.destroy();
    await vi.waitFor(() => expect(host.eventClients).toBe(1));
    expect(workbench.events.listenerCount).toBe(1);
    expect((await open(`/api/events?token=${host.token}`)).status).toBe(200);
  });
});
