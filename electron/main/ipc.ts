import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, ipcChannelOf, type ApiHandlers } from '../../shared/contract';
import type { CallResult } from '../../shared/contract/errors';
import { dispatchCall } from '../../shared/contract/dispatch';
import { eventChannelOf } from '../../shared/contract/event-names';
import type { EventBus } from '../services/events/event-bus';
import { APP_ORIGIN } from './app-protocol';

function isAppUrl(address: string): boolean {
  try {
    // Not URL.origin: for a custom scheme Node's URL reports the origin "null".
    const url = new URL(address);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Only our own top-level page may call the API; an iframe or a navigated page may not. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(handlers: ApiHandlers, log: (message: string) => void): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannelOf(name), async (event, payload: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`Refused ${name} from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`);
        return {
          ok: false,
          error: { code: 'invalid_input', message: 'Calls are only accepted from the Marginalia window.' },
        };
      }
      return dispatchCall(handlers, name, payload, (call, error) =>
        log(`call ${call} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
    });
  }
}

/**
 * Sends every workbench event to the app window, on the event's own channel, and to no other
 * page: not while the window is gone or shows anything but the app. Returns the unsubscribe.
 */
export function forwardEventsToWindow(
  events: Pick<EventBus, 'subscribeAll'>,
  getWindow: () => BrowserWindow | null,
): () => void {
  return events.subscribeAll(({ name, payload }) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || !isAppUrl(window.webContents.getURL())) return;
    window.webContents.send(eventChannelOf(name), payload);
  });
}
