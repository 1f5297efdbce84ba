import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/services/events/event-bus';
import { Throttle } from '../../../electron/services/events/throttle';
import type { AnyEvent } from '../../../shared/contract/events';

describe('EventBus', () => {
  it('delivers an event to its subscribers and to subscribers of every event, typed by the registry', () => {
    const bus = new EventBus({ validate: true });
    const changed: number[][] = [];
    const all: AnyEvent[] = [];
    bus.subscribe('storeChanged', ({ articleIds }) => changed.push(articleIds));
    bus.subscribeAll((event) => all.push(event));
    bus.publish('storeChanged', { articleIds: [3], library: false });
    bus.publish('appCommand', { command: 'undo' });
    expect(changed).toEqual([[3]]);
    expect(all).toEqual([
      { name: 'storeChanged', payload: { articleIds: [3], library: false } },
      { name: 'appCommand', payload: { command: 'undo' } },
    ]);
  });

  it('refuses a payload that does not match its schema when validating (tests), before anyone sees it', () => {
    const bus = new EventBus({ validate: true });
    const handler = vi.fn();
    bus.subscribeAll(handler);
    expect(() => bus.publish('appCommand', { command: 'format-disk' as 'undo' })).toThrow();
    expect(() => bus.publish('storeChanged', { articleIds: [-1], library: false })).toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps delivering when a subscriber throws, and reports the failure', () => {
    const onHandlerError = vi.fn();
    const bus = new EventBus({ onHandlerError });
    const after = vi.fn();
    bus.subscribe('appCommand', () => {
      throw new Error('boom');
    });
    bus.subscribe('appCommand', after);
    expect(() => bus.publish('appCommand', { command: 'redo' })).not.toThrow();
    expect(after).toHaveBeenCalledWith({ command: 'redo' });
    expect(onHandlerError).toHaveBeenCalledWith('appCommand', expect.any(Error));
  });

  it('says when the first subscriber arrives and the last one leaves', () => {
    const onListening = vi.fn();
    const bus = new EventBus({ onListening });
    expect(onListening).not.toHaveBeenCalled();
    const stopOne = bus.subscribe('storeChanged', () => undefined);
    const stopAll = bus.subscribeAll(() => undefined);
    expect(onListening.mock.calls).toEqual([[true]]);
    stopOne();
    stopOne(); // a second call is harmless and does not count twice
    expect(bus.listenerCount).toBe(1);
    stopAll();
    expect(onListening.mock.calls).toEqual([[true], [false]]);
    expect(bus.listenerCount).toBe(0);
  });
});

describe('Throttle', () => {
  it('runs at most once per interval however often asked, and at once when flushed', () => {
    vi.useFakeTimers();
    try {
      const action = vi.fn();
      const throttle = new Throttle(action, 100);
      for (let i = 0; i < 50; i++) throttle.request();
      expect(action).not.toHaveBeenCalled();
      vi.advanceTimersByTime(100);
      expect(action).toHaveBeenCalledTimes(1);
      throttle.request();
      throttle.flush();
      expect(action).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(1000);
      expect(action).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
