// @vitest-environment jsdom
/**
 * An article's read starts when its row is pressed, before the reader mounts
 * (renderer/src/reader/article-read.ts): a write that lands while it runs is still handed to the
 * reader after the answer, the reader takes the read started ahead instead of asking again, and
 * a read nobody takes stops listening.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppliedChanges } from '../../../shared/domain/changes';

const calls: {
  id: number;
  version?: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}[] = [];
const listeners = new Set<(applied: AppliedChanges) => void>();
const call = (input: { id: number; version?: string }) =>
  new Promise((resolve, reject) => {
    calls.push({ ...input, resolve, reject });
  });
vi.mock('../../../renderer/src/api/client', () => ({
  api: { openArticle: call, reopenArticle: call },
  events: {
    on: (_name: string, listener: (applied: AppliedChanges) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  },
}));

const { readAhead, startArticleRead, takeArticleRead } = await import('../../../renderer/src/reader/article-read');

const applied = (description: string) => ({ description }) as unknown as AppliedChanges;
const answer = (id: number, version: string) => ({ article: { id }, version });

beforeEach(() => {
  calls.length = 0;
  listeners.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('article reads', () => {
  it('hands on the writes that landed while the read ran, then the later ones, in order', async () => {
    const read = startArticleRead(3);
    listeners.forEach((listener) => listener(applied('during')));
    calls[0]!.resolve(answer(3, 'v1'));
    await expect(read.answer).resolves.toEqual(answer(3, 'v1'));
    const received: string[] = [];
    read.follow((change) => received.push(change.description));
    listeners.forEach((listener) => listener(applied('after')));
    expect(received).toEqual(['during', 'after']);
    read.stop();
    expect(listeners.size).toBe(0);
  });

  it('the reader takes the read started on the press instead of asking the host again', () => {
    readAhead(7);
    readAhead(7); // the click after the press
    expect(calls.map((call) => call.id)).toEqual([7]);
    const taken = takeArticleRead(7);
    expect(taken.articleId).toBe(7);
    expect(calls).toHaveLength(1);
    // Taken once: a later open of the same article reads it afresh.
    takeArticleRead(7);
    expect(calls).toHaveLength(2);
  });

  it('a read started ahead for another article, or never taken, stops listening', () => {
    readAhead(1);
    readAhead(2);
    expect(listeners.size).toBe(1);
    vi.advanceTimersByTime(5_000);
    expect(listeners.size).toBe(0);
    takeArticleRead(2);
    expect(calls.map((call) => call.id)).toEqual([1, 2, 2]);
  });

  it('opening the last article read again asks only whether its answer is current, and takes the new one if not', async () => {
    const first = startArticleRead(11);
    calls.at(-1)!.resolve(answer(11, 'v1'));
    const held = await first.answer;
    const again = startArticleRead(11);
    expect(calls.at(-1)).toMatchObject({ id: 11, version: 'v1' });
    calls.at(-1)!.resolve({ unchanged: true });
    expect(await again.answer).toBe(held);
    const third = startArticleRead(11);
    calls.at(-1)!.resolve(answer(11, 'v2'));
    expect(await third.answer).toEqual(answer(11, 'v2'));
    startArticleRead(11);
    expect(calls.at(-1)).toMatchObject({ id: 11, version: 'v2' });
    // Another article is read whole.
    startArticleRead(12);
    expect(calls.at(-1)).not.toHaveProperty('version');
  });

  it('a failed read stops listening and leaves its error to the taker', async () => {
    readAhead(4);
    const read = takeArticleRead(4);
    calls[0]!.reject(new Error('no article 4'));
    await expect(read.answer).rejects.toThrow('no article 4');
    expect(listeners.size).toBe(0);
  });
});
