/**
 * The bridges: exactly one function per contract call, and `on` for exactly the registered
 * events. Calls return the CallResult envelope and event handlers get the bare payload; the
 * renderer's client unwraps and parses both. No ipcRenderer, IPC event or Node API leaks out.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, CALL_NAMES, ipcChannelOf } from '../../shared/contract';
import { eventChannelOf, EVENTS_BRIDGE_GLOBAL, isEventName } from '../../shared/contract/event-names';

const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannelOf(name), input)]),
);

const eventsBridge = {
  /** Subscribes to one registered event; returns the function that unsubscribes. */
  on(name: unknown, handler: unknown): () => void {
    if (!isEventName(name)) throw new Error(`Unknown event: ${String(name).slice(0, 100)}`);
    if (typeof handler !== 'function') throw new Error('An event handler must be a function.');
    const channel = eventChannelOf(name);
    const listener = (_event: IpcRendererEvent, payload: unknown) => (handler as (payload: unknown) => void)(payload);
    ipcRenderer.on(channel, listener);
    return () => void ipcRenderer.removeListener(channel, listener);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
contextBridge.exposeInMainWorld(EVENTS_BRIDGE_GLOBAL, Object.freeze(eventsBridge));
