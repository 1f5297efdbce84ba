// @vitest-environment jsdom
/**
 * The start script's calls (issue 13, renderer/src/boot.ts → api/early.ts): a call the app makes
 * with the same name and input takes the early answer instead of asking the host again, once; a
 * different input, or the same call again, goes to the host; a failed early call fails the call
 * that takes it, and an early call nobody takes is no unhandled rejection.
 */
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../renderer/src/api/client';
import {
  answersInPage,
  dropUntakenEarlyAnswers,
  keepAnswersInPage,
  sendEarly,
  startCall,
  takeEarly,
} from '../../../renderer/src/api/early';
import type { Transport } from '../../../renderer/src/api/transport';
import { INITIAL_LIBRARY_SORT, libraryPageRequest } from '../../../shared/corpus/library-request';
import { MOUNT_CALLS, START_DATA_ID } from '../../../shared/contract/start-data';

const healthy = { ok: true as const, value: { status: 'ok' } };

describe('early calls', () => {
  it('answers the same call once from the early answer, then from the host', async () => {
    const early = vi.fn<Transport>(() => Promise.resolve(healthy));
    const host = vi.fn<Transport>(() => Promise.resolve({ ok: true as const, value: { status: 'later' } }));
    sendEarly(early, 'getDatabaseHealth', {});
    const api = createApiClient(host);
    expect(await api.getDatabaseHealth({})).toEqual({ status: 'ok' });
    expect(host).not.toHaveBeenCalled();
    expect(await api.getDatabaseHealth({})).toEqual({ status: 'later' });
    expect(host).toHaveBeenCalledTimes(1);
    expect(early).toHaveBeenCalledTimes(1);
  });

  it("matches the library's first page only with the same input", async () => {
    const rows = { ok: true as const, value: { total: 1, rows: [] } };
    const early = vi.fn<Transport>(() => Promise.resolve(rows));
    const host = vi.fn<Transport>(() => Promise.resolve({ ok: true as const, value: { total: 2, rows: [] } }));
    sendEarly(early, 'queryLibrary', libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0));
    const api = createApiClient(host);
    // Another page is not the early call; the store's request for the first page is.
    await api.queryLibrary(libraryPageRequest({}, INITIAL_LIBRARY_SORT, 1));
    expect(host).toHaveBeenCalledTimes(1);
    expect(await api.queryLibrary(libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0))).toEqual({ total: 1, rows: [] });
    expect(host).toHaveBeenCalledTimes(1);
  });

  it('fails the call that takes a failed early call, and leaves none behind', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    sendEarly(() => Promise.reject(new Error('host gone')), 'getDatabaseHealth', {});
    sendEarly(() => Promise.reject(new Error('host gone')), 'getAppInfo', {});
    const api = createApiClient(() => Promise.resolve(healthy));
    await expect(api.getDatabaseHealth({})).rejects.toThrow(/Could not reach the workbench/);
    expect(takeEarly('getAppInfo', {})).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('takes the answers the host wrote into the page instead of asking, once, and reads the block once', async () => {
    const inPageRows = { ok: true as const, value: { total: 7, rows: [] } };
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = START_DATA_ID;
    block.textContent = JSON.stringify([
      { name: 'queryLibrary', input: libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0), result: inPageRows },
    ]);
    document.head.append(block);
    const transport = vi.fn<Transport>(() => Promise.resolve(healthy));
    const inPage = answersInPage();
    expect(document.getElementById(START_DATA_ID)).toBeNull();
    expect(await startCall(transport, inPage, 'queryLibrary', libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0))).toEqual(
      inPageRows,
    );
    // Not in the page: asked for.
    await startCall(transport, inPage, 'getDatabaseHealth', {});
    expect(transport).toHaveBeenCalledTimes(1);
    const host = vi.fn<Transport>(() => Promise.resolve({ ok: true as const, value: { total: 8, rows: [] } }));
    const api = createApiClient(host);
    expect(await api.queryLibrary(libraryPageRequest({}, INITIAL_LIBRARY_SORT, 0))).toEqual({ total: 7, rows: [] });
    expect(await api.getDatabaseHealth({})).toEqual({ status: 'ok' });
    expect(host).not.toHaveBeenCalled();
  });

  it('asks the host when the block in the page cannot be read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = START_DATA_ID;
    block.textContent = '[{"name":';
    document.head.append(block);
    expect(answersInPage().size).toBe(0);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("keeps the page's answers to the mount calls without asking, until the app has loaded the state it mounts with; then a call asks the host", async () => {
    const inPage = new Map(
      MOUNT_CALLS.map((call, index) => [
        `${call.name} ${JSON.stringify(call.input)}`,
        { ok: true as const, value: { fromPage: index } },
      ]),
    );
    inPage.delete(`getProfile ${JSON.stringify({})}`); // not in the page: the app asks for it
    const early = vi.fn<Transport>(() => Promise.resolve(healthy));
    keepAnswersInPage(inPage, MOUNT_CALLS);
    expect(early).not.toHaveBeenCalled();
    const host = vi.fn<Transport>(() => Promise.resolve({ ok: true as const, value: { fromHost: true } }));
    const api = createApiClient(host);
    expect(await api.listLabels({})).toEqual({ fromPage: 1 });
    expect(await api.getProfile({})).toEqual({ fromHost: true });
    expect(host).toHaveBeenCalledTimes(1);
    // The app has mounted: the definitions no mounted view asked for are the start's, not given later.
    dropUntakenEarlyAnswers();
    expect(await api.listFieldDefs({})).toEqual({ fromHost: true });
    expect(host).toHaveBeenCalledTimes(2);
  });
});
