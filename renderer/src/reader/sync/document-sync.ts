import type { ReaderRelation as Relation, ReaderSpan as Span } from '../../../../shared/contract/reader';
import { IntervalIndex } from '../../../../shared/domain/interval-index';
import type { AppliedChanges, Change, ChangeOrigin, ChangeSet } from '../../../../shared/domain/changes';
import {
  patchValues,
  sameValues,
  type AttributePatch,
  type AttributeValue,
} from '../../../../shared/domain/attributes';
import type { EntitySummary } from '../../../../shared/domain/entities';
import type { SyncTransport } from './transport';

export type { Relation, Span };
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

/** What changed in the open article's relations; the arc layer and the sidebar apply exactly this. */
export interface RelationChange {
  upserted: readonly Relation[];
  removed: readonly Relation[];
}

/** The read side of the relations, for the arc layer and the sidebar. */
export interface RelationQueries {
  get(id: number): Relation | undefined;
  all(): Iterable<Relation>;
  /** The relations with this span at either end, by id. */
  touching(spanId: number): Relation[];
  readonly size: number;
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

/** A span's link as the reader shows it; `entityId` is null for an entity the queued step creates. */
export interface ShownLink {
  entityId: number | null;
  name: string;
  typeLabelKey: string;
}

/** What a link step does: link to a known entity, to a new one made from the span, or unlink (null). */
export type LinkTarget =
  { entity: EntitySummary; allowTypeMismatch?: boolean } | { newEntity: Omit<EntitySummary, 'id'> } | null;

type LocalChange =
  | { kind: 'create'; span: Span }
  /** `attributes` is a patch of values (null clears one), merged into the span's. */
  | { kind: 'update'; id: number; patch: SpanPatch; attributes?: AttributePatch }
  | { kind: 'delete'; id: number }
  | { kind: 'field'; key: string; value: AttributeValue | null }
  | { kind: 'link'; id: number; target: LinkTarget }
  | { kind: 'relationCreate'; relation: Relation }
  | { kind: 'relationUpdate'; id: number; typeKey: string }
  | { kind: 'relationDelete'; id: number };

const isRelationChange = (
  change: LocalChange,
): change is Extract<LocalChange, { kind: 'relationCreate' | 'relationUpdate' | 'relationDelete' }> =>
  change.kind.startsWith('relation');

/** Create refs of relations, apart from the spans' ("-1") since both use negative temporary ids. */
const relationRef = (temporaryId: number): string => `relation${temporaryId}`;

/** An answer of ours whose echo (the same commit, pushed back as an event) has not arrived yet. */
interface AwaitedEcho {
  fingerprint: string;
  /** The spans the answer set: events older than it must not overwrite them. */
  ids: ReadonlySet<number>;
  /** The relations the answer set, likewise. */
  relationIds: ReadonlySet<number>;
  /** The document fields the answer set, likewise. */
  fieldKeys: ReadonlySet<string>;
}

interface Step {
  kind: StepKind;
  /** What the user did, on temporary ids until their creates are confirmed; empty for undo/redo. */
  changes: LocalChange[];
  /** How the step's spans were made: by hand, or accepted suggestions (`model`). */
  origin: ChangeOrigin;
  /** Changes of other families sent in the same set, after the span changes (e.g. `assist.reject`). */
  others: Change[];
  settled: Promise<void>;
  finish: () => void;
}

/**
 * The open article's spans and relations and every write to them, without React or the DOM.
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
  /** A step has been sent and not answered: events wait, since they may be its echo or newer. */
  private awaitingAnswer = false;
  private readonly heldEvents: AppliedChanges[] = [];
  /** Our answers in commit order whose echoes have not arrived (see `receive`). */
  private readonly awaitedEchoes: AwaitedEcho[] = [];
  private nextTemporaryId = -1;
  /** Temporary id → saved id, for callers still holding a temporary id (a key pressed meanwhile). */
  private readonly savedIds = new Map<number, number>();
  /** Saved id → the temporary id the span was first shown under (the reverse of `savedIds`). */
  private readonly firstIds = new Map<number, number>();
  private readonly spanListeners = new Set<(change: SpanChange) => void>();
  private readonly confirmedRelations = new Map<number, Relation>();
  private readonly shownRelations = new ShownRelations();
  private nextTemporaryRelationId = -1;
  private readonly savedRelationIds = new Map<number, number>();
  private readonly relationListeners = new Set<(change: RelationChange) => void>();
  /** Span id → entity id, as the backend last reported (the open article's spans only). */
  private readonly confirmedLinks = new Map<number, number>();
  /** Names and types of the entities the links name, as last reported. */
  private readonly entities = new Map<number, EntitySummary>();
  private readonly linkListeners = new Set<() => void>();
  private readonly settledListeners = new Set<(settled: Settled) => void>();
  private readonly externalListeners = new Set<(applied: AppliedChanges) => void>();
  /** The article's document fields, confirmed and as shown (confirmed + queued field edits). */
  private confirmedFields: Record<string, AttributeValue>;
  private shownFields: FieldValues;
  private readonly fieldListeners = new Set<(fields: FieldValues) => void>();

  constructor(
    readonly articleId: number,
    spans: Iterable<Span>,
    private readonly transport: SyncTransport,
    relations: Iterable<Relation> = [],
    fields: FieldValues = {},
    links: { annotationIds: readonly number[]; entityIds: readonly number[]; entities: readonly EntitySummary[] } = {
      annotationIds: [],
      entityIds: [],
      entities: [],
    },
  ) {
    for (const span of spans) this.confirmed.set(span.id, span);
    this.shown = new IntervalIndex(this.confirmed.values());
    for (const relation of relations) {
      this.confirmedRelations.set(relation.id, relation);
      this.shownRelations.put(relation);
    }
    links.annotationIds.forEach((id, index) => this.confirmedLinks.set(id, links.entityIds[index] as number));
    for (const entity of links.entities) this.entities.set(entity.id, entity);
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

  /** The relations as the user sees them (confirmed + pending steps). */
  get relations(): RelationQueries {
    return this.shownRelations;
  }

  onRelations(listener: (change: RelationChange) => void): () => void {
    this.relationListeners.add(listener);
    return () => this.relationListeners.delete(listener);
  }

  /** The saved id of a relation created here, or the id itself. */
  savedRelationIdOf(id: number): number {
    return this.savedRelationIds.get(id) ?? id;
  }

  /**
   * Shows a new relation at once under a temporary (negative) id and queues its creation. The
   * backend checks the rule (allowed labels, one article, not to itself, no duplicate); a refusal
   * takes it away again and reaches `onSettled`.
   */
  createRelation(fields: Omit<Relation, 'id'>): { id: number; settled: Promise<void> } {
    const relation: Relation = {
      id: this.nextTemporaryRelationId--,
      typeKey: fields.typeKey,
      headId: this.savedIdOf(fields.headId),
      tailId: this.savedIdOf(fields.tailId),
    };
    return { id: relation.id, settled: this.queueStep('write', [{ kind: 'relationCreate', relation }]) };
  }

  retypeRelation(id: number, typeKey: string): Promise<void> {
    const current = this.shownRelations.get(this.savedRelationIdOf(id));
    if (!current || current.typeKey === typeKey) return Promise.resolve();
    return this.queueStep('write', [{ kind: 'relationUpdate', id: current.id, typeKey }]);
  }

  deleteRelation(id: number): Promise<void> {
    const current = this.shownRelations.get(this.savedRelationIdOf(id));
    if (!current) return Promise.resolve();
    return this.queueStep('write', [{ kind: 'relationDelete', id: current.id }]);
  }

  /** The spans as the user sees them (confirmed + pending steps). */
  get spans(): SpanQueries {
    return this.shown;
  }

  onSpans(listener: (change: SpanChange) => void): () => void {
    this.spanListeners.add(listener);
    return () => this.spanListeners.delete(listener);
  }

  /** Called when any span's shown link may have changed (links are few; readers ask `linkOf`). */
  onLinks(listener: () => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /** The span's link as shown: confirmed, then every queued link step in order. */
  linkOf(id: number): ShownLink | undefined {
    const savedId = this.savedIdOf(id);
    const confirmedId = this.confirmedLinks.get(savedId);
    let link: ShownLink | undefined = confirmedId === undefined ? undefined : this.shownEntity(confirmedId);
    for (const step of this.queue) {
      for (const change of step.changes) {
        if (change.kind === 'delete' && change.id === savedId) link = undefined;
        if (change.kind !== 'link' || change.id !== savedId) continue;
        const { target } = change;
        if (target === null) link = undefined;
        else if ('newEntity' in target) link = { entityId: null, ...target.newEntity };
        else link = this.shownEntity(target.entity.id);
      }
    }
    return link;
  }

  /**
   * Links the span to an entity (or a new one made from it), or unlinks it (null): shown at once,
   * sent in order with the span's other steps, on the article's undo stack.
   */
  link(id: number, target: LinkTarget): Promise<void> {
    const current = this.shown.get(this.savedIdOf(id));
    if (!current) return Promise.resolve();
    if (target && 'entity' in target) this.entities.set(target.entity.id, target.entity);
    return this.queueStep('write', [{ kind: 'link', id: current.id, target }]);
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  /**
   * Changes made elsewhere that were applied, when they are the newest state the sync knows (a
   * change older than one of our own answers is applied to the spans but not reported, so its
   * history and summary cannot overwrite newer ones).
   */
  onExternal(listener: (applied: AppliedChanges) => void): () => void {
    this.externalListeners.add(listener);
    return () => this.externalListeners.delete(listener);
  }

  /**
   * Stops span notifications (the view is gone). Queued writes are still sent, since closing the
   * article must not lose them, and still settle, so a late refusal can still be reported.
   */
  dispose(): void {
    this.spanListeners.clear();
    this.relationListeners.clear();
    this.linkListeners.clear();
    this.externalListeners.clear();
    this.fieldListeners.clear();
  }

  /**
   * The span shown under `id`, also when `id` is the temporary id of a span saved since: the views
   * that follow the store at transition priority hold the temporary id a moment after the save.
   */
  spanOf(id: number): Span | undefined {
    return this.spans.get(this.savedIdOf(id));
  }

  /**
   * The id a span was first shown under: its temporary id if it was created here, else its id.
   * It stays the same when the create is confirmed, so a view keyed by it keeps its drafts.
   */
  firstIdOf(id: number): number {
    return this.firstIds.get(id) ?? id;
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

  /**
   * Shows several new spans at once and queues them as ONE step (one undo): accepted suggestions,
   * with origin `model`.
   */
  createMany(fields: readonly Omit<Span, 'id'>[], origin: ChangeOrigin): { ids: number[]; settled: Promise<void> } {
    fields.forEach(assertRange);
    const spans = fields.map((field): Span => ({ id: this.nextTemporaryId--, ...field }));
    const changes = spans.map((span): LocalChange => ({ kind: 'create', span }));
    return { ids: spans.map((span) => span.id), settled: this.queueStep('write', changes, origin) };
  }

  /**
   * Queues changes this sync does not model (they touch no span) as one step, in order with the
   * span edits, so undo takes them back in the order the user made them.
   */
  applyOthers(others: Change[]): Promise<void> {
    return this.queueStep('write', [], 'manual', others);
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

  /** The span's relations go with it, in the same step (the backend would cascade them anyway). */
  delete(id: number): Promise<void> {
    const current = this.shown.get(this.savedIdOf(id));
    if (!current) return Promise.resolve();
    const relations = this.shownRelations
      .touching(current.id)
      .map((relation): LocalChange => ({ kind: 'relationDelete', id: relation.id }));
    return this.queueStep('write', [...relations, { kind: 'delete', id: current.id }]);
  }

  /** Queued like a write, so it undoes the last step the user made even if that is still pending. */
  undo(): Promise<void> {
    return this.queueStep('undo', []);
  }

  redo(): Promise<void> {
    return this.queueStep('redo', []);
  }

  /**
   * Takes a `changesApplied` event: a commit by anyone, this tab included. Links and entity names
   * are taken from any set (a merge on the entities page moves links of this article in a
   * corpus-wide set); spans only from this article's sets. Events arrive in commit order, but on
   * another channel than our answers, so our own steps come back as echoes, before or after their
   * answers. Changes made elsewhere show under the pending steps (replayed on top, so those still
   * win); echoes are dropped, since their answers were applied; and an event older than one of
   * our answers does not overwrite the spans that answer set. To tell which is which: while a step
   * is sent and unanswered, events are held (they may be its echo); each answer then waits for its
   * echo, recognised by its content, and the events before the echo are older than the answer,
   * those after it newer.
   */
  receive(applied: AppliedChanges): void {
    if (applied.articleId !== this.articleId) {
      if (this.confirmLinks(applied)) this.notifyLinks();
      return;
    }
    if (this.awaitingAnswer) this.heldEvents.push(applied);
    else this.receiveInOrder(applied);
  }

  private receiveInOrder(applied: AppliedChanges): void {
    const fingerprint = fingerprintOf(applied);
    const echo = this.awaitedEchoes.findIndex((awaited) => awaited.fingerprint === fingerprint);
    if (echo >= 0) {
      // Echoes come in commit order: earlier answers whose echo is still awaited lost theirs.
      this.awaitedEchoes.splice(0, echo + 1);
      return;
    }
    const newer = new Set(this.awaitedEchoes.flatMap((awaited) => [...awaited.ids]));
    const newerRelations = new Set(this.awaitedEchoes.flatMap((awaited) => [...awaited.relationIds]));
    const newerFields = new Set(this.awaitedEchoes.flatMap((awaited) => [...awaited.fieldKeys]));
    const { spans, relations } = this.confirm(applied, newer, newerRelations, newerFields);
    this.refresh(spans, relations, new Map());
    this.notifyLinks();
    if (this.awaitedEchoes.length === 0) for (const listener of this.externalListeners) listener(applied);
  }

  private queueStep(
    kind: StepKind,
    changes: LocalChange[],
    origin: ChangeOrigin = 'manual',
    others: Change[] = [],
  ): Promise<void> {
    let finish = () => {};
    const settled = new Promise<void>((resolve) => (finish = resolve));
    this.queue.push({ kind, changes, origin, others, settled, finish });
    this.refresh(touchedIds(changes), touchedRelationIds(changes), new Map());
    if (changes.some((change) => change.kind === 'link')) this.notifyLinks();
    void this.sendQueued();
    return settled;
  }

  private async sendQueued(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let step = this.queue[0]; step; step = this.queue[0]) {
        let settled: Settled;
        this.awaitingAnswer = true;
        try {
          const applied = await this.send(step);
          this.awaitingAnswer = false;
          settled = { kind: step.kind, ok: true, applied };
          if (applied)
            this.awaitedEchoes.push({
              fingerprint: fingerprintOf(applied),
              ids: idsOf(applied),
              relationIds: relationIdsOf(applied),
              fieldKeys: fieldKeysOf(applied, this.articleId),
            });
          this.queue.shift();
          this.confirmStep(step, applied);
        } catch (error) {
          this.awaitingAnswer = false;
          settled = { kind: step.kind, ok: false, error };
          this.queue.shift();
          this.refuseStep(step);
        }
        for (const listener of this.settledListeners) listener(settled);
        step.finish();
        for (const event of this.heldEvents.splice(0)) this.receiveInOrder(event);
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
      origin: step.origin,
      changes: [...step.changes.flatMap(this.toChanges), ...step.others],
    };
    return this.transport.apply(changeSet);
  }

  private readonly toChanges = (change: LocalChange): Change[] => {
    if (isRelationChange(change)) return [this.toRelationChange(change)];
    if (change.kind === 'create') {
      const { id, ...fields } = change.span;
      return [{ kind: 'annotation.create', ref: String(id), annotation: { articleId: this.articleId, ...fields } }];
    }
    if (change.kind === 'field') {
      return [{ kind: 'fieldValue.set', articleId: this.articleId, key: change.key, value: change.value }];
    }
    // Ids were rewritten when the create before was confirmed; a negative one here is a bug.
    if (change.id < 0) throw new Error(`span ${change.id} was never saved`);
    if (change.kind === 'link') return linkChanges(change.id, change.target);
    if (change.kind === 'delete') return [{ kind: 'annotation.delete', id: change.id }];
    const patch = change.attributes ? { ...change.patch, attributes: change.attributes } : change.patch;
    return [{ kind: 'annotation.update', id: change.id, patch }];
  };

  private toRelationChange(
    change: Extract<LocalChange, { kind: 'relationCreate' | 'relationUpdate' | 'relationDelete' }>,
  ): Change {
    if (change.kind === 'relationCreate') {
      const { id, typeKey, headId, tailId } = change.relation;
      if (headId < 0 || tailId < 0) throw new Error(`relation ${id} names a span that was never saved`);
      return {
        kind: 'relation.create',
        ref: relationRef(id),
        relation: { articleId: this.articleId, typeKey, headId, tailId },
      };
    }
    if (change.id < 0) throw new Error(`relation ${change.id} was never saved`);
    return change.kind === 'relationUpdate'
      ? { kind: 'relation.update', id: change.id, patch: { typeKey: change.typeKey } }
      : { kind: 'relation.delete', id: change.id };
  }

  /**
   * Records what the backend now holds, except for `newer` ids (set by a later answer); returns
   * the span and relation ids whose confirmed value changed.
   */
  private confirm(
    applied: AppliedChanges | null,
    newer: ReadonlySet<number> = new Set(),
    newerRelations: ReadonlySet<number> = new Set(),
    newerFields: ReadonlySet<string> = new Set(),
  ): { spans: Set<number>; relations: Set<number> } {
    const spans = new Set<number>();
    const relations = new Set<number>();
    if (!applied) return { spans, relations };
    this.confirmLinks(applied);
    for (const id of applied.removed) {
      if (newer.has(id)) continue;
      this.confirmed.delete(id);
      // A span's link goes with it (an undo's replay may drop it without reporting it).
      this.confirmedLinks.delete(id);
      spans.add(id);
    }
    for (const annotation of applied.upserted) {
      if (newer.has(annotation.id)) continue;
      // A schema step undone from the reader (a merge) moves spans of other articles too.
      if (annotation.articleId !== this.articleId) continue;
      this.confirmed.set(annotation.id, spanOf(annotation));
      spans.add(annotation.id);
    }
    for (const id of applied.relations?.removed ?? []) {
      if (newerRelations.has(id)) continue;
      this.confirmedRelations.delete(id);
      relations.add(id);
    }
    for (const { id, articleId, typeKey, headId, tailId } of applied.relations?.upserted ?? []) {
      if (newerRelations.has(id) || articleId !== this.articleId) continue;
      this.confirmedRelations.set(id, { id, typeKey, headId, tailId });
      relations.add(id);
    }
    for (const field of applied.fields ?? []) {
      if (field.articleId !== this.articleId || newerFields.has(field.key)) continue;
      const { [field.key]: _previous, ...others } = this.confirmedFields;
      this.confirmedFields = field.value === null ? others : { ...others, [field.key]: field.value };
    }
    return { spans, relations };
  }

  /** Takes the links of this article and every entity summary from an answer; true when any came. */
  private confirmLinks(applied: AppliedChanges | null): boolean {
    if (!applied?.entityLinks && !applied?.entities) return false;
    for (const entity of applied.entities?.upserted ?? []) this.entities.set(entity.id, entity);
    for (const link of applied.entityLinks?.removed ?? []) {
      if (link.articleId === this.articleId) this.confirmedLinks.delete(link.annotationId);
    }
    for (const link of applied.entityLinks?.upserted ?? []) {
      if (link.articleId === this.articleId) this.confirmedLinks.set(link.annotationId, link.entityId);
    }
    return true;
  }

  private notifyLinks(): void {
    for (const listener of this.linkListeners) listener();
  }

  private shownEntity(entityId: number): ShownLink {
    const entity = this.entities.get(entityId);
    return { entityId, name: entity?.name ?? `#${entityId}`, typeLabelKey: entity?.typeLabelKey ?? '' };
  }

  private confirmStep(step: Step, applied: AppliedChanges | null): void {
    const renamed = new Map<number, number>();
    const renamedRelations = new Map<number, number>();
    for (const change of step.changes) {
      if (change.kind === 'create') {
        const savedId = applied?.createdIds[String(change.span.id)];
        if (savedId !== undefined) renamed.set(change.span.id, savedId);
      } else if (change.kind === 'relationCreate') {
        const savedId = applied?.createdIds[relationRef(change.relation.id)];
        if (savedId !== undefined) renamedRelations.set(change.relation.id, savedId);
      }
    }
    for (const [temporaryId, savedId] of renamed) {
      this.savedIds.set(temporaryId, savedId);
      this.firstIds.set(savedId, temporaryId);
    }
    for (const [temporaryId, savedId] of renamedRelations) this.savedRelationIds.set(temporaryId, savedId);
    // Later steps made on the temporary ids now name the saved ones.
    for (const queued of this.queue) {
      for (const change of queued.changes) {
        if (change.kind === 'relationCreate') {
          const { relation } = change;
          change.relation = {
            ...relation,
            headId: renamed.get(relation.headId) ?? relation.headId,
            tailId: renamed.get(relation.tailId) ?? relation.tailId,
          };
        } else if (isRelationChange(change)) {
          change.id = renamedRelations.get(change.id) ?? change.id;
        } else if (change.kind === 'update' || change.kind === 'delete' || change.kind === 'link') {
          change.id = renamed.get(change.id) ?? change.id;
        }
      }
    }
    const affected = this.confirm(applied);
    for (const id of touchedIds(step.changes)) affected.spans.add(id);
    for (const id of touchedRelationIds(step.changes)) affected.relations.add(id);
    // The shown relations still on a span's temporary id move to its saved one.
    for (const temporaryId of renamed.keys()) {
      for (const relation of this.shownRelations.touching(temporaryId)) affected.relations.add(relation.id);
    }
    this.refresh(affected.spans, affected.relations, renamed);
    this.notifyLinks();
  }

  /**
   * The refused step leaves the queue, so replay drops exactly its effect. Edits queued on a span
   * whose creation was refused can never be sent: they are dropped silently (the create's
   * refusal is the one message the user needs).
   */
  private refuseStep(step: Step): void {
    const neverSaved = new Set(step.changes.flatMap((change) => (change.kind === 'create' ? [change.span.id] : [])));
    const relationsNeverSaved = new Set(
      step.changes.flatMap((change) => (change.kind === 'relationCreate' ? [change.relation.id] : [])),
    );
    const dropped = new Set<number>();
    if (neverSaved.size || relationsNeverSaved.size) {
      for (const queued of [...this.queue]) {
        queued.changes = queued.changes.filter((change) => {
          if (change.kind === 'create' || change.kind === 'field') return true;
          if (change.kind === 'relationCreate') {
            const keep = !neverSaved.has(change.relation.headId) && !neverSaved.has(change.relation.tailId);
            if (!keep) dropped.add(change.relation.id);
            return keep;
          }
          return isRelationChange(change) ? !relationsNeverSaved.has(change.id) : !neverSaved.has(change.id);
        });
        if (queued.kind === 'write' && queued.changes.length === 0) {
          this.queue.splice(this.queue.indexOf(queued), 1);
          queued.finish();
        }
      }
    }
    this.refresh(touchedIds(step.changes), [...touchedRelationIds(step.changes), ...dropped], new Map());
    if (step.changes.some((change) => change.kind === 'link')) this.notifyLinks();
  }

  /** The span as the user should see it: confirmed, then every queued step in order. */
  private replay(id: number): Span | undefined {
    let span = this.confirmed.get(id);
    for (const step of this.queue) {
      for (const change of step.changes) {
        if (isRelationChange(change) || change.kind === 'field' || change.kind === 'link') continue;
        if (change.kind === 'create') {
          if (change.span.id === id) span = change.span;
        } else if (change.id === id) {
          span = change.kind === 'delete' || !span ? undefined : patched(span, change.patch, change.attributes);
        }
      }
    }
    return span;
  }

  /** The relation as the user should see it: confirmed, then every queued step in order. */
  private replayRelation(id: number): Relation | undefined {
    let relation = this.confirmedRelations.get(id);
    for (const step of this.queue) {
      for (const change of step.changes) {
        if (change.kind === 'relationCreate') {
          if (change.relation.id === id) relation = change.relation;
        } else if (change.kind === 'relationUpdate' && change.id === id) {
          relation = relation && { ...relation, typeKey: change.typeKey };
        } else if (change.kind === 'relationDelete' && change.id === id) {
          relation = undefined;
        }
      }
    }
    // Never an arc to a span that is not shown (its delete is pending, or its create was refused).
    return relation && this.shown.get(relation.headId) && this.shown.get(relation.tailId) ? relation : undefined;
  }

  /**
   * Brings the shown spans and relations with these ids up to date, and the shown fields, and
   * tells the listeners what moved.
   */
  private refresh(ids: Iterable<number>, relationIds: Iterable<number>, renamed: ReadonlyMap<number, number>): void {
    this.refreshSpans(ids, renamed);
    this.refreshRelations(relationIds);
    this.refreshFields();
  }

  /** Recomputes the shown fields (confirmed + queued field edits); tells the listeners when they moved. */
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

  private refreshRelations(ids: Iterable<number>): void {
    const upserted: Relation[] = [];
    const removed: Relation[] = [];
    for (const id of ids) {
      const wanted = this.replayRelation(id);
      const current = this.shownRelations.get(id);
      if (!wanted) {
        if (current) {
          this.shownRelations.remove(current);
          removed.push(current);
        }
      } else if (!current || !sameRelation(current, wanted)) {
        if (current) this.shownRelations.remove(current);
        this.shownRelations.put(wanted);
        upserted.push(wanted);
      }
    }
    if (upserted.length === 0 && removed.length === 0) return;
    const change: RelationChange = { upserted, removed };
    for (const listener of this.relationListeners) listener(change);
  }

  private refreshSpans(ids: Iterable<number>, renamed: ReadonlyMap<number, number>): void {
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

/** The backend's changes for one link step; a new entity is created in the same set, by ref. */
function linkChanges(annotationId: number, target: LinkTarget): Change[] {
  if (target === null) return [{ kind: 'entityLink.delete', annotationId }];
  if ('entity' in target) {
    return [
      {
        kind: 'entityLink.set',
        annotationId,
        entityId: target.entity.id,
        ...(target.allowTypeMismatch ? { allowTypeMismatch: true } : {}),
      },
    ];
  }
  const ref = `entity-for-${annotationId}`;
  return [
    { kind: 'entity.create', ref, entity: target.newEntity },
    { kind: 'entityLink.set', annotationId, entityRef: ref },
  ];
}

function idsOf(applied: AppliedChanges): Set<number> {
  return new Set([...applied.removed, ...applied.upserted.map((annotation) => annotation.id)]);
}

/** The keys of this article's document fields that a commit set. */
function fieldKeysOf(applied: AppliedChanges, articleId: number): Set<string> {
  return new Set((applied.fields ?? []).flatMap((field) => (field.articleId === articleId ? [field.key] : [])));
}

function relationIdsOf(applied: AppliedChanges): Set<number> {
  const relations = applied.relations;
  return new Set(relations ? [...relations.removed, ...relations.upserted.map((relation) => relation.id)] : []);
}

/**
 * What tells one commit from another: its description, what it set (with each annotation's
 * update time and attribute values, and the document fields), what it removed (relations and
 * entity links too), the ids it created and the article's new update time. An answer and its echo
 * carry the same values.
 */
function fingerprintOf(applied: AppliedChanges): string {
  return JSON.stringify([
    applied.description,
    applied.upserted.map(({ id, labelKey, start, end, note, attributes, updatedAt }) => [
      id,
      labelKey,
      start,
      end,
      note,
      attributes ?? null,
      updatedAt,
    ]),
    applied.fields ?? null,
    applied.removed,
    applied.relations
      ? [
          applied.relations.upserted.map(({ id, typeKey, headId, tailId }) => [id, typeKey, headId, tailId]),
          applied.relations.removed,
        ]
      : null,
    applied.entityLinks
      ? [
          applied.entityLinks.upserted.map(({ annotationId, entityId }) => [annotationId, entityId]),
          applied.entityLinks.removed.map(({ annotationId }) => annotationId),
        ]
      : null,
    Object.entries(applied.createdIds).sort(([a], [b]) => (a < b ? -1 : 1)),
    applied.summary?.updatedAt ?? null,
  ]);
}

function touchedIds(changes: readonly LocalChange[]): Set<number> {
  const ids = new Set<number>();
  for (const change of changes) {
    if (isRelationChange(change) || change.kind === 'field') continue;
    ids.add(change.kind === 'create' ? change.span.id : change.id);
  }
  return ids;
}

/** A span with an update replayed on it; attribute values are merged, an emptied map dropped. */
function patched(span: Span, patch: SpanPatch, attributes: AttributePatch | undefined): Span {
  const { attributes: current, ...rest } = { ...span, ...patch };
  const values = attributes ? patchValues(current, attributes) : current;
  return values && Object.keys(values).length > 0 ? { ...rest, attributes: values } : rest;
}

function touchedRelationIds(changes: readonly LocalChange[]): Set<number> {
  const ids = new Set<number>();
  for (const change of changes) {
    if (isRelationChange(change)) ids.add(change.kind === 'relationCreate' ? change.relation.id : change.id);
  }
  return ids;
}

const sameRelation = (a: Relation, b: Relation): boolean =>
  a.id === b.id && a.typeKey === b.typeKey && a.headId === b.headId && a.tailId === b.tailId;

/** The shown relations by id, and by each end's span id (the sidebar and the arc layer ask by span). */
class ShownRelations implements RelationQueries {
  private readonly byId = new Map<number, Relation>();
  private readonly bySpan = new Map<number, Set<number>>();

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Relation | undefined {
    return this.byId.get(id);
  }

  all(): Iterable<Relation> {
    return this.byId.values();
  }

  touching(spanId: number): Relation[] {
    return [...(this.bySpan.get(spanId) ?? [])].flatMap((id) => this.byId.get(id) ?? []);
  }

  put(relation: Relation): void {
    this.byId.set(relation.id, relation);
    for (const end of [relation.headId, relation.tailId]) {
      const ids = this.bySpan.get(end) ?? new Set<number>();
      ids.add(relation.id);
      this.bySpan.set(end, ids);
    }
  }

  remove(relation: Relation): void {
    this.byId.delete(relation.id);
    for (const end of [relation.headId, relation.tailId]) {
      const ids = this.bySpan.get(end);
      ids?.delete(relation.id);
      if (ids?.size === 0) this.bySpan.delete(end);
    }
  }
}

/** Only the fields the reader uses, so a confirmation that changes only timestamps repaints nothing. */
function spanOf({ id, labelKey, start, end, quote, note, attributes, author }: Span): Span {
  return {
    id,
    labelKey,
    start,
    end,
    quote,
    note,
    ...(attributes ? { attributes } : {}),
    ...(author ? { author } : {}),
  };
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
