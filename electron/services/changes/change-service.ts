import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { AppliedChanges, Change, ChangeSet, HistoryState, Transition } from '../../../shared/domain/changes';
import type { Annotation } from '../../../shared/domain/schemas';
import { spanProblem } from '../../../shared/domain/spans';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import { nowIso } from '../store/clock';
import type { HistoryEntry, HistoryStore } from '../store/history';
import type { LabelStore } from '../store/labels';
import { writeTransaction } from '../store/write-transaction';
import { describeSet, shorten } from './describe';

export type AppliedListener = (applied: AppliedChanges) => void;

/** Who is writing when a set names no author: the local profile. */
export interface AuthorSource {
  displayName(): string;
}

/** The span fields every stored annotation must satisfy. */
type SpanFields = Pick<Annotation, 'articleId' | 'labelKey' | 'start' | 'end' | 'quote'>;

/**
 * The one write path for annotations (and, later, relations, labels, entities, article fields).
 * A change set is validated and applied all-or-nothing in one transaction, through the stores,
 * and recorded as ONE history entry; undo and redo move the stored state through the same
 * validation. Write transactions start IMMEDIATE: they take the write lock before their first
 * read, so another connection's commit can never invalidate what they read (SQLITE_BUSY_SNAPSHOT);
 * they wait for the lock up to the connection's busy_timeout instead.
 */
export class ChangeService {
  private readonly listeners = new Set<AppliedListener>();
  /** Sets applied inside `batch`, announced when it commits; null outside a batch. */
  private pending: AppliedChanges[] | null = null;

  constructor(
    private readonly db: Database,
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
    private readonly annotations: AnnotationStore,
    private readonly history: HistoryStore,
    private readonly authors: AuthorSource,
  ) {}

  /** Called after each write commits (never for one that rolled back); returns an unsubscribe. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(set: ChangeSet): AppliedChanges {
    return this.write(() => this.applySet(set));
  }

  /** Undoes the article's newest set not undone; null when there is none. */
  undo(articleId: number): AppliedChanges | null {
    return this.write(() => {
      this.articles.getSummary(articleId); // not_found for a missing article
      const entry = this.history.nextUndo(articleId);
      if (!entry) return null;
      const steps = [...entry.transitions]
        .reverse()
        .map(({ kind, before, after }) => ({ kind, before: after, after: before }));
      const done = this.replay(entry, steps, 'undo');
      this.history.setUndone(entry.id, true);
      return this.result(articleId, entry.description, done, {});
    });
  }

  /** Redoes the article's oldest undone set; null when there is none. */
  redo(articleId: number): AppliedChanges | null {
    return this.write(() => {
      this.articles.getSummary(articleId);
      const entry = this.history.nextRedo(articleId);
      if (!entry) return null;
      const done = this.replay(entry, entry.transitions, 'redo');
      this.history.setUndone(entry.id, false);
      return this.result(articleId, entry.description, done, {});
    });
  }

  historyState(articleId: number): HistoryState {
    this.articles.getSummary(articleId);
    const undo = this.history.nextUndo(articleId);
    const redo = this.history.nextRedo(articleId);
    return {
      canUndo: undo !== null,
      canRedo: redo !== null,
      undoDescription: undo?.description ?? null,
      redoDescription: redo?.description ?? null,
    };
  }

  /**
   * Runs `work` in one IMMEDIATE transaction (e.g. a whole imported file); the sets it applies
   * are savepoints inside it and are announced to listeners only once it has committed.
   */
  batch<T>(work: () => T): T {
    if (this.pending) return this.db.transaction(work)();
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

  private applySet(set: ChangeSet): AppliedChanges {
    if (set.articleId !== undefined) this.articles.getSummary(set.articleId);
    const author = set.author ?? this.authors.displayName();
    const validator = new SpanValidator(this.articles, this.labels);
    const createdIds: Record<string, number> = {};
    const transitions = set.changes.map((change, index) => {
      try {
        const transition = this.applyChange(change, set, author, validator, createdIds);
        const articleId = (transition.after ?? transition.before)?.articleId;
        if (set.articleId !== undefined && articleId !== set.articleId) {
          throw new ApiError('rejected', `it is in article ${articleId}, not in article ${set.articleId} of the set.`);
        }
        return transition;
      } catch (error) {
        if (set.changes.length === 1 || !(error instanceof ApiError)) throw error;
        throw new ApiError(
          error.code,
          `Change ${index + 1} of ${set.changes.length} (${change.kind}): ${error.message}`,
        );
      }
    });
    const articleIds = new Set(transitions.map(articleOf));
    const articleId = set.articleId ?? (articleIds.size === 1 ? [...articleIds][0]! : null);
    const description = set.description ?? describeSet(transitions);
    this.history.record({ articleId, origin: set.origin, author, description, transitions });
    this.markArticles(transitions);
    return this.result(articleId, description, transitions, createdIds);
  }

  private applyChange(
    change: Change,
    set: ChangeSet,
    author: string,
    validator: SpanValidator,
    createdIds: Record<string, number>,
  ): Transition {
    switch (change.kind) {
      case 'annotation.create': {
        if (change.ref in createdIds)
          throw new ApiError('rejected', `the ref “${change.ref}” is used twice in the set.`);
        const { imported, note, ...span } = change.annotation;
        if (imported && set.origin !== 'import' && set.origin !== 'merge') {
          throw new ApiError('rejected', 'only import and merge sets can carry imported provenance.');
        }
        validator.assert(span);
        // Imports and merges skip the spans they already hold themselves (and report them).
        if (set.origin !== 'import' && set.origin !== 'merge') this.refuseIdentical(span, null);
        const now = nowIso();
        const created = this.annotations.insert({
          ...span,
          note: note ?? '',
          author: imported?.author ?? author,
          origin: imported?.origin ?? set.origin,
          ...(imported ? { importedId: imported.id } : {}),
          createdAt: imported?.createdAt ?? now,
          updatedAt: imported?.updatedAt ?? now,
        });
        createdIds[change.ref] = created.id;
        return { kind: change.kind, before: null, after: created };
      }
      case 'annotation.update': {
        const before = this.annotations.get(change.id);
        const { patch } = change;
        const rangeChanged = patch.start !== undefined || patch.end !== undefined;
        if (rangeChanged && patch.quote === undefined) {
          throw new ApiError('rejected', 'Changing a span’s edges needs the new quote, to check it against the text.');
        }
        const next: Annotation = {
          ...before,
          labelKey: patch.labelKey ?? before.labelKey,
          start: patch.start ?? before.start,
          end: patch.end ?? before.end,
          quote: patch.quote ?? before.quote,
          note: patch.note ?? before.note,
          updatedAt: nowIso(),
        };
        validator.assert(next);
        if (next.labelKey !== before.labelKey || next.start !== before.start || next.end !== before.end)
          this.refuseIdentical(next, next.id);
        return { kind: change.kind, before, after: this.annotations.replace(next) };
      }
      case 'annotation.delete': {
        const before = this.annotations.get(change.id);
        this.annotations.delete(change.id);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  /** A second span with the same label and range would only be counted twice by every export. */
  private refuseIdentical(span: SpanFields, exceptId: number | null): void {
    const twin = this.annotations.findIdentical(span, exceptId);
    if (twin) {
      throw new ApiError(
        'rejected',
        `There is already a ${span.labelKey} span on “${shorten(twin.quote)}” here (annotation ${twin.id}).`,
      );
    }
  }

  /**
   * Moves the stored state through `steps` (each from its `before` to its `after`), checking
   * every state it writes as a new change would be checked: a step that no longer fits (its
   * label was removed, its id is taken) refuses the whole undo/redo, which then changes nothing.
   */
  private replay(entry: HistoryEntry, steps: readonly Transition[], action: 'undo' | 'redo'): Transition[] {
    const validator = new SpanValidator(this.articles, this.labels);
    const done = steps.map((step) => {
      try {
        return { ...step, after: this.move(step, validator) };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        throw new ApiError('rejected', `Cannot ${action} “${entry.description}”: ${lowerFirst(error.message)}`);
      }
    });
    this.markArticles(done);
    return done;
  }

  private move({ before, after }: Transition, validator: SpanValidator): Annotation | null {
    const id = (after ?? before)?.id;
    if (id === undefined) return null;
    const current = this.annotations.find(id);
    if (before !== null && current === null) throw new ApiError('rejected', `annotation ${id} no longer exists.`);
    if (before === null && current !== null) throw new ApiError('rejected', `annotation id ${id} is taken.`);
    if (after === null) {
      this.annotations.delete(id);
      return null;
    }
    validator.assert(after);
    return before === null ? this.annotations.insert(after) : this.annotations.replace(after);
  }

  /** Every touched article is updated now; one that gains an annotation is in progress. */
  private markArticles(transitions: readonly Transition[]): void {
    for (const articleId of new Set(transitions.map(articleOf))) {
      const gained = transitions.some((t) => t.before === null && t.after !== null && t.after.articleId === articleId);
      if (gained) this.articles.markStarted(articleId);
      this.articles.touch(articleId);
    }
  }

  private result(
    articleId: number | null,
    description: string,
    transitions: readonly Transition[],
    createdIds: Record<string, number>,
  ): AppliedChanges {
    // The last state of each touched annotation is what now holds.
    const finalStates = new Map<number, Annotation | null>();
    for (const { before, after } of transitions) {
      const id = (after ?? before)?.id;
      if (id !== undefined) finalStates.set(id, after);
    }
    const upserted: Annotation[] = [];
    const removed: number[] = [];
    for (const [id, state] of finalStates) {
      if (state) upserted.push(state);
      else removed.push(id);
    }
    return {
      articleId,
      description,
      upserted,
      removed,
      createdIds,
      history: articleId === null ? null : this.historyState(articleId),
      summary: articleId === null ? null : this.articles.getSummary(articleId),
    };
  }
}

const articleOf = (transition: Transition): number => {
  const annotation = transition.after ?? transition.before;
  if (!annotation) throw new Error('A transition with neither a before nor an after state.');
  return annotation.articleId;
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Checks spans against the label schema and the canonical text, reading each article once per write. */
class SpanValidator {
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
  ) {}

  assert(span: SpanFields): void {
    if (!this.labels.exists(span.labelKey)) throw new ApiError('rejected', `There is no label ${span.labelKey}.`);
    let text = this.texts.get(span.articleId);
    if (text === undefined) {
      text = this.articles.getText(span.articleId);
      this.texts.set(span.articleId, text);
    }
    const problem = spanProblem(text, span.start, span.end, span.quote);
    if (problem) throw new ApiError('rejected', `The span was not saved: ${problem}.`);
  }
}
