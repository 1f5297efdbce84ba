import type { ReaderSpan as Span } from '../../../../shared/contract/reader';
import { IntervalIndex } from '../../../../shared/domain/interval-index';
import type { AppliedChanges, Change, ChangeSet } from '../../../../shared/domain/changes';
import {
  patchValues,
  sameValues,
  type AttributePatch,
  type AttributeValue,
} from '../../../../shared/domain/attributes';
import type { SyncTransport } from './transport';

export type { Span };
export type SpanPatch = Partial<Omit<Span, 'id' | 'attributes'>>;
/** The open article's document field values by field key. */
export type FieldValues = Readonly<Record<string, AttributeValue>>;

/** What changed in the open article's spans; painters and lists apply exactly this. */
export interface SpanChange {
  upserted: readonly Span[];
  removed: readonly Span[];
  /** Temporary ids that became saved ids in this change (a selection follows them). */
  renamed: ReadonlyMap<number, number>;
}

/** The read side of the span index, for the painter, lists and hit-testing. */
export type SpanQueries = Pick<
  IntervalIndex<Span>,
  'get' | 'all' | 'covering' | 'intersecting' | 'innermostAt' | 'size'
>;

export type StepKind = 'write' | 'undo' | 'redo';
/** How one queued step ended: the backend's answer (history, summary), or why it refused. */
export type Settled =
  { kind: StepKind; ok: true; applied: AppliedChanges | null } | { kind: StepKind; ok: false; error: unknown };

type LocalChange =
  | { kind: 'create'; span: Span }
  /** `attributes` is a patch of values (null clears one), merged into the span's. */
  | { kind: 'update'; id: number; patch: SpanPatch; attributes?: AttributePatch }
  | { kind: 'delete'; id: number }
  | { kind: 'field'; key: string; value: AttributeValue | null };

interface Step {
  kind: StepKind;
  /** What the user did, on temporary ids until their creates are confirmed; empty for undo/redo. */
  changes: LocalChange[];
  settled: Promise<void>;
  finish: () => void;
}

/**
 * The open article's spans and every write to them, without React or the DOM.
 *
 * It keeps two things: `confirmed`, the spans as the backend last reported them, and `queue`,
 * the user's steps not yet confirmed, in the order they were made. What the reader shows is
 * always `confirmed` with the queued steps replayed on top. Steps are sent one at a time, in
 * order (a step may name a span whose saved id only the previous step's answer gives). When a
 * step is confirmed it leaves the queue and its answer enters `confirmed`; when it is refused
 * it simply leaves the queue. Either way the spans it touched are recomputed by replay, so a
 * refusal undoes exactly that step and keeps every later one, and a late confirmation cannot
 * bring back a span that a later queued step deletes.
 */
export class DocumentSync {
  private readonly confirmed = new Map<number, Span>();
  private readonly shown: IntervalIndex<Span>;
  private readonly queue: Step[] = [];
  private sending = false;
  private nextTemporaryId = -1;
  /** Temporary id → saved id, for callers still holding a temporary id (a key pressed meanwhile). */
  private readonly savedIds = new Map<number, number>();
  private readonly spanListeners = new Set<(change: SpanChange) => void>();
  private readonly settledListeners = new Set<(settled: Settled) => void>();
  /** The article's document fields, confirmed and as shown (confirmed + queued field edits). */
  private confirmedFields: Record<string, AttributeValue>;
  private shownFields: FieldValues;
  private readonly fieldListeners = new Set<(fields: FieldValues) => void>();

  constructor(
    readonly articleId: number,
    spans: Iterable<Span>,
    private readonly transport: SyncTransport,
    fields: FieldValues = {},
  ) {
    for (const span of spans) this.confirmed.set(span.id, span);
    this.shown = new IntervalIndex(this.confirmed.values());
    this.confirmedFields = { ...fields };
    this.shownFields = this.confirmedFields;
  }

  /** The document fields as the user sees them (confirmed + pending edits). */
  get fields(): FieldValues {
    return this.shownFields;
  }

  onFields(listener: (fields: FieldValues) => void): () => void {
    this.fieldListeners.add(listener);
    return () => this.fieldListeners.delete(listener);
  }

  /** The spans as the user sees them (confirmed + pending steps). */
  get spans(): SpanQueries {
    return this.shown;
  }

  onSpans(listener: (change: SpanChange) => void): () => void {
    this.spanListeners.add(listener);
    return () => this.spanListeners.delete(listener);
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /**
   * Stops span notifications (the view is gone). Queued writes are still sent, since closing the
   * article must not lose them, and still settle, so a late refusal can still be reported.
   */
  dispose(): void {
    this.spanListeners.clear();
    this.fieldListeners.clear();
  }

  /** The saved id of a span created here, or the id itself. */
  savedIdOf(id: number): number {
    return this.savedIds.get(id) ?? id;
  }

  /** Resolves once every step queued so far (and after) has been confirmed or refused. */
  async whenIdle(): Promise<void> {
    while (this.queue.length) await this.queue[this.queue.length - 1]?.settled;
  }

  /** Shows a new span at once under a temporary (negative) id and queues its creation. */
  create(fields: Omit<Span, 'id'>): { id: number; settled: Promise<void> } {
    assertRange(fields);
    const span: Span = { id: this.nextTemporaryId--, ...fields };
    return { id: span.id, settled: this.queueStep('write', [{ kind: 'create', span }]) };
  }

  /** Nothing is queued when the span is gone or the patch changes nothing. */
  update(id: number, patch: SpanPatch): Promise<void> {
    const current = this.shown.get(this.savedIdOf(id));
    if (!current || sameSpan(current, { ...current, ...patch })) return Promise.resolve();
    assertRange({ ...current, ...patch });
    return this.queueStep('write', [{ kind: 'update', id: current.id, patch }]);
  }

  /**
   * Sets or clears (null) attribute values of a span, in the same queue as its other edits.
   * Nothing is queued when the span is gone or no value changes.
   */
  setAttributes(id: number, attributes: AttributePatch): Promise<void> {
    const current = this.shown.get(this.savedIdOf(id));
    if (!current || sameValues(current.attributes, patchValues(current.attributes, attributes))) {
      return Promise.resolve();
    }
    return this.queueStep('write', [{ kind: 'update', id: current.id, patch: {}, attributes }]);
  }

  /** Sets or clears (null) a document field of the article; queued after the edits before it. */
  setField(key: string, value: AttributeValue | null): Promise<void> {
    if (JSON.stringify(this.shownFields[key] ?? null) === JSON.stringify(value)) return Promise.resolve();
    return this.queueStep('write', [{ kind: 'field', key, value }]);
  }

  delete(id: number): Promise<void> {
    const current = this.shown.get(this.savedIdOf(id));
    if (!current) return Promise.resolve();
    return this.queueStep('write', [{ kind: 'delete', id: current.id }]);
  }

  /** Queued like a write, so it undoes the last step the user made even if that is still pending. */
  undo(): Promise<void> {
    return this.queueStep('undo', []);
  }

  redo(): Promise<void> {
    return this.queueStep('redo', []);
  }

  /** Applies changes made elsewhere (another window, the command line) under the pending steps. */
  receive(applied: AppliedChanges): void {
    if (applied.articleId !== this.articleId) return;
    this.refresh(this.confirm(applied), new Map());
    this.refreshFields();
  }

  private queueStep(kind: StepKind, changes: LocalChange[]): Promise<void> {
    let finish = () => {};
    const settled = new Promise<void>((resolve) => (finish = resolve));
    this.queue.push({ kind, changes, settled, finish });
    this.refresh(touchedIds(changes), new Map());
    this.refreshFields();
    void this.sendQueued();
    return settled;
  }

  private async sendQueued(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let step = this.queue[0]; step; step = this.queue[0]) {
        let settled: Settled;
        try {
          const applied = await this.send(step);
          settled = { kind: step.kind, ok: true, applied };
          this.queue.shift();
          this.confirmStep(step, applied);
        } catch (error) {
          settled = { kind: step.kind, ok: false, error };
          this.queue.shift();
          this.refuseStep(step);
        }
        for (const listener of this.settledListeners) listener(settled);
        step.finish();
      }
    } finally {
      this.sending = false;
    }
  }

  private send(step: Step): Promise<AppliedChanges | null> {
    if (step.kind === 'undo') return this.transport.undo(this.articleId);
    if (step.kind === 'redo') return this.transport.redo(this.articleId);
    const changeSet: ChangeSet = {
      articleId: this.articleId,
      origin: 'manual',
      changes: step.changes.map(this.toChange),
    };
    return this.transport.apply(changeSet);
  }

  private readonly toChange = (change: LocalChange): Change => {
    if (change.kind === 'create') {
      const { id, ...fields } = change.span;
      return { kind: 'annotation.create', ref: String(id), annotation: { articleId: this.articleId, ...fields } };
    }
    if (change.kind === 'field') {
      return { kind: 'fieldValue.set', articleId: this.articleId, key: change.key, value: change.value };
    }
    // Ids were rewritten when the create before was confirmed; a negative one here is a bug.
    if (change.id < 0) throw new Error(`span ${change.id} was never saved`);
    if (change.kind === 'delete') return { kind: 'annotation.delete', id: change.id };
    const patch = change.attributes ? { ...change.patch, attributes: change.attributes } : change.patch;
    return { kind: 'annotation.update', id: change.id, patch };
  };

  /** Records what the backend now holds; returns the ids whose confirmed value changed. */
  private confirm(applied: AppliedChanges | null): Set<number> {
    const changed = new Set<number>();
    if (!applied) return changed;
    for (const id of applied.removed) {
      this.confirmed.delete(id);
      changed.add(id);
    }
    for (const annotation of applied.upserted) {
      this.confirmed.set(annotation.id, spanOf(annotation));
      changed.add(annotation.id);
    }
    for (const field of applied.fields ?? []) {
      if (field.articleId !== this.articleId) continue;
      const { [field.key]: _previous, ...others } = this.confirmedFields;
      this.confirmedFields = field.value === null ? others : { ...others, [field.key]: field.value };
    }
    return changed;
  }

  private confirmStep(step: Step, applied: AppliedChanges | null): void {
    const renamed = new Map<number, number>();
    for (const change of step.changes) {
      const savedId = change.kind === 'create' ? applied?.createdIds[String(change.span.id)] : undefined;
      if (change.kind === 'create' && savedId !== undefined) renamed.set(change.span.id, savedId);
    }
    for (const [temporaryId, savedId] of renamed) this.savedIds.set(temporaryId, savedId);
    // Later steps made on the temporary ids now name the saved ones.
    for (const queued of this.queue) {
      for (const change of queued.changes) {
        if (change.kind === 'update' || change.kind === 'delete') change.id = renamed.get(change.id) ?? change.id;
      }
    }
    const affected = this.confirm(applied);
    for (const id of touchedIds(step.changes)) affected.add(id);
    this.refresh(affected, renamed);
    this.refreshFields();
  }

  /**
   * The refused step leaves the queue, so replay drops exactly its effect. Edits queued on a span
   * whose creation was refused can never be sent: they are dropped silently (the create's
   * refusal is the one message the user needs).
   */
  private refuseStep(step: Step): void {
    const neverSaved = new Set(step.changes.flatMap((change) => (change.kind === 'create' ? [change.span.id] : [])));
    if (neverSaved.size) {
      for (const queued of [...this.queue]) {
        queued.changes = queued.changes.filter(
          (change) => change.kind === 'create' || change.kind === 'field' || !neverSaved.has(change.id),
        );
        if (queued.kind === 'write' && queued.changes.length === 0) {
          this.queue.splice(this.queue.indexOf(queued), 1);
          queued.finish();
        }
      }
    }
    this.refresh(touchedIds(step.changes), new Map());
    this.refreshFields();
  }

  /** The span as the user should see it: confirmed, then every queued step in order. */
  private replay(id: number): Span | undefined {
    let span = this.confirmed.get(id);
    for (const step of this.queue) {
      for (const change of step.changes) {
        if (change.kind === 'field') continue;
        if (change.kind === 'create') {
          if (change.span.id === id) span = change.span;
        } else if (change.id === id) {
          span = change.kind === 'delete' || !span ? undefined : patched(span, change.patch, change.attributes);
        }
      }
    }
    return span;
  }

  /** Recomputes the shown fields (confirmed + queued field edits) and tells the listeners when they moved. */
  private refreshFields(): void {
    let fields: Record<string, AttributeValue> = this.confirmedFields;
    for (const step of this.queue) {
      for (const change of step.changes) {
        if (change.kind !== 'field') continue;
        const { [change.key]: _previous, ...others } = fields;
        fields = change.value === null ? others : { ...others, [change.key]: change.value };
      }
    }
    if (JSON.stringify(fields) === JSON.stringify(this.shownFields)) return;
    this.shownFields = fields;
    for (const listener of this.fieldListeners) listener(fields);
  }

  /** Brings the shown spans with these ids up to date and tells the listeners what moved. */
  private refresh(ids: Iterable<number>, renamed: ReadonlyMap<number, number>): void {
    const upserted: Span[] = [];
    const removed: Span[] = [];
    for (const id of ids) {
      const wanted = this.replay(id);
      const current = this.shown.get(id);
      if (!wanted) {
        if (current && this.shown.remove(id)) removed.push(current);
      } else if (!current) {
        this.shown.add(wanted);
        upserted.push(wanted);
      } else if (!sameSpan(current, wanted)) {
        this.shown.update(wanted);
        upserted.push(wanted);
      }
    }
    if (upserted.length === 0 && removed.length === 0) return;
    const change: SpanChange = { upserted, removed, renamed };
    for (const listener of this.spanListeners) listener(change);
  }
}

function touchedIds(changes: readonly LocalChange[]): Set<number> {
  return new Set(
    changes.flatMap((change) =>
      change.kind === 'field' ? [] : [change.kind === 'create' ? change.span.id : change.id],
    ),
  );
}

/** A span with an update replayed on it; attribute values are merged, an emptied map dropped. */
function patched(span: Span, patch: SpanPatch, attributes: AttributePatch | undefined): Span {
  const { attributes: current, ...rest } = { ...span, ...patch };
  const values = attributes ? patchValues(current, attributes) : current;
  return values && Object.keys(values).length > 0 ? { ...rest, attributes: values } : rest;
}

/** Only the fields the reader uses, so a confirmation that changes only timestamps repaints nothing. */
function spanOf({ id, labelKey, start, end, quote, note, attributes }: Span): Span {
  return { id, labelKey, start, end, quote, note, ...(attributes ? { attributes } : {}) };
}

/** Checked before a step is queued: a queued step must replay cleanly. */
function assertRange({ start, end }: { start: number; end: number }): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end)) {
    throw new RangeError(`a span needs 0 <= start < end, got [${start}, ${end})`);
  }
}

function sameSpan(a: Span, b: Span): boolean {
  return (
    a.id === b.id &&
    a.labelKey === b.labelKey &&
    a.start === b.start &&
    a.end === b.end &&
    a.quote === b.quote &&
    a.note === b.note &&
    sameValues(a.attributes, b.attributes)
  );
}
