import type { AppliedChanges, Change, ChangeOrigin, Transition } from '../../../shared/domain/changes';
import type { MessageRef } from '../../../shared/messages/backend-messages';

/** The part of a change kind before the dot: 'annotation' for 'annotation.create'. */
export type ChangeFamily = Change['kind'] extends `${infer Family}.${string}` ? Family : never;
export type ChangeOf<F extends ChangeFamily> = Extract<Change, { kind: `${F}.${string}` }>;
export type TransitionOf<F extends ChangeFamily> = Extract<Transition, { kind: `${F}.${string}` }>;
type StateOf<F extends ChangeFamily> = NonNullable<TransitionOf<F>['after']>;

export const familyOf = (kind: Change['kind'] | Transition['kind']): ChangeFamily =>
  kind.slice(0, kind.indexOf('.')) as ChangeFamily;

/** Per-write scratch space shared by the handlers, e.g. article texts read once per write. */
export interface WriteMemo {
  memo<T>(key: string, make: () => T): T;
}

/** What a handler sees while a change set is applied. */
export interface ApplyContext extends WriteMemo {
  readonly origin: ChangeOrigin;
  readonly author: string;
  /** Create ref → saved id, for the whole set (refs are unique in a set). */
  readonly createdIds: Record<string, number>;
  /**
   * Applies another change inside the same set, before the one being applied: a cascade (a span's
   * relations deleted with it, a merged label's spans moved). It is validated, recorded and undone
   * like any change of the set.
   */
  apply(change: Change): void;
}

/** The part of the write's answer a family fills in from the final states of what it touched. */
export type AppliedReport = Omit<AppliedChanges, 'articleId' | 'description' | 'createdIds' | 'history' | 'summary'>;

/**
 * Everything the change pipeline needs to know about one family of changes (annotation.*, and
 * later relation.*, label.*, entity.*, field.*). A family is added by writing a handler and
 * registering it in `ChangeHandlers`; the compiler insists every family of `Change` has one.
 */
export interface ChangeHandler<F extends ChangeFamily> {
  /**
   * True for a family whose sets are applied and announced but recorded on no undo stack (briefs:
   * the editor has its own history). Such changes cannot share a set with recorded ones.
   */
  readonly offTheRecord?: boolean;
  /** Validates one change against the stored state, writes it through the stores, and says what it did. */
  apply(change: ChangeOf<F>, context: ApplyContext): TransitionOf<F>;
  /**
   * Moves the stored state of one record from `step.before` to `step.after` (undo passes the
   * transition reversed), refusing when the record is no longer in the `before` state or when
   * `after` no longer fits (its label was removed, its id is taken). Returns the state written.
   */
  replay(step: TransitionOf<F>, memo: WriteMemo): StateOf<F> | null;
  /** The record a transition is about, as a stable key within the family (its id). */
  recordKey(state: StateOf<F>): string;
  /** The article a transition belongs to, for per-article history; null for corpus-wide records. */
  articleOf(state: StateOf<F>): number | null;
  /**
   * One transition in words, as undo/redo buttons and toasts show it: English, or a catalogue
   * message (shared/messages), which a UI shows in its own language.
   */
  describe(step: TransitionOf<F>): Description;
  /** Several transitions of one kind in words ("Tag 12 spans"). */
  describeMany(kind: TransitionOf<F>['kind'], count: number): Description;
  /** Writes the final state of every touched record of the family into the answer. */
  report(
    finalStates: ReadonlyMap<string, { before: StateOf<F> | null; after: StateOf<F> | null }>,
    into: AppliedReport,
  ): void;
  /** Runs once per write after all its transitions, e.g. to mark touched articles as updated. */
  afterWrite?(steps: readonly TransitionOf<F>[]): void;
  /**
   * Changes that must be applied before `change` (of any family) for it to be valid; e.g. the
   * relation family deletes a span's relations before the span itself.
   */
  cascade?(change: Change, context: ApplyContext): Change[];
}

export type ChangeHandlers = { readonly [F in ChangeFamily]: ChangeHandler<F> };

/** A description in English, or by catalogue key (the English is then the catalogue's). */
export type Description = string | MessageRef;
