import { ApiError } from '../../../../shared/contract/errors';
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
function assertReplayable(name: string, before: unknown, current: unknown): void {
  if (before !== null && current === null) throw new ApiError('rejected', `${name} no longer exists.`);
  if (before === null && current !== null) throw new ApiError('rejected', `${name} exists again.`);
  if (before !== null && !same(before, current)) throw new ApiError('rejected', `${name} was changed since.`);
}

/** How many stored values a changed definition would no longer accept, as a refusal naming the definition. */
function refuseMisfits(name: string, values: readonly unknown[], accepts: (value: unknown) => boolean, where: string) {
  const misfits = values.filter((value) => !accepts(value));
  if (misfits.length > 0) {
    throw new ApiError(
      'rejected',
      `${name} was not changed: ${misfits.length} ${where} hold values the new definition refuses (${JSON.stringify(misfits[0])}…). Change or clear them first.`,
    );
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
          throw new ApiError('rejected', `${def.labelKey} already has an attribute “${def.key}”.`);
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
            `The attribute ${next.labelKey}.${next.key}`,
            values,
            (value) => valueProblem(next.spec, value) === null,
            'spans',
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
    assertReplayable(`The attribute ${labelKey}.${key}`, before, this.defs.find(labelKey, key));
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
    if (!def) throw new ApiError('not_found', `${labelKey} has no attribute “${key}”.`);
    return def;
  }

  /** The label exists, and a span reference names labels that exist. */
  private assertFits(def: AttributeDef): void {
    if (!this.labels.exists(def.labelKey)) throw new ApiError('rejected', `There is no label ${def.labelKey}.`);
    const missing = def.spec.type === 'span' ? def.spec.labelKeys.find((key) => !this.labels.exists(key)) : undefined;
    if (missing) {
      throw new ApiError(
        'rejected',
        `The attribute ${def.labelKey}.${def.key} points at spans of ${missing}, which is no label.`,
      );
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
          throw new ApiError('rejected', `There is already a document field “${change.def.key}”.`);
        }
        return { kind: change.kind, before: null, after: this.defs.put(change.def) };
      }
      case 'fieldDef.update': {
        const before = this.get(change.key);
        const next: FieldDef = { ...before, ...change.patch };
        if (change.patch.spec) {
          refuseMisfits(
            `The document field ${next.key}`,
            this.values.listForField(next.key).map((state) => state.value),
            (value) => valueProblem(next.spec, value) === null,
            'articles',
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
    assertReplayable(`The document field ${key}`, before, this.defs.find(key));
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
    if (!def) throw new ApiError('not_found', `There is no document field “${key}”.`);
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
    if (!def) throw new ApiError('rejected', `There is no document field “${change.key}”.`);
    const before = this.values.find(change.articleId, change.key);
    if (change.value === null) {
      if (!before) throw new ApiError('rejected', `The field ${change.key} (${def.nameEn}) is not set.`);
      this.values.delete(change.articleId, change.key);
      return { kind: change.kind, before, after: null };
    }
    const problem = valueProblem(def.spec, change.value);
    if (problem) throw new ApiError('rejected', `The field ${change.key} (${def.nameEn}) was not saved: ${problem}.`);
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
    assertReplayable(`The field ${key} of article ${articleId}`, before, this.values.find(articleId, key));
    if (after === null) {
      this.values.delete(articleId, key);
      return null;
    }
    if (!this.defs.find(key)) throw new ApiError('rejected', `there is no document field “${key}” any more.`);
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
