import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { englishMessage, reasonOf, type MessageRef } from '../../../shared/messages/backend-messages';
import type { AppliedChanges, Change, ChangeSet, HistoryState, Transition } from '../../../shared/domain/changes';
import type { ArticleStore } from '../store/articles';
import type { HistoryEntry, HistoryStore } from '../store/history';
import { writeTransaction } from '../store/write-transaction';
import {
  familyOf,
  type AppliedReport,
  type ApplyContext,
  type ChangeFamily,
  type ChangeHandler,
  type ChangeHandlers,
  type Description,
  type WriteMemo,
} from './change-handler';

/** The stored state of any record a transition is about. */
type RecordState = NonNullable<Transition['after']>;

export type AppliedListener = (applied: AppliedChanges) => void;

/** Who is writing when a set names no author: the local profile. */
export interface AuthorSource {
  displayName(): string;
}

/**
 * History scope: one article's stack, or the corpus-wide stack (null) that holds the sets touching
 * no single article (schema edits, merges across articles).
 */
export type HistoryScope = number | null;

/**
 * The one write path. A change set is validated and applied all-or-nothing in one transaction,
 * through the stores, and recorded as ONE history entry; undo and redo move the stored state
 * through the same validation. What each family of changes means (annotation.*, relation.*, …)
 * lives in its `ChangeHandler`; this class only orders, records, replays and announces.
 *
 * Write transactions start IMMEDIATE: they take the write lock before their first read, so another
 * connection's commit can never invalidate what they read (SQLITE_BUSY_SNAPSHOT); they wait for
 * the lock up to the connection's busy_timeout instead.
 */
export class ChangeService {
  private readonly listeners = new Set<AppliedListener>();
  /** Sets applied inside `batch`, announced when it commits; null outside a batch. */
  private pending: AppliedChanges[] | null = null;

  constructor(
    private readonly db: Database,
    private readonly articles: ArticleStore,
    private readonly history: HistoryStore,
    private readonly authors: AuthorSource,
    private readonly handlers: ChangeHandlers,
  ) {}

  /** The author of a set that names none: the local profile's name. */
  defaultAuthor(): string {
    return this.authors.displayName();
  }

  /** Called after each write commits (never for one that rolled back); returns an unsubscribe. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(set: ChangeSet): AppliedChanges {
    return this.write(() => this.applySet(set));
  }

  /** Undoes the scope's newest set not undone; null when there is none. */
  undo(scope: HistoryScope): AppliedChanges | null {
    return this.write(() => {
      this.assertScope(scope);
      const entry = this.history.nextUndo(scope);
      if (!entry) return null;
      const steps = [...entry.transitions]
        .reverse()
        .map((step) => ({ ...step, before: step.after, after: step.before }) as Transition);
      const done = this.replay(entry, steps, 'undo');
      this.history.setUndone(entry.id, true);
      return this.result(scope, entry.description, done, {}, this.descriptionRef(entry));
    });
  }

  /** Redoes the scope's oldest undone set; null when there is none. */
  redo(scope: HistoryScope): AppliedChanges | null {
    return this.write(() => {
      this.assertScope(scope);
      const entry = this.history.nextRedo(scope);
      if (!entry) return null;
      const done = this.replay(entry, entry.transitions, 'redo');
      this.history.setUndone(entry.id, false);
      return this.result(scope, entry.description, done, {}, this.descriptionRef(entry));
    });
  }

  historyState(scope: HistoryScope): HistoryState {
    this.assertScope(scope);
    const undo = this.history.nextUndo(scope);
    const redo = this.history.nextRedo(scope);
    return historyStateOf(undo, redo, (entry) => this.descriptionRef(entry));
  }

  /**
   * A history entry's description by catalogue key, for a UI's language: when the stored text is
   * the one its transitions give (a caller's own description, e.g. an import's, has none).
   */
  descriptionRef(entry: Pick<HistoryEntry, 'description' | 'transitions'>): MessageRef | undefined {
    // A one-change set is named by its last transition (what it cascaded to comes first).
    for (const steps of [entry.transitions, entry.transitions.slice(-1)]) {
      const described = this.describeSet(steps);
      if (typeof described !== 'string' && englishMessage(described.key, described.params) === entry.description)
        return described;
    }
    return undefined;
  }

  /**
   * Runs `work` in one IMMEDIATE transaction (e.g. a whole imported file); the sets it applies
   * are savepoints inside it and are announced to listeners only once it has committed. Inside
   * another batch it is a savepoint (an import batch holds many files, each one of these): when
   * it rolls back, so do the announcements of the sets it applied.
   */
  batch<T>(work: () => T): T {
    if (this.pending) {
      const pending = this.pending;
      const announcedBefore = pending.length;
      try {
        return this.db.transaction(work)();
      } catch (error) {
        pending.length = announcedBefore;
        throw error;
      }
    }
    this.assertNoForeignTransaction();
    this.pending = [];
    try {
      const value = writeTransaction(this.db, work);
      this.announce(this.pending);
      return value;
    } finally {
      this.pending = null;
    }
  }

  private write<T extends AppliedChanges | null>(work: () => T): T {
    if (this.pending) {
      const applied = this.db.transaction(work)();
      if (applied) this.pending.push(applied);
      return applied;
    }
    this.assertNoForeignTransaction();
    const applied = writeTransaction(this.db, work);
    if (applied) this.announce([applied]);
    return applied;
  }

  /** Inside someone else's transaction we could not know when (or whether) a write commits. */
  private assertNoForeignTransaction(): void {
    if (this.db.inTransaction) {
      throw new Error('ChangeService: writes inside an outer transaction must run in changes.batch().');
    }
  }

  /** not_found for a missing article. */
  private assertScope(scope: HistoryScope): void {
    if (scope !== null) this.articles.getSummary(scope);
  }

  private announce(applied: readonly AppliedChanges[]): void {
    for (const entry of applied) {
      for (const listener of this.listeners) {
        try {
          listener(entry);
        } catch (error) {
          // The write is committed; a failing listener must not turn it into an error for the caller.
          console.error('A listener of applied changes failed:', error);
        }
      }
    }
  }

  private handlerFor(kind: Change['kind'] | Transition['kind']): ChangeHandler<ChangeFamily> {
    // The registry is keyed by family, so the handler matches the kind; TypeScript cannot follow
    // that correlation through the union, hence the widening.
    return this.handlers[familyOf(kind)] as ChangeHandler<ChangeFamily>;
  }

  private articleOf(step: Transition): number | null {
    const state = step.after ?? step.before;
    if (!state) throw new Error(`A ${step.kind} transition with neither a before nor an after state.`);
    return this.handlerFor(step.kind).articleOf(state);
  }

  private applySet(set: ChangeSet): AppliedChanges {
    this.assertScope(set.articleId ?? null);
    const transitions: Transition[] = [];
    const context: ApplyContext = {
      ...newMemo(),
      origin: set.origin,
      author: set.author ?? this.defaultAuthor(),
      createdIds: {},
      apply: (change) => applyOne(change),
    };
    const applyOne = (change: Change): void => {
      for (const handler of Object.values(this.handlers) as ChangeHandler<ChangeFamily>[]) {
        for (const cascaded of handler.cascade?.(change, context) ?? []) applyOne(cascaded);
      }
      if ('ref' in change && change.ref in context.createdIds) {
        throw ApiError.of('rejected', 'changeRefUsedTwice', { ref: change.ref });
      }
      const step = this.handlerFor(change.kind).apply(change as never, context) as Transition;
      const articleId = this.articleOf(step);
      if (set.articleId !== undefined && articleId !== null && articleId !== set.articleId) {
        throw ApiError.of('rejected', 'changeInOtherArticle', { articleId, setArticleId: set.articleId });
      }
      transitions.push(step);
    };
    set.changes.forEach((change, index) => {
      try {
        applyOne(change);
      } catch (error) {
        if (set.changes.length === 1 || !(error instanceof ApiError)) throw error;
        throw ApiError.of(error.code, 'changeOfSet', {
          index: index + 1,
          count: set.changes.length,
          kind: change.kind,
          reason: reasonOf(error),
        });
      }
    });
    const scope = set.articleId ?? this.singleArticle(transitions);
    // One change asked for: named by its own transition, the last (what it cascaded to comes first).
    const described =
      set.description ?? this.describeSet(set.changes.length === 1 ? transitions.slice(-1) : transitions);
    const description = textOf(described);
    if (!this.offTheRecord(transitions)) {
      this.history.record({ articleId: scope, origin: set.origin, author: context.author, description, transitions });
    }
    this.afterWrite(transitions);
    const ref = typeof described === 'string' ? undefined : described;
    return this.result(scope, description, transitions, context.createdIds, ref);
  }

  /**
   * Whether a set stays off every undo stack (see `ChangeHandler.offTheRecord`). A set mixing such
   * changes with recorded ones is refused: half of it could be undone and half not.
   */
  private offTheRecord(transitions: readonly Transition[]): boolean {
    const off = transitions.filter((step) => this.handlerFor(step.kind).offTheRecord === true).length;
    if (off > 0 && off < transitions.length) {
      throw ApiError.of('rejected', 'changeSetMixesBriefs', {});
    }
    return off > 0;
  }

  /** The one article every transition belongs to, or null (several, or corpus-wide records). */
  private singleArticle(transitions: readonly Transition[]): number | null {
    const articleIds = new Set(transitions.map((step) => this.articleOf(step)));
    const [only] = articleIds;
    return articleIds.size === 1 && only !== undefined ? only : null;
  }

  /**
   * Moves the stored state through `steps` (each from its `before` to its `after`), checking
   * every state it writes as a new change would be checked: a step that no longer fits refuses
   * the whole undo/redo, which then changes nothing.
   */
  private replay(entry: HistoryEntry, steps: readonly Transition[], action: 'undo' | 'redo'): Transition[] {
    const memo = newMemo();
    const done = steps.map((step) => {
      try {
        return { ...step, after: this.handlerFor(step.kind).replay(step as never, memo) } as Transition;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // The English keeps its lower-case reason; the catalogue's reason fragments already are.
        const ref = {
          key: action === 'undo' ? 'undoRefused' : 'redoRefused',
          params: { description: this.descriptionRef(entry) ?? entry.description, reason: reasonOf(error) },
        } as const;
        throw new ApiError(
          'rejected',
          `Cannot ${action} “${entry.description}”: ${lowerFirst(error.message)}`,
          undefined,
          ref,
        );
      }
    });
    this.afterWrite(done);
    return done;
  }

  private afterWrite(transitions: readonly Transition[]): void {
    for (const [family, steps] of groupByFamily(transitions)) {
      this.handlers[family].afterWrite?.(steps as never);
    }
  }

  /** A set in words: its one change, or a count ("Tag 12 spans", "5 edits"). */
  private describeSet(transitions: readonly Transition[]): Description {
    const [first] = transitions;
    if (!first) return { key: 'descNoChange', params: {} };
    if (transitions.length === 1) return this.handlerFor(first.kind).describe(first as never);
    const kinds = new Set(transitions.map((step) => step.kind));
    if (kinds.size === 1) return this.handlerFor(first.kind).describeMany(first.kind as never, transitions.length);
    return { key: 'descEdits', params: { count: transitions.length } };
  }

  private result(
    scope: HistoryScope,
    description: string,
    transitions: readonly Transition[],
    createdIds: Record<string, number>,
    descriptionRef: MessageRef | undefined,
  ): AppliedChanges {
    const report: AppliedReport = { upserted: [], removed: [] };
    for (const [family, steps] of groupByFamily(transitions)) {
      const handler = this.handlers[family] as ChangeHandler<ChangeFamily>;
      // The first `before` and the last `after` of each touched record: what it was and what now holds.
      const finalStates = new Map<string, { before: RecordState | null; after: RecordState | null }>();
      for (const step of steps) {
        const key = handler.recordKey((step.after ?? step.before) as never);
        const seen = finalStates.get(key);
        finalStates.set(key, { before: seen ? seen.before : step.before, after: step.after });
      }
      handler.report(finalStates as never, report);
    }
    return {
      articleId: scope,
      description,
      ...(descriptionRef ? { descriptionRef } : {}),
      createdIds,
      ...report,
      history: scope === null ? null : this.historyState(scope),
      summary: scope === null ? null : this.articles.getSummary(scope),
    };
  }
}

function newMemo(): WriteMemo {
  const values = new Map<string, unknown>();
  return {
    memo<T>(key: string, make: () => T): T {
      if (!values.has(key)) values.set(key, make());
      return values.get(key) as T;
    },
  };
}

function groupByFamily(transitions: readonly Transition[]): Map<ChangeFamily, Transition[]> {
  const groups = new Map<ChangeFamily, Transition[]>();
  for (const step of transitions) {
    const family = familyOf(step.kind);
    const group = groups.get(family) ?? [];
    group.push(step);
    groups.set(family, group);
  }
  return groups;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

const textOf = (description: Description): string =>
  typeof description === 'string' ? description : englishMessage(description.key, description.params);

/** The history state of a stack whose next undo and redo are these entries. */
export function historyStateOf(
  undo: HistoryEntry | null,
  redo: HistoryEntry | null,
  refOf: (entry: HistoryEntry) => MessageRef | undefined,
): HistoryState {
  const undoRef = undo && refOf(undo);
  const redoRef = redo && refOf(redo);
  return {
    canUndo: undo !== null,
    canRedo: redo !== null,
    undoDescription: undo?.description ?? null,
    redoDescription: redo?.description ?? null,
    ...(undoRef ? { undoDescriptionRef: undoRef } : {}),
    ...(redoRef ? { redoDescriptionRef: redoRef } : {}),
  };
}
