import { ApiError } from '../../../../shared/contract/errors';
import type { BackendMessageKey, MessageParams } from '../../../../shared/messages/backend-messages';
import { valueProblem, type AttributeDef, type FieldDef } from '../../../../shared/domain/attributes';
import { replaceLabelKey } from '../../../../shared/domain/label-tree';
import type { Change, FieldValueState } from '../../../../shared/domain/changes';
import type { AnnotationStore } from '../../store/annotations';
import type { ArticleFieldStore } from '../../store/article-fields';
import type { ArticleStore } from '../../store/articles';
import type { AttributeDefStore, FieldDefStore } from '../../store/attribute-defs';
import { nowIso } from '../../store/clock';
import type { LabelStore } from '../../store/labels';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf } from '../change-handler';

/** Stored states compared as stored: undo must find exactly what the step left. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Refuses a replay when the record is no longer what the step left (changed since by a set on
 * another stack), or when the id it would create is taken.
 */
/** The messages of one kind of record whose state moved under an undo or redo: gone, back, or changed. */
interface ReplayMessages {
  gone: BackendMessageKey;
  again: BackendMessageKey;
  changed: BackendMessageKey;
}
const ATTRIBUTE_DEF: ReplayMessages = {
  gone: 'attributeDefGone',
  again: 'attributeDefExistsAgain',
  changed: 'attributeDefChangedSince',
};
const FIELD_DEF: ReplayMessages = {
  gone: 'fieldDefGone',
  again: 'fieldDefExistsAgain',
  changed: 'fieldDefChangedSince',
};
const FIELD_VALUE: ReplayMessages = {
  gone: 'fieldValueGone',
  again: 'fieldValueExistsAgain',
  changed: 'fieldValueChangedSince',
};

function assertReplayable(messages: ReplayMessages, params: MessageParams, before: unknown, current: unknown): void {
  if (before !== null && current === null) throw ApiError.of('rejected', messages.gone, params);
  if (before === null && current !== null) throw ApiError.of('rejected', messages.again, params);
  if (before !== null && !same(before, current)) throw ApiError.of('rejected', messages.changed, params);
}

/** How many stored values a changed definition would no longer accept, as a refusal naming the definition. */
function refuseMisfits(
  key: 'attributeDefMisfits' | 'fieldDefMisfits',
  params: MessageParams,
  values: readonly unknown[],
  accepts: (value: unknown) => boolean,
) {
  const misfits = values.filter((value) => !accepts(value));
  if (misfits.length > 0) {
    throw ApiError.of('rejected', key, { ...params, count: misfits.length, example: JSON.stringify(misfits[0]) });
  }
}

/** Attribute definitions of labels: schema edits, on the corpus-wide history. */
export class AttributeDefHandler implements ChangeHandler<'attributeDef'> {
  constructor(
    private readonly labels: LabelStore,
    private readonly defs: AttributeDefStore,
    private readonly annotations: AnnotationStore,
  ) {}

  apply(change: ChangeOf<'attributeDef'>, context: ApplyContext): TransitionOf<'attributeDef'> {
    switch (change.kind) {
      case 'attributeDef.create': {
        const { def } = change;
        if (this.defs.find(def.labelKey, def.key)) {
          throw ApiError.of('rejected', 'attributeDefExists', { label: def.labelKey, key: def.key });
        }
        this.assertFits(def);
        return { kind: change.kind, before: null, after: this.defs.put(def) };
      }
      case 'attributeDef.update': {
        const before = this.get(change.labelKey, change.key);
        const next: AttributeDef = { ...before, ...change.patch };
        this.assertFits(next);
        if (change.patch.spec) {
          const values = this.annotations
            .listWithAttribute(next.labelKey, next.key)
            .map((annotation) => annotation.attributes?.[next.key]);
          refuseMisfits(
            'attributeDefMisfits',
            { label: next.labelKey, key: next.key },
            values,
            (value) => valueProblem(next.spec, value) === null,
          );
        }
        return { kind: change.kind, before, after: this.defs.put(next) };
      }
      case 'attributeDef.delete': {
        const before = this.get(change.labelKey, change.key);
        // The values go with their definition, in the same set: one undo brings both back.
        for (const annotation of this.annotations.listWithAttribute(change.labelKey, change.key)) {
          context.apply({
            kind: 'annotation.update',
            id: annotation.id,
            patch: { attributes: { [change.key]: null } },
          });
        }
        this.defs.delete(change.labelKey, change.key);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  /**
   * A label deleted, or merged into another, takes its attribute definitions (and their values)
   * with it, in the same set: undo brings the label, its definitions and its spans' values back.
   * Span references name the labels they may point at by key, so a merge or delete rewrites those
   * lists in the same set, as it does relation types' (a rename rewrites them in place, see
   * `LabelHandler`); a reference left with no label to point at is deleted (its values pointed at
   * the deleted spans and are cleared with them).
   */
  cascade(change: Change): Change[] {
    if (change.kind !== 'label.delete' && change.kind !== 'label.merge') return [];
    const own = this.defs
      .listForLabel(change.key)
      .map((def): Change => ({ kind: 'attributeDef.delete', labelKey: def.labelKey, key: def.key }));
    const target = change.kind === 'label.merge' ? change.intoKey : change.moveAnnotationsTo;
    const references = this.defs.list().flatMap((def): Change[] => {
      if (def.labelKey === change.key || def.spec.type !== 'span' || !def.spec.labelKeys.includes(change.key))
        return [];
      const labelKeys = replaceLabelKey(def.spec.labelKeys, change.key, target);
      return labelKeys.length === 0
        ? [{ kind: 'attributeDef.delete', labelKey: def.labelKey, key: def.key }]
        : [
            {
              kind: 'attributeDef.update',
              labelKey: def.labelKey,
              key: def.key,
              patch: { spec: { ...def.spec, labelKeys } },
            },
          ];
    });
    return [...own, ...references];
  }

  replay({ before, after }: TransitionOf<'attributeDef'>): AttributeDef | null {
    const { labelKey, key } = (after ?? before)!;
    assertReplayable(ATTRIBUTE_DEF, { label: labelKey, key }, before, this.defs.find(labelKey, key));
    if (after === null) {
      this.defs.delete(labelKey, key);
      return null;
    }
    this.assertFits(after);
    return this.defs.put(after);
  }

  recordKey(state: AttributeDef): string {
    return `${state.labelKey}.${state.key}`;
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after }: TransitionOf<'attributeDef'>): string {
    const def = (after ?? before)!;
    const verb = kind === 'attributeDef.create' ? 'Add' : kind === 'attributeDef.delete' ? 'Delete' : 'Edit';
    return `${verb} attribute ${def.labelKey}.${def.key}`;
  }

  describeMany(kind: TransitionOf<'attributeDef'>['kind'], count: number): string {
    const verb = kind === 'attributeDef.create' ? 'Add' : kind === 'attributeDef.delete' ? 'Delete' : 'Edit';
    return `${verb} ${count} attributes`;
  }

  report(
    finalStates: ReadonlyMap<string, { before: AttributeDef | null; after: AttributeDef | null }>,
    into: AppliedReport,
  ): void {
    const report = { upserted: [] as AttributeDef[], removed: [] as { labelKey: string; key: string }[] };
    for (const { before, after } of finalStates.values()) {
      if (after) report.upserted.push(after);
      else if (before) report.removed.push({ labelKey: before.labelKey, key: before.key });
    }
    into.attributeDefs = report;
  }

  private get(labelKey: string, key: string): AttributeDef {
    const def = this.defs.find(labelKey, key);
    if (!def) throw ApiError.of('not_found', 'attributeDefNotFound', { label: labelKey, key });
    return def;
  }

  /** The label exists, and a span reference names labels that exist. */
  private assertFits(def: AttributeDef): void {
    if (!this.labels.exists(def.labelKey)) throw ApiError.of('rejected', 'labelNotFound', { label: def.labelKey });
    const missing = def.spec.type === 'span' ? def.spec.labelKeys.find((key) => !this.labels.exists(key)) : undefined;
    if (missing) {
      throw ApiError.of('rejected', 'attributeSpanTargetNotLabel', {
        label: def.labelKey,
        key: def.key,
        target: missing,
      });
    }
  }
}

/** Document field definitions: schema edits, on the corpus-wide history. */
export class FieldDefHandler implements ChangeHandler<'fieldDef'> {
  constructor(
    private readonly defs: FieldDefStore,
    private readonly values: ArticleFieldStore,
  ) {}

  apply(change: ChangeOf<'fieldDef'>, context: ApplyContext): TransitionOf<'fieldDef'> {
    switch (change.kind) {
      case 'fieldDef.create': {
        if (this.defs.find(change.def.key)) {
          throw ApiError.of('rejected', 'fieldDefExists', { key: change.def.key });
        }
        return { kind: change.kind, before: null, after: this.defs.put(change.def) };
      }
      case 'fieldDef.update': {
        const before = this.get(change.key);
        const next: FieldDef = { ...before, ...change.patch };
        if (change.patch.spec) {
          refuseMisfits(
            'fieldDefMisfits',
            { key: next.key },
            this.values.listForField(next.key).map((state) => state.value),
            (value) => valueProblem(next.spec, value) === null,
          );
        }
        return { kind: change.kind, before, after: this.defs.put(next) };
      }
      case 'fieldDef.delete': {
        const before = this.get(change.key);
        for (const state of this.values.listForField(change.key)) {
          context.apply({ kind: 'fieldValue.set', articleId: state.articleId, key: change.key, value: null });
        }
        this.defs.delete(change.key);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  replay({ before, after }: TransitionOf<'fieldDef'>): FieldDef | null {
    const { key } = (after ?? before)!;
    assertReplayable(FIELD_DEF, { key }, before, this.defs.find(key));
    if (after === null) {
      this.defs.delete(key);
      return null;
    }
    return this.defs.put(after);
  }

  recordKey(state: FieldDef): string {
    return state.key;
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after }: TransitionOf<'fieldDef'>): string {
    const verb = kind === 'fieldDef.create' ? 'Add' : kind === 'fieldDef.delete' ? 'Delete' : 'Edit';
    return `${verb} document field ${(after ?? before)!.key}`;
  }

  describeMany(kind: TransitionOf<'fieldDef'>['kind'], count: number): string {
    const verb = kind === 'fieldDef.create' ? 'Add' : kind === 'fieldDef.delete' ? 'Delete' : 'Edit';
    return `${verb} ${count} document fields`;
  }

  report(finalStates: ReadonlyMap<string, { before: FieldDef | null; after: FieldDef | null }>, into: AppliedReport) {
    const report = { upserted: [] as FieldDef[], removed: [] as string[] };
    for (const { before, after } of finalStates.values()) {
      if (after) report.upserted.push(after);
      else if (before) report.removed.push(before.key);
    }
    into.fieldDefs = report;
  }

  private get(key: string): FieldDef {
    const def = this.defs.find(key);
    if (!def) throw ApiError.of('not_found', 'fieldDefNotFound', { key });
    return def;
  }
}

/** One article's value of one document field; on the article's own history. */
export class FieldValueHandler implements ChangeHandler<'fieldValue'> {
  constructor(
    private readonly articles: ArticleStore,
    private readonly defs: FieldDefStore,
    private readonly values: ArticleFieldStore,
  ) {}

  apply(change: ChangeOf<'fieldValue'>, context: ApplyContext): TransitionOf<'fieldValue'> {
    this.articles.getSummary(change.articleId); // not_found for a missing article
    const def = this.defs.find(change.key);
    if (!def) throw ApiError.of('rejected', 'fieldDefNotFound', { key: change.key });
    const before = this.values.find(change.articleId, change.key);
    if (change.value === null) {
      if (!before) throw ApiError.of('rejected', 'fieldValueNotSet', { key: change.key, name: def.nameEn });
      this.values.delete(change.articleId, change.key);
      return { kind: change.kind, before, after: null };
    }
    const problem = valueProblem(def.spec, change.value);
    if (problem) throw ApiError.of('rejected', 'fieldValueNotSaved', { key: change.key, name: def.nameEn, problem });
    const after = this.values.put({
      articleId: change.articleId,
      key: change.key,
      value: change.value,
      author: context.author,
      updatedAt: nowIso(),
    });
    return { kind: change.kind, before, after };
  }

  replay({ before, after }: TransitionOf<'fieldValue'>): FieldValueState | null {
    const { articleId, key } = (after ?? before)!;
    assertReplayable(FIELD_VALUE, { key, articleId }, before, this.values.find(articleId, key));
    if (after === null) {
      this.values.delete(articleId, key);
      return null;
    }
    if (!this.defs.find(key)) throw ApiError.of('rejected', 'fieldDefNoLonger', { key });
    return this.values.put(after);
  }

  recordKey(state: FieldValueState): string {
    return `${state.articleId}:${state.key}`;
  }

  articleOf(state: FieldValueState): number {
    return state.articleId;
  }

  describe({ before, after }: TransitionOf<'fieldValue'>): string {
    const { key } = (after ?? before)!;
    return after ? `Set ${key}` : `Clear ${key}`;
  }

  describeMany(_kind: TransitionOf<'fieldValue'>['kind'], count: number): string {
    return `Set ${count} document fields`;
  }

  report(
    finalStates: ReadonlyMap<string, { before: FieldValueState | null; after: FieldValueState | null }>,
    into: AppliedReport,
  ): void {
    into.fields = [...finalStates.values()].map(({ before, after }) => {
      const { articleId, key } = (after ?? before)!;
      return { articleId, key, value: after?.value ?? null };
    });
  }

  /** The library sorts by last change: an article whose fields changed was updated. */
  afterWrite(steps: readonly TransitionOf<'fieldValue'>[]): void {
    for (const articleId of new Set(steps.map((step) => (step.after ?? step.before)!.articleId))) {
      this.articles.touch(articleId);
    }
  }
}
