/**
 * The bridge: exactly one function per contract call, and nothing else. Each returns the
 * CallResult envelope; the renderer's client unwraps it. No ipcRenderer or Node API leaks out.
 * It imports only the zod-free name list: the schemas are checked in main and in the client.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, CALL_NAMES, ipcChannelOf } from '../../shared/contract/names';

const bridge = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannelOf(name), input)]),
);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge));
