import { IntervalIndex } from '../../../../shared/domain/interval-index';
import type { AppliedChanges } from './changes';
import type { SyncTransport } from './transport';

/** A span as the reader holds it: the stored annotation's fields the view uses. */
export interface Span {
  id: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}
export type SpanPatch = Partial<Pick<Span, 'labelKey' | 'start' | 'end' | 'quote' | 'note'>>;

/** What changed in the open article's spans; painters and lists apply exactly this. */
export interface SpanChange {
  upserted: readonly Span[];
  removed: readonly Span[];
  /** Temporary ids that became saved ids in this change (a selection follows them). */
  renamed: ReadonlyMap<number, number>;
}

export type StepKind = 'write' | 'undo' | 'redo';
export type Settled =
  { kind: StepKind; ok: true; applied: AppliedChanges | null } | { kind: StepKind; ok: false; error: unknown };

/** FAITHFUL PORT of reader-store.ts's module state (861d706, 25c3917, b89f01c), for the tests. */
export class DocumentSync {
  private readonly index: IntervalIndex<Span>;
  private readonly spanListeners = new Set<(change: SpanChange) => void>();
  private readonly settledListeners = new Set<(settled: Settled) => void>();
  private nextTemporaryId = -1;
  private readonly savedIds = new Map<number, number>();
  private writeQueue: Promise<void> = Promise.resolve();

  constructor(
    readonly articleId: number,
    spans: Iterable<Span>,
    private readonly transport: SyncTransport,
  ) {
    this.index = new IntervalIndex(spans);
  }

  get spans(): Pick<IntervalIndex<Span>, 'get' | 'all' | 'covering' | 'intersecting' | 'innermostAt' | 'size'> {
    return this.index;
  }

  onSpans(listener: (change: SpanChange) => void): () => void {
    this.spanListeners.add(listener);
    return () => this.spanListeners.delete(listener);
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  savedIdOf(id: number): number {
    return this.savedIds.get(id) ?? id;
  }

  whenIdle(): Promise<void> {
    return this.writeQueue;
  }

  create(fields: Omit<Span, 'id'>): { id: number; settled: Promise<void> } {
    const draft: Span = { id: this.nextTemporaryId--, ...fields };
    const settled = this.optimistic({
      apply: { upserted: [draft], removed: [] },
      undoOnFailure: { upserted: [], removed: [draft] },
      write: () =>
        this.transport.apply({
          articleId: this.articleId,
          origin: 'manual',
          changes: [
            {
              kind: 'annotation.create',
              ref: String(draft.id),
              annotation: { articleId: this.articleId, ...fields },
            },
          ],
        }),
      onSaved: (applied) => {
        const savedId = applied.createdIds[String(draft.id)] as number;
        this.savedIds.set(draft.id, savedId);
        const current = this.index.get(draft.id);
        if (current) this.applyChange({ upserted: [{ ...current, id: savedId }], removed: [current] });
      },
    });
    return { id: draft.id, settled };
  }

  update(id: number, patch: SpanPatch): Promise<void> {
    const current = this.index.get(id);
    if (!current) return Promise.resolve();
    return this.optimistic({
      apply: { upserted: [{ ...current, ...patch }], removed: [] },
      undoOnFailure: { upserted: [current], removed: [] },
      write: () =>
        this.transport.apply({
          articleId: this.articleId,
          origin: 'manual',
          changes: [{ kind: 'annotation.update', id: this.savedIdOf(id), patch }],
        }),
    });
  }

  delete(id: number): Promise<void> {
    const current = this.index.get(id);
    if (!current) return Promise.resolve();
    return this.optimistic({
      apply: { upserted: [], removed: [current] },
      undoOnFailure: { upserted: [current], removed: [] },
      write: () =>
        this.transport.apply({
          articleId: this.articleId,
          origin: 'manual',
          changes: [{ kind: 'annotation.delete', id: this.savedIdOf(id) }],
        }),
    });
  }

  undo(): Promise<void> {
    return this.historyStep('undo', () => this.transport.undo(this.articleId));
  }

  redo(): Promise<void> {
    return this.historyStep('redo', () => this.transport.redo(this.articleId));
  }

  private emit(settled: Settled): void {
    for (const listener of this.settledListeners) listener(settled);
  }

  private applyChange(change: { upserted: Span[]; removed: Span[] }): void {
    for (const span of change.removed) this.index.remove(span.id);
    for (const span of change.upserted) {
      if (this.index.get(span.id)) this.index.update(span);
      else this.index.add(span);
    }
    const full = { ...change, renamed: new Map<number, number>() };
    for (const listener of this.spanListeners) listener(full);
  }

  private queueWrite(write: () => Promise<void>): Promise<void> {
    this.writeQueue = this.writeQueue.then(write, write);
    return this.writeQueue;
  }

  private async optimistic(change: {
    apply: { upserted: Span[]; removed: Span[] };
    undoOnFailure: { upserted: Span[]; removed: Span[] };
    write: () => Promise<AppliedChanges>;
    onSaved?: (applied: AppliedChanges) => void;
  }): Promise<void> {
    this.applyChange(change.apply);
    await this.queueWrite(async () => {
      try {
        const saved = await change.write();
        change.onSaved?.(saved);
        this.emit({ kind: 'write', ok: true, applied: saved });
      } catch (error) {
        const saved = (span: Span) => ({ ...span, id: this.savedIdOf(span.id) });
        this.applyChange({
          upserted: change.undoOnFailure.upserted.map(saved),
          removed: change.undoOnFailure.removed.map(saved).filter((span) => this.index.get(span.id)),
        });
        this.emit({ kind: 'write', ok: false, error });
      }
    });
  }

  private async historyStep(kind: 'undo' | 'redo', step: () => Promise<AppliedChanges | null>): Promise<void> {
    await this.queueWrite(async () => {
      try {
        const applied = await step();
        if (applied) {
          const removed = applied.removed.map((id) => this.index.get(id)).filter((s): s is Span => s !== undefined);
          this.applyChange({ upserted: applied.upserted, removed });
        }
        this.emit({ kind, ok: true, applied });
      } catch (error) {
        this.emit({ kind, ok: false, error });
      }
    });
  }
}
