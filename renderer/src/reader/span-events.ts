import type { Annotation } from '../../../shared/domain/schemas';

/** What changed in the open article's spans; painters and lists apply exactly this. */
export interface SpanChange {
  upserted: readonly Annotation[];
  removed: readonly Annotation[];
}

type Listener = (change: SpanChange) => void;

/**
 * A tiny event channel beside the zustand store: the highlight painter needs the delta of
 * each change (to repaint only that), not a new snapshot of 10,000 spans to diff.
 */
export class SpanEvents {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: SpanChange): void {
    if (change.upserted.length === 0 && change.removed.length === 0) return;
    for (const listener of this.listeners) listener(change);
  }
}
