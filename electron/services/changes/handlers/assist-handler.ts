import { ApiError } from '../../../../shared/contract/errors';
import type { AssistRecord } from '../../../../shared/assist/changes';
import { compilePattern, PatternError } from '../../../../shared/assist/patterns';
import { suggestionTextKey } from '../../../../shared/assist/suggestion';
import { spanProblemRef } from '../../../../shared/domain/spans';
import type { ArticleStore } from '../../store/articles';
import type { AssistStore } from '../../store/assist';
import type { LabelStore } from '../../store/labels';
import type { AppliedReport, ApplyContext, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';
import { shorten } from '../describe';
import type { ShippedAssistData } from '../../assist/shipped-data';

const PLURAL: Record<TransitionOf<'assist'>['kind'], string> = {
  'assist.reject': 'Reject {n} suggestions',
  'assist.addName': 'Add {n} names to the gazetteer',
  'assist.removeName': 'Remove {n} names from the gazetteer',
  'assist.putPattern': 'Save {n} patterns',
  'assist.resetPattern': 'Reset {n} patterns',
};

/** What the analyst tells the suggesters: rejected texts, gazetteer names, patterns. */
export class AssistHandler implements ChangeHandler<'assist'> {
  constructor(
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
    private readonly store: AssistStore,
    private readonly shipped: ShippedAssistData,
  ) {}

  apply(change: ChangeOf<'assist'>, context: ApplyContext): TransitionOf<'assist'> {
    switch (change.kind) {
      case 'assist.reject': {
        const { articleId, labelKey, start, end, quote } = change.suggestion;
        this.assertLabel(labelKey);
        const text = context.memo(`article-text:${articleId}`, () => this.articles.getText(articleId));
        const problem = spanProblemRef(text, start, end, quote);
        if (problem) throw ApiError.of('rejected', 'suggestionMismatch', { problem });
        const textKey = suggestionTextKey(quote);
        const before = this.store.findRejection(articleId, labelKey, textKey);
        if (before) return { kind: change.kind, before, after: before };
        const after: AssistRecord = { type: 'rejection', articleId, labelKey, textKey, quote };
        this.store.insertRejection(after);
        return { kind: change.kind, before: null, after };
      }
      case 'assist.addName': {
        this.assertLabel(change.name.labelKey);
        const record: AssistRecord = { type: 'name', ...change.name };
        if (this.store.hasName(change.name)) {
          throw ApiError.of('rejected', 'assistNameExists', {
            name: shorten(change.name.text),
            label: change.name.labelKey,
          });
        }
        this.store.insertName(change.name);
        return { kind: change.kind, before: null, after: record };
      }
      case 'assist.removeName': {
        if (!this.store.hasName(change.name)) {
          throw ApiError.of('not_found', 'assistNameNotAdded', {
            name: shorten(change.name.text),
            label: change.name.labelKey,
          });
        }
        this.store.deleteName(change.name);
        return { kind: change.kind, before: { type: 'name', ...change.name }, after: null };
      }
      case 'assist.putPattern': {
        this.assertLabel(change.pattern.labelKey);
        this.assertCompiles(change.pattern);
        const override = this.store.findPatternOverride(change.pattern.id);
        this.store.putPatternOverride(change.pattern);
        return {
          kind: change.kind,
          before: override ? { type: 'pattern', definition: override } : null,
          after: { type: 'pattern', definition: change.pattern },
        };
      }
      case 'assist.resetPattern': {
        const override = this.store.findPatternOverride(change.id);
        if (!override) {
          const shipped = this.shipped.patterns.some((pattern) => pattern.id === change.id);
          throw shipped
            ? ApiError.of('rejected', 'patternAsShipped', { id: change.id })
            : ApiError.of('not_found', 'patternNotFound', { id: change.id });
        }
        this.store.deletePatternOverride(change.id);
        return { kind: change.kind, before: { type: 'pattern', definition: override }, after: null };
      }
    }
  }

  replay({ before, after }: TransitionOf<'assist'>, memo: WriteMemo): AssistRecord | null {
    void memo;
    const record = (after ?? before)!;
    const current = this.find(record);
    if (JSON.stringify(current) !== JSON.stringify(before)) {
      throw ApiError.of('rejected', 'assistRecordChangedSince', { record: this.describeRecord(record) });
    }
    if (before) this.remove(before);
    if (after) {
      if (after.type === 'pattern') this.assertCompiles(after.definition);
      if (after.type !== 'pattern') this.assertLabel(after.labelKey);
      else this.assertLabel(after.definition.labelKey);
      this.insert(after);
    }
    return after;
  }

  recordKey(record: AssistRecord): string {
    switch (record.type) {
      case 'rejection':
        return `rejection:${record.articleId}:${record.labelKey}:${record.textKey}`;
      case 'name':
        return `name:${record.labelKey}:${record.text}`;
      case 'pattern':
        return `pattern:${record.definition.id}`;
    }
  }

  articleOf(record: AssistRecord): number | null {
    return record.type === 'rejection' ? record.articleId : null;
  }

  describe({ kind, before, after }: TransitionOf<'assist'>): string {
    const record = (after ?? before)!;
    switch (kind) {
      case 'assist.reject':
        return `Reject ${record.type === 'rejection' ? `${record.labelKey} “${shorten(record.quote)}”` : 'suggestion'}`;
      case 'assist.addName':
        return `Add ${this.describeRecord(record)}`;
      case 'assist.removeName':
        return `Remove ${this.describeRecord(record)}`;
      case 'assist.putPattern':
        return `Save ${this.describeRecord(record)}`;
      case 'assist.resetPattern':
        return `Reset ${this.describeRecord(record)}`;
    }
  }

  describeMany(kind: TransitionOf<'assist'>['kind'], count: number): string {
    return PLURAL[kind].replace('{n}', String(count));
  }

  report(
    finalStates: ReadonlyMap<string, { before: AssistRecord | null; after: AssistRecord | null }>,
    into: AppliedReport,
  ): void {
    if (finalStates.size > 0) into.assistChanged = true;
  }

  private describeRecord(record: AssistRecord): string {
    switch (record.type) {
      case 'rejection':
        return `the rejection of ${record.labelKey} “${shorten(record.quote)}”`;
      case 'name':
        return `${record.labelKey} name “${shorten(record.text)}”`;
      case 'pattern':
        return `pattern “${record.definition.id}”`;
    }
  }

  private find(record: AssistRecord): AssistRecord | null {
    switch (record.type) {
      case 'rejection':
        return this.store.findRejection(record.articleId, record.labelKey, record.textKey);
      case 'name':
        return this.store.hasName(record) ? { type: 'name', labelKey: record.labelKey, text: record.text } : null;
      case 'pattern': {
        const definition = this.store.findPatternOverride(record.definition.id);
        return definition ? { type: 'pattern', definition } : null;
      }
    }
  }

  private remove(record: AssistRecord): void {
    if (record.type === 'rejection') this.store.deleteRejection(record);
    else if (record.type === 'name') this.store.deleteName(record);
    else this.store.deletePatternOverride(record.definition.id);
  }

  private insert(record: AssistRecord): void {
    if (record.type === 'rejection') this.store.insertRejection(record);
    else if (record.type === 'name') this.store.insertName({ labelKey: record.labelKey, text: record.text });
    else this.store.putPatternOverride(record.definition);
  }

  private assertLabel(labelKey: string): void {
    if (!this.labels.exists(labelKey)) throw ApiError.of('rejected', 'labelNotFound', { label: labelKey });
  }

  private assertCompiles(definition: Parameters<typeof compilePattern>[0]): void {
    try {
      compilePattern(definition);
    } catch (error) {
      if (error instanceof PatternError) throw ApiError.of('invalid_input', error.ref.key, error.ref.params);
      throw error;
    }
  }
}
