import { ApiError } from '../../../../shared/contract/errors';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import { parentProblem, replaceLabelKey } from '../../../../shared/domain/label-tree';
import {
  LABEL_DESCRIPTION_MAX_CHARS,
  LABEL_GUIDELINE_MAX_CHARS,
  LabelSchema,
  type Label,
} from '../../../../shared/domain/schemas';
import { labelHotkeyClash, labelHotkeyText } from '../../../../shared/keymap';
import type { AttributeDefStore } from '../../store/attribute-defs';
import type { LabelStore } from '../../store/labels';
import type { RelationTypeStore } from '../../store/relations';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';

/**
 * The label schema: labels created, edited, renamed, hidden, put under a parent, merged and
 * deleted. Every change is checked against the whole schema (a free key and hotkey, no cycle);
 * a merge or delete moves or deletes the label's annotations through `context.apply`, so the
 * whole step is one set, undone as one. Relation types name the labels they allow by key, so a
 * rename, merge or delete rewrites those lists in the same set. Label sets are corpus-wide
 * (`articleOf` is null).
 */
export class LabelHandler implements ChangeHandler<'label'> {
  constructor(
    private readonly labels: LabelStore,
    private readonly relationTypes: RelationTypeStore,
    private readonly attributeDefs: AttributeDefStore,
  ) {}

  apply(change: ChangeOf<'label'>, context: ApplyContext): TransitionOf<'label'> {
    switch (change.kind) {
      case 'label.create': {
        const label = this.parsed(change.label);
        this.assertFits(label, null);
        this.labels.insert(label);
        return { kind: change.kind, before: null, after: label };
      }
      case 'label.update': {
        const before = this.existing(change.key);
        const after = this.parsed({ ...before, ...change.patch });
        this.assertFits(after, before.key);
        this.labels.replace(before.key, after);
        if (after.key !== before.key) this.renameInKeyLists(before.key, after.key);
        return { kind: change.kind, before, after };
      }
      case 'label.delete': {
        const before = this.existing(change.key);
        const target = change.moveAnnotationsTo;
        if (target !== null) this.assertMoveTarget(before.key, target);
        this.assertNoEntities(before.key);
        this.moveSublabels(before, () => before.parentKey, context);
        this.moveAnnotations(before.key, target, context);
        this.retargetRelationTypes(before.key, target, context);
        this.labels.delete(before.key);
        return { kind: change.kind, before, after: null, movedTo: target };
      }
      case 'label.merge': {
        const before = this.existing(change.key);
        this.assertMoveTarget(before.key, change.intoKey);
        this.assertNoEntities(before.key);
        // The target itself may be one of the sublabels: it takes the merged label's place.
        this.moveSublabels(
          before,
          (child) => (child.key === change.intoKey ? before.parentKey : change.intoKey),
          context,
        );
        this.moveAnnotations(before.key, change.intoKey, context);
        this.retargetRelationTypes(before.key, change.intoKey, context);
        this.labels.delete(before.key);
        return { kind: change.kind, before, after: null, movedTo: change.intoKey };
      }
    }
  }

  replay({ before, after }: TransitionOf<'label'>, _memo: WriteMemo): Label | null {
    if (before !== null) {
      const current = this.labels.get(before.key);
      if (!current) throw ApiError.of('rejected', 'labelGone', { label: before.key });
      if (!sameLabel(current, before)) throw ApiError.of('rejected', 'labelChangedSince', { label: before.key });
    }
    if (after === null) {
      const key = before!.key;
      const used = this.labels.countAnnotations(key);
      if (used > 0) throw ApiError.of('rejected', 'labelStillUsed', { label: key, count: used });
      this.assertNoEntities(key);
      const children = this.labels.list().filter((label) => label.parentKey === key);
      if (children.length > 0) {
        throw ApiError.of('rejected', 'labelHasSublabels', {
          label: key,
          sublabels: children.map((c) => c.key).join(', '),
        });
      }
      this.labels.delete(key);
      return null;
    }
    this.assertFits(after, before?.key ?? null);
    if (before) {
      this.labels.replace(before.key, after);
      if (after.key !== before.key) this.renameInKeyLists(before.key, after.key);
    } else this.labels.insert(after);
    return after;
  }

  recordKey(state: Label): string {
    return state.key;
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after, movedTo }: TransitionOf<'label'>): MessageRef {
    if (kind === 'label.create' && after) return { key: 'descLabelAdd', params: { label: after.key } };
    if (kind === 'label.merge' && before)
      return { key: 'descLabelMerge', params: { label: before.key, into: movedTo ?? '?' } };
    if (kind === 'label.delete' && before) {
      return movedTo
        ? { key: 'descLabelDeleteMoving', params: { label: before.key, into: movedTo } }
        : { key: 'descLabelDelete', params: { label: before.key } };
    }
    if (before && after) {
      if (before.key !== after.key) return { key: 'descLabelRename', params: { from: before.key, to: after.key } };
      if (before.hidden !== after.hidden)
        return { key: after.hidden ? 'descLabelHide' : 'descLabelShow', params: { label: after.key } };
      if (before.parentKey !== after.parentKey) {
        return after.parentKey === null
          ? { key: 'descLabelMoveTop', params: { label: after.key } }
          : { key: 'descLabelMove', params: { label: after.key, parent: after.parentKey } };
      }
      return { key: 'descLabelEdit', params: { label: after.key } };
    }
    // A create undone or a removal redone: the transition is reversed, so say what it does now.
    return after
      ? { key: 'descLabelAdd', params: { label: after.key } }
      : { key: 'descLabelRemove', params: { label: before?.key ?? '' } };
  }

  describeMany(_kind: TransitionOf<'label'>['kind'], count: number): MessageRef {
    return { key: 'descLabelEditMany', params: { count } };
  }

  report(finalStates: ReadonlyMap<string, { before: Label | null; after: Label | null }>, into: AppliedReport): void {
    const labels = (into.labels ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) labels.upserted.push(after);
      if (before && before.key !== after?.key) labels.removed.push(before.key);
    }
  }

  /** Checks the fields one by one, so the message names the field (as it is spelled in files and calls). */
  private parsed(label: Label): Label {
    const result = LabelSchema.strict().safeParse(label);
    if (result.success) return result.data;
    const field = String(result.error.issues[0]?.path[0] ?? 'label');
    const problem: MessageRef = LABEL_FIELD_PROBLEMS[field as keyof Label] ?? { key: 'labelFieldInvalid', params: {} };
    throw ApiError.of('rejected', 'labelFieldRefused', { label: String(label.key), field, problem });
  }

  private existing(key: string): Label {
    const label = this.labels.get(key);
    if (!label) throw ApiError.of('not_found', 'labelNotFound', { label: key });
    return label;
  }

  /**
   * The label fits the rest of the schema: its key is free (unless it is the row being written,
   * `ownKey`), its hotkey is neither another label's nor a reader shortcut, its parent exists and
   * is not below it.
   */
  private assertFits(label: Label, ownKey: string | null): void {
    const others = this.labels.list().filter((other) => other.key !== ownKey);
    const taken = others.find((other) => other.key === label.key);
    if (taken) throw ApiError.of('rejected', 'labelKeyTaken', { label: label.key, name: taken.nameEn });
    if (label.hotkey !== null) {
      const keys = labelHotkeyText(label.hotkey);
      const owner = others.find((other) => other.hotkey === label.hotkey);
      if (owner) {
        throw ApiError.of('rejected', 'labelHotkeyTaken', {
          label: label.key,
          keys,
          owner: owner.key,
          name: owner.nameEn,
        });
      }
      const clash = labelHotkeyClash(label.hotkey);
      if (clash) {
        throw clash === 'reserved'
          ? ApiError.of('rejected', 'labelHotkeyReserved', { label: label.key, keys })
          : ApiError.of('rejected', 'labelHotkeyIsShortcut', { label: label.key, keys, shortcut: clash });
      }
    }
    // The tree as it would be, with this row written over its old self.
    const problem = parentProblem([...others, label], label.key, label.parentKey);
    if (problem) throw ApiError.of('rejected', 'labelParentRefused', { label: label.key, problem });
  }

  /** Entities are typed by a label (`entities.type_label_key`): a label they use stays. */
  private assertNoEntities(key: string): void {
    const count = this.labels.countEntities(key);
    if (count > 0) throw ApiError.of('rejected', 'labelTypesEntities', { label: key, count });
  }

  private assertMoveTarget(key: string, target: string): void {
    if (target === key) throw ApiError.of('rejected', 'labelMergeIntoItself', { label: key });
    this.existing(target);
  }

  private moveSublabels(label: Label, newParent: (child: Label) => string | null, context: ApplyContext): void {
    for (const child of this.labels.list().filter((candidate) => candidate.parentKey === label.key)) {
      context.apply({ kind: 'label.update', key: child.key, patch: { parentKey: newParent(child) } });
    }
  }

  /**
   * Relation types that allow `key` allow `target` instead (or no longer allow it, when null), as
   * changes of the set: a merge's or delete's target exists before and after it, so they replay
   * in either direction.
   */
  private retargetRelationTypes(key: string, target: string | null, context: ApplyContext): void {
    for (const type of this.relationTypes.list()) {
      if (!type.headLabels.includes(key) && !type.tailLabels.includes(key)) continue;
      context.apply({
        kind: 'relationType.update',
        key: type.key,
        patch: {
          headLabels: replaceLabelKey(type.headLabels, key, target),
          tailLabels: replaceLabelKey(type.tailLabels, key, target),
        },
      });
    }
  }

  /**
   * A rename rewrites the lists that name labels by key (relation types' ends, span references'
   * targets) in place, as `ON UPDATE CASCADE` does for the annotations, both when applied and when
   * replayed. As changes of their own they could not be replayed: whichever comes first of list
   * and label, one direction would meet a list naming a key that is not (yet, or any more) a label.
   */
  private renameInKeyLists(from: string, to: string): void {
    for (const type of this.relationTypes.list()) {
      if (!type.headLabels.includes(from) && !type.tailLabels.includes(from)) continue;
      this.relationTypes.put({
        ...type,
        headLabels: replaceLabelKey(type.headLabels, from, to),
        tailLabels: replaceLabelKey(type.tailLabels, from, to),
      });
    }
    for (const def of this.attributeDefs.list()) {
      if (def.spec.type !== 'span' || !def.spec.labelKeys.includes(from)) continue;
      this.attributeDefs.put({
        ...def,
        spec: { ...def.spec, labelKeys: replaceLabelKey(def.spec.labelKeys, from, to) },
      });
    }
  }

  /**
   * Moves every annotation of `key` to `target`, or deletes them (null). A span that the target
   * label already has on the same range is deleted instead: the two become one.
   */
  private moveAnnotations(key: string, target: string | null, context: ApplyContext): void {
    const spot = (span: { articleId: number; start: number; end: number }) =>
      `${span.articleId}:${span.start}:${span.end}`;
    const targetSpots = new Set(target === null ? [] : this.labels.spansOf(target).map(spot));
    for (const span of this.labels.spansOf(key)) {
      if (target === null || targetSpots.has(spot(span))) context.apply({ kind: 'annotation.delete', id: span.id });
      else context.apply({ kind: 'annotation.update', id: span.id, patch: { labelKey: target } });
    }
  }
}

/** What a label field must be, by field: zod's own texts are English only. */
const LABEL_FIELD_PROBLEMS: Partial<Record<keyof Label, MessageRef>> = {
  key: { key: 'labelFieldKey', params: {} },
  parentKey: { key: 'labelFieldKey', params: {} },
  nameVi: { key: 'labelFieldNameVi', params: {} },
  nameEn: { key: 'labelFieldNameEn', params: {} },
  color: { key: 'labelFieldColor', params: {} },
  hotkey: { key: 'labelFieldHotkey', params: {} },
  kind: { key: 'labelFieldKind', params: {} },
  description: { key: 'labelFieldTooLong', params: { max: LABEL_DESCRIPTION_MAX_CHARS } },
  guideline: { key: 'labelFieldTooLong', params: { max: LABEL_GUIDELINE_MAX_CHARS } },
  sortOrder: { key: 'labelFieldWholeNumber', params: {} },
  hidden: { key: 'labelFieldTrueFalse', params: {} },
};

const sameLabel = (a: Label, b: Label): boolean =>
  (Object.keys(a) as (keyof Label)[]).every((field) => a[field] === b[field]);
