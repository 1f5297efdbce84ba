/**
 * The names of the pushed events, without their schemas: the preload validates names against
 * this list and must not bundle zod. `events.ts` holds the registry and is checked against it.
 */
export const EVENT_NAMES = ['changesApplied', 'storeChanged', 'jobProgress', 'appCommand'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}

/** The Electron IPC channel that carries one event; main sends on it, the preload listens. */
export const eventChannelOf = (name: EventName): string => `marginalia:event:${name}`;

/** The name of the preload's event bridge on `window` (Electron only). */
export const EVENTS_BRIDGE_GLOBAL = 'marginaliaEvents';

/** The browser host's Server-Sent Events route. */
export const EVENTS_PATH = '/api/events';
