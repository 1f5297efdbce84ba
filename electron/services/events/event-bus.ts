import {
  eventContract,
  type AnyEvent,
  type EventHandler,
  type EventName,
  type EventPayload,
} from '../../../shared/contract/events';

export interface EventBusOptions {
  /**
   * Parse every payload with its schema before delivering it. On in tests, so a service that
   * publishes a wrong shape fails there; in the app the receiving client parses anyway.
   */
  validate?: boolean;
  /** A subscriber threw; the others still get the event and the publisher never sees it. */
  onHandlerError?: (name: EventName, error: unknown) => void;
  /** The number of subscribers went from 0 to 1 (true) or back to 0 (false). */
  onListening?: (listening: boolean) => void;
}

/**
 * The workbench's pushed events, typed by the contract's event registry. Services publish;
 * transports (IPC to the Electron window, Server-Sent Events in the browser host) subscribe.
 */
export class EventBus {
  private readonly byName = new Map<EventName, Set<(payload: never) => void>>();
  private readonly everything = new Set<(event: AnyEvent) => void>();
  private count = 0;

  constructor(private readonly options: EventBusOptions = {}) {}

  publish<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const checked = this.options.validate ? (eventContract[name].payload.parse(payload) as EventPayload<N>) : payload;
    for (const handler of this.byName.get(name) ?? []) this.deliver(name, () => (handler as EventHandler<N>)(checked));
    const event = { name, payload: checked } as AnyEvent;
    for (const handler of this.everything) this.deliver(name, () => handler(event));
  }

  subscribe<N extends EventName>(name: N, handler: EventHandler<N>): () => void {
    let handlers = this.byName.get(name);
    if (!handlers) this.byName.set(name, (handlers = new Set()));
    const entry = handler as (payload: never) => void;
    handlers.add(entry);
    return this.counted(() => handlers.delete(entry));
  }

  /** Every event, for a transport that forwards them all. */
  subscribeAll(handler: (event: AnyEvent) => void): () => void {
    this.everything.add(handler);
    return this.counted(() => this.everything.delete(handler));
  }

  get listenerCount(): number {
    return this.count;
  }

  private counted(remove: () => boolean): () => void {
    if (++this.count === 1) this.options.onListening?.(true);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      remove();
      if (--this.count === 0) this.options.onListening?.(false);
    };
  }

  private deliver(name: EventName, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.options.onHandlerError?.(name, error);
    }
  }
}
