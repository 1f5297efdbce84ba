/**
 * Pushed events, the other half of the contract: each one a name and a zod payload schema.
 * Services publish them on the workbench's EventBus; Electron sends them to the window over
 * IPC and the browser host streams them as Server-Sent Events, both derived from this registry,
 * and the renderer's client parses every payload with the same schema.
 */
import { z } from 'zod';
import { APP_COMMANDS } from './app-commands';
import type { EventName } from './event-names';
import { PreannotationJobSchema } from './assist';
import { AnnotateAllJobSchema } from './corpus';
import { ExportJobSchema } from './exports';
import { ImportJobSchema } from './imports';
import { AppliedChangesSchema } from '../domain/changes';
import { ArticleIdSchema } from '../domain/schemas';

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export function defineEvent<P extends z.ZodType>(payload: P): EventSpec<P> {
  return { payload };
}

const ListStartSchema = z.number().int().nonnegative();

/**
 * A job's progress as a delta: the job's scalar fields as they are now, but its lists hold only
 * the items added since the previous event, starting at index `from[list]` of the full list.
 * A follower that holds fewer items than `from` missed an event and fetches a snapshot.
 */
export const JobProgressSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), job: ImportJobSchema, from: z.object({ results: ListStartSchema }) }),
  z.object({
    kind: z.literal('export'),
    job: ExportJobSchema,
    from: z.object({ leftOut: ListStartSchema, widened: ListStartSchema }),
  }),
  z.object({ kind: z.literal('preannotate'), job: PreannotationJobSchema, from: z.object({}) }),
  z.object({ kind: z.literal('annotateAll'), job: AnnotateAllJobSchema, from: z.object({}) }),
]);
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const eventContract = {
  /** A write went through the change pipeline: made here (`local`) or seen from elsewhere. */
  changesApplied: defineEvent(AppliedChangesSchema.extend({ source: z.enum(['local', 'external']) })),
  /**
   * Another process or connection (the command line, an import worker, a second app) committed
   * to the store: these articles changed (their annotations, status or fields); `library` when
   * articles were added or removed.
   */
  storeChanged: defineEvent(z.object({ articleIds: z.array(ArticleIdSchema), library: z.boolean() })),
  /** An import, export, pre-annotation or annotate-all job moved on (at most about ten a second, plus its final state). */
  jobProgress: defineEvent(JobProgressSchema),
  /** A desktop menu item was chosen. */
  appCommand: defineEvent(z.object({ command: z.enum(APP_COMMANDS) })),
} satisfies Record<EventName, EventSpec>;

export type EventContract = typeof eventContract;
export type EventPayload<N extends EventName> = z.output<EventContract[N]['payload']>;
/** One event with its name, as a transport carries it. */
export type AnyEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];
export type EventHandler<N extends EventName> = (payload: EventPayload<N>) => void;

/** The renderer's view of the events: subscribe by name; the result unsubscribes. */
export interface EventsClient {
  on<N extends EventName>(name: N, handler: EventHandler<N>): () => void;
  /**
   * Called when the event stream (re)connects after a break, when events may have been lost:
   * followers fetch a fresh snapshot.
   */
  onResync(handler: () => void): () => void;
}

export { EVENT_NAMES, eventChannelOf, isEventName, type EventName } from './event-names';
