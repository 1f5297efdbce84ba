// @vitest-environment jsdom
/**
 * The reader's text column built once, hidden, while the library shows (reader/reader-warmup.tsx,
 * reader-chunk.ts): the first article opened no longer pays the reader's first-use costs. It must
 * show nothing, take no focus, and be gone when an article starts opening. Its own file: the
 * warm-up runs once per page (module state).
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const mountReaderWarmup = vi.fn((onRemoved: () => void) => {
  const node = document.createElement('div');
  node.className = 'reader-warmup';
  document.body.append(node);
  return () => {
    node.remove();
    onRemoved();
  };
});
vi.mock('../../../renderer/src/reader/ReaderView', () => ({ mountReaderWarmup }));

afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the reader warm-up', () => {
  it('builds an invisible, inert column of the reader on a made-up text and removes it after its frame', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    // jsdom has no idle callbacks; the text is short enough to need none.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const { mountReaderWarmup: mount } = await vi.importActual<
      typeof import('../../../renderer/src/reader/reader-warmup')
    >('../../../renderer/src/reader/reader-warmup');
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const onRemoved = vi.fn();
    let remove: () => void = () => undefined;
    await act(async () => {
      remove = mount(onRemoved);
    });
    const container = document.querySelector<HTMLElement>('.reader-warmup');
    expect(container?.inert).toBe(true);
    expect(container?.getAttribute('aria-hidden')).toBe('true');
    expect(container?.querySelector('.reader .reader__textwrap .reader__text p')).not.toBeNull();
    // Gone after two frames and a task, without being asked.
    await act(async () => {
      frames.splice(0).forEach((callback) => callback());
      frames.splice(0).forEach((callback) => callback());
      await settle();
    });
    expect(document.querySelector('.reader-warmup')).toBeNull();
    expect(onRemoved).toHaveBeenCalledTimes(1);
    remove(); // again: nothing more
    expect(onRemoved).toHaveBeenCalledTimes(1);
  });

  it('is removed at once when an article starts opening, and not made again once one has', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const { warmReaderWhenIdle, stopReaderWarmup } = await import('../../../renderer/src/reader/reader-chunk');
    warmReaderWhenIdle();
    await settle();
    idle.splice(0).forEach((callback) => callback());
    expect(mountReaderWarmup).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.reader-warmup')).not.toBeNull();
    stopReaderWarmup();
    expect(document.querySelector('.reader-warmup')).toBeNull();
    // Asked again (the library shown again): once per page, and never after an open.
    warmReaderWhenIdle();
    await settle();
    idle.splice(0).forEach((callback) => callback());
    expect(mountReaderWarmup).toHaveBeenCalledTimes(1);
  });
});
