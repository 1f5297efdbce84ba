import type { AdjudicationRecord, Decision } from '../../../../shared/adjudication/changes';
import { ApiError } from '../../../../shared/contract/errors';
import type { BackendMessageKey, MessageRef } from '../../../../shared/messages/backend-messages';
import type { AdjudicationStore } from '../../store/adjudication';
import type { ArticleStore } from '../../store/articles';
import type { ApplyContext, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';

export const DECISION_KEY: Record<Decision, BackendMessageKey> = {
  mine: 'decisionMine',
  theirs: 'decisionTheirs',
  both: 'decisionBoth',
  edited: 'decisionEdited',
  rejected: 'decisionRejected',
};

/**
 * Remembers how a disagreement between two layers was decided (issue 15). The gold spans of a
 * decision are `annotation.create`s of the same set, so one undo takes back spans and record;
 * the record alone is what keeps a "reject both" decided. On the article's stack.
 */
export class AdjudicationHandler implements ChangeHandler<'adjudication'> {
  constructor(
    private readonly articles: ArticleStore,
    private readonly store: AdjudicationStore,
  ) {}

  apply(change: ChangeOf<'adjudication'>, context: ApplyContext): TransitionOf<'adjudication'> {
    const record = change.decision;
    context.memo(`article-text:${record.articleId}`, () => this.articles.getText(record.articleId));
    if (this.store.find(record)) {
      throw ApiError.of('rejected', 'adjudicationDecided', { mine: record.mine, theirs: record.theirs });
    }
    this.store.insert(record);
    return { kind: change.kind, before: null, after: record };
  }

  replay({ before, after }: TransitionOf<'adjudication'>, memo: WriteMemo): AdjudicationRecord | null {
    void memo;
    const record = (after ?? before)!;
    if (JSON.stringify(this.store.find(record)) !== JSON.stringify(before)) {
      throw ApiError.of('rejected', 'adjudicationChangedSince', { mine: record.mine, theirs: record.theirs });
    }
    if (before) this.store.delete(before);
    if (after) this.store.insert(after);
    return after;
  }

  recordKey(record: AdjudicationRecord): string {
    return JSON.stringify([record.articleId, record.mine, record.theirs, record.key]);
  }

  articleOf(record: AdjudicationRecord): number {
    return record.articleId;
  }

  describe({ before, after }: TransitionOf<'adjudication'>): MessageRef {
    const record = (after ?? before)!;
    return { key: 'descAdjudicate', params: { decision: { key: DECISION_KEY[record.decision], params: {} } } };
  }

  describeMany(_kind: TransitionOf<'adjudication'>['kind'], count: number): MessageRef {
    return { key: 'descAdjudicateMany', params: { count } };
  }

  /** The renderer learns of a decision from the article's `changesApplied` alone. */
  report(): void {}
}
