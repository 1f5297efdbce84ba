/**
 * The Electron side of the events under plain Node: Electron cannot run here, so its modules
 * are replaced by recorders (the only fakes; the bus and its registry are real). Main sends
 * each event to the app window on the event's channel; the menu publishes appCommand instead
 * of injecting script; the preload exposes `on` for exactly the registered events.
 */
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/services/events/event-bus';
import { EVENT_NAMES, eventChannelOf, EVENTS_BRIDGE_GLOBAL } from '../../../shared/contract/event-names';

const exposed = new Map<string, unknown>();
const rendererListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
let menuTemplate: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] = [];

vi.mock('electron', () => ({
  ipcMain: { handle: () => undefined },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  net: { fetch: () => undefined },
  app: { isPackaged: true, getLocale: () => 'en-US' },
  Menu: {
    buildFromTemplate: (template: typeof menuTemplate) => (menuTemplate = template),
    setApplicationMenu: () => undefined,
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: () => undefined,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
      rendererListeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      rendererListeners.get(channel)?.delete(listener),
  },
}));

const { forwardEventsToWindow } = await import('../../../electron/main/ipc');
const { installAppMenu } = await import('../../../electron/main/menu');
await import('../../../electron/preload/index');

function fakeWindow(url: string) {
  const sent: [string, unknown][] = [];
  return {
    sent,
    window: {
      isDestroyed: () => false,
      webContents: { getURL: () => url, send: (channel: string, payload: unknown) => sent.push([channel, payload]) },
    },
  };
}

describe('main process events', () => {
  it('sends every event to the app window on its own channel', () => {
    const bus = new EventBus({ validate: true });
    const { window, sent } = fakeWindow('app://marginalia/index.html');
    forwardEventsToWindow(bus, () => window as never);
    bus.publish('storeChanged', { articleIds: [1], library: false });
    bus.publish('appCommand', { command: 'import' });
    expect(sent).toEqual([
      [eventChannelOf('storeChanged'), { articleIds: [1], library: false }],
      [eventChannelOf('appCommand'), { command: 'import' }],
    ]);
  });

  it('sends nothing to a page that is not the app, nor when the window is gone', () => {
    const bus = new EventBus();
    const { window, sent } = fakeWindow('https://evil.example/');
    let current: unknown = window;
    forwardEventsToWindow(bus, () => current as never);
    bus.publish('appCommand', { command: 'undo' });
    current = null;
    bus.publish('appCommand', { command: 'undo' });
    expect(sent).toEqual([]);
  });

  it('menu items publish appCommand events from the closed list', () => {
    const bus = new EventBus({ validate: true });
    const commands: string[] = [];
    bus.subscribe('appCommand', ({ command }) => commands.push(command));
    installAppMenu(bus);
    const items = menuTemplate.flatMap((menu) => menu.submenu ?? []);
    items.find((item) => item.label === 'Import…')?.click?.();
    items.find((item) => item.label === 'Undo')?.click?.();
    expect(commands).toEqual(['import', 'undo']);
  });
});

describe('preload event bridge', () => {
  type EventsBridge = { on: (name: unknown, handler: unknown) => () => void };
  const bridge = () => exposed.get(EVENTS_BRIDGE_GLOBAL) as EventsBridge;

  it('exposes only `on`, frozen', () => {
    expect(Object.keys(bridge())).toEqual(['on']);
    expect(Object.isFrozen(bridge())).toBe(true);
  });

  it('subscribes registered events only, hands the handler the payload alone, and unsubscribes', () => {
    for (const name of ['ipc-anything', 'marginalia:event:storeChanged', '__proto__', 42]) {
      expect(() => bridge().on(name, () => undefined)).toThrow(/Unknown event/);
    }
    expect(() => bridge().on('storeChanged', 'not a function')).toThrow();
    expect(rendererListeners.size).toBe(0);

    const received: unknown[][] = [];
    const off = bridge().on('jobProgress', (...args: unknown[]) => received.push(args));
    const channel = eventChannelOf('jobProgress');
    expect([...rendererListeners.keys()]).toEqual([channel]);
    rendererListeners.get(channel)?.forEach((listener) => listener({ sender: 'ipc internals' }, { kind: 'x' }));
    expect(received).toEqual([[{ kind: 'x' }]]);
    off();
    expect(rendererListeners.get(channel)?.size).toBe(0);
    expect(EVENT_NAMES).toContain('jobProgress');
  });
});
