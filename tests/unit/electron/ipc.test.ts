/**
 * The IPC wiring of the Electron main process, under plain Node: Electron cannot run here, so
 * `ipcMain` is replaced by a recorder (the only fake; the handlers and the store are real).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannelOf } from '../../../shared/contract';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openTempWorkbench } from '../../helpers/temp-workbench';

type Handler = (event: unknown, payload: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
const registered = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => registered.set(channel, handler) },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  net: { fetch: () => undefined },
}));

const { registerIpcHandlers } = await import('../../../electron/main/ipc');

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('IPC handlers', () => {
  let workbench: ReturnType<typeof openTempWorkbench>;
  const log = vi.fn();

  beforeEach(() => {
    registered.clear();
    workbench = openTempWorkbench();
    registerIpcHandlers(createApiHandlers(workbench, { kind: 'electron', appVersion: 'test' }), log);
  });
  afterEach(() => workbench.dispose());

  it('registers exactly one channel per contract call', () => {
    expect([...registered.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannelOf).sort());
  });

  it('answers the app’s own top-level page', async () => {
    const listLabels = registered.get(ipcChannelOf('listLabels')) as Handler;
    const result = await listLabels(frame('app://marginalia/index.html'), {});
    expect(result.ok).toBe(true);
  });

  it('refuses other origins, iframes and vanished frames without running the call', async () => {
    const listLabels = registered.get(ipcChannelOf('listLabels')) as Handler;
    for (const event of [
      frame('https://evil.example/'),
      frame('file:///tmp/page.html'),
      frame('app://marginalia/index.html', { url: 'app://marginalia/index.html' }),
      { senderFrame: null },
    ]) {
      const result = await listLabels(event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(log).toHaveBeenCalled();
  });

  it('returns a typed error for a hostile payload and keeps serving', async () => {
    const applyChanges = registered.get(ipcChannelOf('applyChanges')) as Handler;
    const hostile = await applyChanges(frame('app://marginalia/index.html'), {
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId: { $gt: 0 }, labelKey: 'PER', start: 0, end: Number.POSITIVE_INFINITY, quote: 'x' },
        },
      ],
    });
    expect(hostile).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const after = await (registered.get(ipcChannelOf('listArticles')) as Handler)(frame('app://marginalia/'), {});
    expect(after.ok).toBe(true);
  });
});
