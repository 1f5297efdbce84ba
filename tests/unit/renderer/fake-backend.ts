import { ApiError } from '../../../shared/contract/errors';
import type { Annotation } from '../../../shared/domain/schemas';
import type { AppliedChanges, Change, ChangeSet } from '../../../shared/domain/changes';
import { patchValues, type AttributeValue } from '../../../shared/domain/attributes';
import type { Relation } from '../../../shared/domain/relations';
import type { SyncTransport } from '../../../renderer/src/reader/sync/transport';

type AnnotationChange = Extract<Change, { kind: `annotation.${string}` }>;

type Request =
  { call: 'apply'; changeSet: ChangeSet } | { call: 'undo'; articleId: number } | { call: 'redo'; articleId: number };

interface Outstanding {
  request: Request;
  resolve: (value: AppliedChanges | null) => void;
  reject: (error: unknown) => void;
}

/** One history entry: the values before and after, by id (undefined = absent). */
interface HistoryEntry {
  before: Map<number, Annotation | undefined>;
  after: Map<number, Annotation | undefined>;
  /** Span id → entity id before and after (undefined = unlinked). */
  linksBefore: Map<number, number | undefined>;
  linksAfter: Map<number, number | undefined>;
  relationsBefore: Map<number, Relation | undefined>;
  relationsAfter: Map<number, Relation | undefined>;
  /** Document field values before and after, by key (undefined = unset). */
  fieldsBefore: Map<string, AttributeValue | undefined>;
  fieldsAfter: Map<string, AttributeValue | undefined>;
}

type EntityChange = Extract<Change, { kind: `entity${string}` }>;
const isAnnotationChange = (change: Change): change is AnnotationChange => change.kind.startsWith('annotation.');

/**
 * The backend as DocumentSync sees it, in memory: it commits a request when the request
 * completes (as the real service commits when it runs), keeps undo/redo history per change set,
 * and validates like the real one (unknown ids are refused). Requests complete on their own
 * unless `hold()` was called; held requests complete when the test says, in any order.
 */
export class FakeBackend implements SyncTransport {
  readonly stored = new Map<number, Annotation>();
  /** Span id → entity id. */
  readonly links = new Map<number, number>();
  /** Entities by id, with their type, for the type-mismatch rule. */
  readonly entities = new Map<number, { id: number; name: string; typeLabelKey: string }>();
  private nextEntityId = 500;
  readonly storedRelations = new Map<number, Relation>();
  private nextRelationId = 500;
  /** The article's document fields as committed. */
  readonly fields = new Map<string, AttributeValue>();
  /** Requests in the order the backend committed them, e.g. "update 7 {labelKey:ORG}". */
  readonly committed: string[] = [];
  /** The origin of every applied set, in order. */
  readonly origins: string[] = [];
  readonly outstanding: Outstanding[] = [];
  /**
   * Every commit as the `changesApplied` event it publishes, in commit order (the real host
   * pushes them to every tab, the writer's own included); a test delivers them when it chooses.
   */
  readonly events: AppliedChanges[] = [];
  maxInFlight = 0;
  private held = false;
  private nextId = 100;
  private clock = 0;
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  private readonly refusals: { matches: (request: Request) => boolean; message: string }[] = [];

  constructor(
    readonly articleId: number,
    seed: Omit<Annotation, 'articleId' | 'author' | 'origin' | 'createdAt' | 'updatedAt'>[],
  ) {
    for (const span of seed) this.stored.set(span.id, this.complete(span));
  }

  hold(): void {
    this.held = true;
  }

  /** Refuses the next request that matches, as the service refuses a write that breaks a rule. */
  refuseNext(matches: (request: Request) => boolean, message = 'refused by the fake backend'): void {
    this.refusals.push({ matches, message });
  }

  /** Completes the outstanding request at `position` (0 = the oldest). */
  completeAt(position: number): void {
    const [outstanding] = this.outstanding.splice(position, 1);
    if (!outstanding) throw new Error(`no outstanding request at ${position}`);
    try {
      outstanding.resolve(this.commit(outstanding.request));
    } catch (error) {
      outstanding.reject(error);
    }
  }

  apply(changeSet: ChangeSet): Promise<AppliedChanges> {
    return this.receive({ call: 'apply', changeSet }) as Promise<AppliedChanges>;
  }

  undo(articleId: number): Promise<AppliedChanges | null> {
    return this.receive({ call: 'undo', articleId });
  }

  redo(articleId: number): Promise<AppliedChanges | null> {
    return this.receive({ call: 'redo', articleId });
  }

  /** Commits a change set made in another tab (no answer to this one; only its event). */
  writeElsewhere(changeSet: Omit<ChangeSet, 'articleId' | 'origin'>): AppliedChanges {
    return this.commit({ call: 'apply', changeSet: { articleId: this.articleId, origin: 'manual', ...changeSet } })!;
  }

  /** Undoes the article's last step from another tab. */
  undoElsewhere(): AppliedChanges | null {
    return this.commit({ call: 'undo', articleId: this.articleId });
  }

  /** Stored spans as [id, label, quote, note], in id order. */
  rows(): [number, string, string, string][] {
    return [...this.stored.values()]
      .sort((a, b) => a.id - b.id)
      .map((span) => [span.id, span.labelKey, span.quote, span.note]);
  }

  private receive(request: Request): Promise<AppliedChanges | null> {
    return new Promise((resolve, reject) => {
      this.outstanding.push({ request, resolve, reject });
      this.maxInFlight = Math.max(this.maxInFlight, this.outstanding.length);
      if (!this.held) queueMicrotask(() => this.completeAt(this.outstanding.length - 1));
    });
  }

  private complete(span: Omit<Annotation, 'articleId' | 'author' | 'origin' | 'createdAt' | 'updatedAt'>): Annotation {
    return { ...span, articleId: this.articleId, author: 'Lan', origin: 'manual', createdAt: 'then', updatedAt: 'now' };
  }

  private commit(request: Request): AppliedChanges | null {
    const refusal = this.refusals.findIndex((candidate) => candidate.matches(request));
    if (refusal >= 0) {
      const [{ message }] = this.refusals.splice(refusal, 1) as [(typeof this.refusals)[number]];
      throw new ApiError('rejected', message);
    }
    if (request.call !== 'apply') {
      const entry = (request.call === 'undo' ? this.undoStack : this.redoStack).pop();
      if (!entry) return null;
      (request.call === 'undo' ? this.redoStack : this.undoStack).push(entry);
      this.committed.push(request.call);
      const undo = request.call === 'undo';
      this.putLinks(undo ? entry.linksBefore : entry.linksAfter);
      return this.put(
        undo ? entry.before : entry.after,
        {},
        request.call,
        entry,
        undo ? entry.relationsBefore : entry.relationsAfter,
        undo ? entry.fieldsBefore : entry.fieldsAfter,
      );
    }
    this.origins.push(request.changeSet.origin);
    const entry: HistoryEntry = {
      before: new Map(),
      after: new Map(),
      linksBefore: new Map(),
      linksAfter: new Map(),
      relationsBefore: new Map(),
      relationsAfter: new Map(),
      fieldsBefore: new Map(),
      fieldsAfter: new Map(),
    };
    const createdIds: Record<string, number> = {};
    const working = new Map(this.stored);
    const workingLinks = new Map(this.links);
    const workingRelations = new Map(this.storedRelations);
    const setRelation = (id: number, next: Relation | undefined) => {
      if (!entry.relationsBefore.has(id)) entry.relationsBefore.set(id, this.storedRelations.get(id));
      if (next) workingRelations.set(id, next);
      else workingRelations.delete(id);
      entry.relationsAfter.set(id, next);
    };
    for (const change of request.changeSet.changes) {
      if (change.kind === 'fieldValue.set') {
        if (!entry.fieldsBefore.has(change.key)) entry.fieldsBefore.set(change.key, this.fields.get(change.key));
        entry.fieldsAfter.set(change.key, change.value ?? undefined);
        this.committed.push(`field ${change.key} ${JSON.stringify(change.value)}`);
        continue;
      }
      if (change.kind.startsWith('entity')) {
        this.changeLink(change as EntityChange, working, workingLinks, entry, createdIds);
        continue;
      }
      if (change.kind === 'relation.create') {
        const { headId, tailId, typeKey } = change.relation;
        if (!working.has(headId) || !working.has(tailId)) throw new ApiError('rejected', 'Span does not exist.');
        if (headId === tailId)
          throw new ApiError('rejected', 'A relation joins two different spans, not a span to itself.');
        const id = this.nextRelationId++;
        createdIds[change.ref] = id;
        setRelation(id, {
          id,
          articleId: this.articleId,
          typeKey,
          headId,
          tailId,
          note: '',
          author: 'Lan',
          origin: 'manual',
          createdAt: 'then',
          updatedAt: 'now',
        });
        this.committed.push(`relate ${id} ${headId} ${typeKey} ${tailId}`);
        continue;
      }
      if (change.kind === 'relation.update' || change.kind === 'relation.delete') {
        const current = workingRelations.get(change.id);
        if (!current) throw new ApiError('not_found', `Relation ${change.id} does not exist.`);
        setRelation(change.id, change.kind === 'relation.delete' ? undefined : { ...current, ...change.patch });
        this.committed.push(`${change.kind} ${change.id}`);
        continue;
      }
      // Other families touch no span here: the fake only notes that they arrived, in order.
      if (!isAnnotationChange(change)) {
        this.committed.push(change.kind);
        continue;
      }
      if (change.kind === 'annotation.delete') {
        // The real pipeline's cascade: a span's relations and its entity link go with it.
        for (const relation of [...workingRelations.values()]) {
          if (relation.headId === change.id || relation.tailId === change.id) setRelation(relation.id, undefined);
        }
        if (workingLinks.has(change.id)) {
          if (!entry.linksBefore.has(change.id)) entry.linksBefore.set(change.id, this.links.get(change.id));
          workingLinks.delete(change.id);
          entry.linksAfter.set(change.id, undefined);
        }
      }
      const id = change.kind === 'annotation.create' ? this.nextId++ : change.id;
      if (change.kind === 'annotation.create') createdIds[change.ref] = id;
      else if (!working.has(id)) throw new ApiError('not_found', `Annotation ${id} does not exist.`);
      if (!entry.before.has(id)) entry.before.set(id, this.stored.get(id));
      const next = this.changed(change, id, working.get(id));
      if (next) working.set(id, next);
      else working.delete(id);
      entry.after.set(id, next);
      this.committed.push(describe(change, id));
    }
    this.undoStack.push(entry);
    this.redoStack.length = 0;
    this.putLinks(entry.linksAfter);
    return this.put(entry.after, createdIds, 'write', entry, entry.relationsAfter, entry.fieldsAfter);
  }

  /** entity.create and entityLink.* as the real handlers check them (the type-mismatch rule too). */
  private changeLink(
    change: EntityChange,
    working: Map<number, Annotation>,
    workingLinks: Map<number, number>,
    entry: HistoryEntry,
    createdIds: Record<string, number>,
  ): void {
    if (change.kind === 'entity.create') {
      const id = this.nextEntityId++;
      createdIds[change.ref] = id;
      this.entities.set(id, { id, name: change.entity.name, typeLabelKey: change.entity.typeLabelKey });
      this.committed.push(`entity ${id} ${change.entity.name}`);
      return;
    }
    if (change.kind !== 'entityLink.set' && change.kind !== 'entityLink.delete') {
      throw new Error(`the fake backend does not do ${change.kind}`);
    }
    const span = working.get(change.annotationId);
    if (!span) throw new ApiError('not_found', `Annotation ${change.annotationId} does not exist.`);
    if (!entry.linksBefore.has(span.id)) entry.linksBefore.set(span.id, this.links.get(span.id));
    if (change.kind === 'entityLink.delete') {
      workingLinks.delete(span.id);
      entry.linksAfter.set(span.id, undefined);
      this.committed.push(`unlink ${span.id}`);
      return;
    }
    const entityId = change.entityId ?? createdIds[change.entityRef ?? ''];
    const entity = entityId === undefined ? undefined : this.entities.get(entityId);
    if (!entity) throw new ApiError('not_found', `Entity ${entityId} does not exist.`);
    if (entity.typeLabelKey !== span.labelKey && !change.allowTypeMismatch) {
      throw new ApiError('rejected', `Type mismatch: ${span.labelKey} span, ${entity.typeLabelKey} entity.`);
    }
    workingLinks.set(span.id, entity.id);
    entry.linksAfter.set(span.id, entity.id);
    this.committed.push(`link ${span.id} ${entity.id}`);
  }

  private putLinks(values: Map<number, number | undefined>): void {
    for (const [id, entityId] of values) {
      if (entityId === undefined) this.links.delete(id);
      else this.links.set(id, entityId);
    }
  }

  private changed(change: AnnotationChange, id: number, current: Annotation | undefined): Annotation | undefined {
    if (change.kind === 'annotation.delete') return undefined;
    if (change.kind === 'annotation.create') return this.complete({ id, note: '', ...change.annotation });
    const { attributes, ...patch } = change.patch;
    const { attributes: currentValues, ...rest } = {
      ...(current as Annotation),
      ...patch,
      updatedAt: `later ${++this.clock}`,
    };
    const values = attributes ? patchValues(currentValues, attributes) : currentValues;
    return values && Object.keys(values).length > 0 ? { ...rest, attributes: values } : rest;
  }

  private put(
    values: Map<number, Annotation | undefined>,
    createdIds: Record<string, number>,
    what: string,
    entry: HistoryEntry,
    relationValues: Map<number, Relation | undefined>,
    fieldValues: Map<string, AttributeValue | undefined>,
  ): AppliedChanges {
    const fields = [...fieldValues].map(([key, value]) => {
      if (value === undefined) this.fields.delete(key);
      else this.fields.set(key, value);
      return { articleId: this.articleId, key, value: value ?? null };
    });
    const upserted: Annotation[] = [];
    const removed: number[] = [];
    const relations = { upserted: [] as Relation[], removed: [] as number[] };
    for (const [id, value] of relationValues) {
      if (value) {
        this.storedRelations.set(id, value);
        relations.upserted.push(value);
      } else {
        this.storedRelations.delete(id);
        relations.removed.push(id);
      }
    }
    for (const [id, value] of values) {
      if (value) {
        this.stored.set(id, value);
        upserted.push(value);
      } else {
        this.stored.delete(id);
        removed.push(id);
      }
    }
    const canUndo = this.undoStack.length > 0;
    const canRedo = this.redoStack.length > 0;
    const applied: AppliedChanges = {
      articleId: this.articleId,
      description: what,
      upserted,
      removed,
      ...(relationValues.size ? { relations } : {}),
      createdIds,
      history: {
        canUndo,
        canRedo,
        undoDescription: canUndo ? 'a step' : null,
        redoDescription: canRedo ? 'a step' : null,
      },
      summary: null,
      ...(fields.length > 0 ? { fields } : {}),
      ...(entry.linksAfter.size || Object.keys(createdIds).some((ref) => this.entities.has(createdIds[ref]!))
        ? {
            entities: { upserted: [...this.entities.values()], removed: [] },
            entityLinks: {
              upserted: [...entry.linksAfter.keys()].flatMap((annotationId) => {
                const entityId = this.links.get(annotationId);
                return entityId === undefined ? [] : [{ annotationId, articleId: this.articleId, entityId }];
              }),
              removed: [...entry.linksAfter.keys()]
                .filter((annotationId) => !this.links.has(annotationId))
                .map((annotationId) => ({ annotationId, articleId: this.articleId })),
            },
          }
        : {}),
    };
    this.events.push(structuredClone(applied));
    return applied;
  }
}

/** Stored relations as "head type tail", in id order. */
export function relationRows(backend: FakeBackend): string[] {
  return [...backend.storedRelations.values()]
    .sort((a, b) => a.id - b.id)
    .map((relation) => `${relation.headId} ${relation.typeKey} ${relation.tailId}`);
}

function describe(change: AnnotationChange, id: number): string {
  if (change.kind === 'annotation.create') return `create ${id} ${change.annotation.labelKey}`;
  if (change.kind === 'annotation.delete') return `delete ${id}`;
  return `update ${id} ${JSON.stringify(change.patch)}`;
}
