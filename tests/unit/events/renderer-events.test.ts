// @vitest-environment jsdom
/**
 * The renderer's side: the events client parses every payload with the registry's schema
 * (loaded from a chunk of its own, issue 13: events that come first wait for it, in order), and
 * the job tracker follows a job through one snapshot and then deltas only.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEventsClient, type EventSourceLike } from '../../../renderer/src/api/client';
import { JobTracker, type JobDelta } from '../../../renderer/src/transfer/job-tracker';
import type { ImportFileResult, ImportJob } from '../../../shared/contract';
import { eventContract, type EventContract, type EventName } from '../../../shared/contract/events';

function fakeSource() {
  let deliver: (name: EventName, payload: unknown) => void = () => undefined;
  let resync: () => void = () => undefined;
  const source: EventSourceLike = {
    open: vi.fn((onEvent, onResync) => {
      deliver = onEvent;
      resync = onResync;
    }),
  };
  return { source, deliver: (name: EventName, payload: unknown) => deliver(name, payload), resync: () => resync() };
}

/** The schemas' chunk, loaded by the time the test awaits `loaded`. */
const loadedSchemas = () => Promise.resolve(eventContract);
const loaded = () => new Promise((resolve) => setTimeout(resolve));

describe('events client', () => {
  it('opens the source on the first subscription and hands handlers parsed payloads', async () => {
    const { source, deliver } = fakeSource();
    const client = createEventsClient(source, loadedSchemas);
    expect(source.open).not.toHaveBeenCalled();
    const commands: string[] = [];
    const off = client.on('appCommand', ({ command }) => commands.push(command));
    client.on('storeChanged', () => undefined);
    expect(source.open).toHaveBeenCalledTimes(1);
    await loaded();
    deliver('appCommand', { command: 'library' });
    off();
    deliver('appCommand', { command: 'export' });
    expect(commands).toEqual(['library']);
  });

  it('drops a payload that does not match its schema instead of handing it to the UI', async () => {
    const { source, deliver } = fakeSource();
    const client = createEventsClient(source, loadedSchemas);
    const handler = vi.fn();
    client.on('appCommand', handler);
    await loaded();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    deliver('appCommand', { command: 'rm -rf' });
    deliver('appCommand', null);
    expect(handler).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('tells resync listeners when the stream came back after a break', () => {
    const { source, resync } = fakeSource();
    const client = createEventsClient(source, loadedSchemas);
    const onResync = vi.fn();
    client.onResync(onResync);
    resync();
    expect(onResync).toHaveBeenCalledTimes(1);
  });

  it('delivers events that arrive before the schemas have loaded once they have, in arrival order', async () => {
    const { source, deliver } = fakeSource();
    let schemasLoaded: (contract: EventContract) => void = () => undefined;
    const client = createEventsClient(source, () => new Promise((resolve) => (schemasLoaded = resolve)));
    const seen: string[] = [];
    client.on('appCommand', ({ command }) => seen.push(`command ${command}`));
    client.on('storeChanged', ({ articleIds }) => seen.push(`store ${articleIds.join()}`));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    deliver('appCommand', { command: 'library' });
    deliver('storeChanged', { articleIds: [3], library: false });
    deliver('appCommand', { command: 'rm -rf' }); // still checked: dropped, not handed on
    deliver('appCommand', { command: 'export' });
    await loaded();
    expect(seen).toEqual([]);
    schemasLoaded(eventContract);
    deliver('storeChanged', { articleIds: [4], library: true }); // after the load began resolving
    await loaded();
    expect(seen).toEqual(['command library', 'store 3', 'command export', 'store 4']);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('drops events, loudly, when the schemas cannot be loaded', async () => {
    const { source, deliver } = fakeSource();
    const client = createEventsClient(source, () => Promise.reject(new Error('chunk missing')));
    const handler = vi.fn();
    client.on('appCommand', handler);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    deliver('appCommand', { command: 'library' });
    await loaded();
    deliver('appCommand', { command: 'export' });
    expect(handler).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

const result = (i: number): ImportFileResult => ({ outcome: 'skipped', file: `f${i}`, reason: 'empty' });

function job(revision: number, results: ImportFileResult[], state: ImportJob['state'] = 'running'): ImportJob {
  return {
    jobId: 'j1',
    state,
    total: 10,
    processed: results.length,
    currentFile: null,
    results,
    counts: { imported: 0, duplicate: 0, skipped: results.length },
    revision,
    error: null,
    review: [],
  };
}

function delta(revision: number, from: number, results: ImportFileResult[], state?: ImportJob['state']) {
  return { job: job(revision, results, state), from: { results: from } } satisfies JobDelta<ImportJob>;
}

describe('job tracker', () => {
  function tracker(snapshots: ImportJob[]) {
    const get = vi.fn(async () => snapshots.shift() as ImportJob);
    const seen: ImportJob[] = [];
    const tracked = new JobTracker<ImportJob>(
      { get, cancel: get },
      (snapshot) => seen.push(snapshot),
      () => undefined,
    );
    return { tracked, get, seen };
  }

  it('takes one snapshot, then merges deltas without asking again', async () => {
    const { tracked, get, seen } = tracker([job(1, [result(0)])]);
    tracked.follow('j1');
    // A delta that arrives before the snapshot is kept and applied after it.
    tracked.receive(delta(2, 1, [result(1)]));
    await vi.waitFor(() => expect(seen.length).toBe(2));
    tracked.receive(delta(3, 2, [result(2), result(3)]));
    tracked.receive(delta(4, 4, [], 'done'));
    tracked.receive({ ...delta(9, 0, []), job: { ...job(9, []), jobId: 'other job' } });
    expect(get).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toMatchObject({ state: 'done', revision: 4 });
    expect(seen.at(-1)?.results).toEqual([0, 1, 2, 3].map(result));
  });

  it('ignores an event older than what it holds, and fetches a snapshot after a gap', async () => {
    const { tracked, get, seen } = tracker([job(5, [0, 1, 2].map(result)), job(8, [0, 1, 2, 3, 4].map(result))]);
    tracked.follow('j1');
    await vi.waitFor(() => expect(seen.length).toBe(1));
    tracked.receive(delta(4, 2, [result(2)]));
    expect(seen).toHaveLength(1);
    tracked.receive(delta(7, 4, [result(4)])); // item 3 never arrived
    await vi.waitFor(() => expect(seen.length).toBe(2));
    expect(get).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)?.results).toHaveLength(5);
  });
});

describe('live updates', () => {
  it('coalesce a burst of changes into one fetch in flight and one after it', async () => {
    const { coalesced } = await import('../../../renderer/src/state/live-updates');
    const finishers: (() => void)[] = [];
    const task = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
    const refresh = coalesced(task);
    for (let i = 0; i < 20; i++) refresh();
    expect(task).toHaveBeenCalledTimes(1);
    finishers.shift()?.();
    await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(2));
    finishers.shift()?.();
    await Promise.resolve();
    expect(task).toHaveBeenCalledTimes(2);
  });
});
