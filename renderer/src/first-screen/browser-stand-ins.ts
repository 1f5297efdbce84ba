/**
 * The few browser globals the app's modules read as they load or as they render, standing in for
 * a fresh browser profile (empty storage, no preload bridge) at the library's address, for the
 * first screen's render outside a browser (render-first-screen.ts). Imported first by that module,
 * which runs in a worker thread of its own (electron/services/first-screen/), so these never reach
 * the host's globals. Nothing here runs in the page: the page's modules read the real ones.
 */
import { FIRST_SCREEN_WINDOW } from './in-page';

/** Storage that starts empty and keeps what is set, as a fresh profile's. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const noop = () => undefined;

/** An event stream that never opens: stores subscribe to the host's events as they load. */
class ClosedEventSource {
  addEventListener = noop;
  removeEventListener = noop;
  close = noop;
}

const standIns: Record<string, unknown> = {
  window: globalThis,
  self: globalThis,
  location: new URL('http://localhost/'),
  localStorage: new MemoryStorage(),
  sessionStorage: new MemoryStorage(),
  navigator: { language: 'en' },
  document: {
    documentElement: { lang: '' },
    getElementById: () => null,
    addEventListener: noop,
    removeEventListener: noop,
  },
  // The window the first screen is rendered for (the library's list fills its height).
  innerWidth: FIRST_SCREEN_WINDOW.width,
  innerHeight: FIRST_SCREEN_WINDOW.height,
  devicePixelRatio: 1,
  EventSource: ClosedEventSource,
  addEventListener: noop,
  removeEventListener: noop,
};

for (const [name, value] of Object.entries(standIns))
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
