import type { WorkbenchHolder } from '../backup/workbench-holder';
import type { Workbench } from '../workbench';
import { EventBus } from './event-bus';

/**
 * One event bus for a front end whose workbench a restore may replace: it forwards the events
 * of whichever workbench the holder has open now, so a transport subscribed once (the SSE route,
 * the Electron window) keeps receiving them after a restore, and while the database is damaged
 * (no workbench) it still carries the front end's own events, such as menu commands.
 */
export function followHeldWorkbench(holder: Pick<WorkbenchHolder, 'currentOrNull' | 'onOpen'>): EventBus {
  const bus = new EventBus();
  let stopForwarding = (): void => undefined;
  const follow = (workbench: Workbench) => {
    stopForwarding();
    stopForwarding = workbench.events.subscribeAll(({ name, payload }) => bus.publish(name, payload as never));
  };
  if (holder.currentOrNull) follow(holder.currentOrNull);
  holder.onOpen(follow);
  return bus;
}
