import { ApiError } from '../../../../shared/contract/errors';
import type { Change } from '../../../../shared/domain/changes';
import { relationAllowed, relationRule, type Relation } from '../../../../shared/domain/relations';
import type { Annotation } from '../../../../shared/domain/schemas';
import type { AnnotationStore } from '../../store/annotations';
import type { ArticleStore } from '../../store/articles';
import { nowIso } from '../../store/clock';
import type { RelationStore, RelationTypeStore } from '../../store/relations';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';
import { shorten } from '../describe';

type RelationEnds = Pick<Relation, 'articleId' | 'typeKey' | 'headId' | 'tailId'>;

const PLURAL_VERB: Record<TransitionOf<'relation'>['kind'], string> = {
  'relation.create': 'Add',
  'relation.update': 'Edit',
  'relation.delete': 'Delete',
};

/**
 * Relations between two spans of one article. Deleting a span deletes its relations first, in the
 * same set (`cascade`), so one undo brings both back; relabelling a span so that one of its
 * relations breaks its type's rule is refused, naming the rule.
 */
export class RelationHandler implements ChangeHandler<'relation'> {
  constructor(
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
    private readonly types: RelationTypeStore,
    private readonly relations: RelationStore,
  ) {}

  apply(change: ChangeOf<'relation'>, context: ApplyContext): TransitionOf<'relation'> {
    switch (change.kind) {
      case 'relation.create': {
        const { note, ...ends } = change.relation;
        this.assertValid(ends, null);
        const now = nowIso();
        const created = this.relations.insert({
          ...ends,
          note: note ?? '',
          author: context.author,
          origin: context.origin,
          createdAt: now,
          updatedAt: now,
        });
        context.createdIds[change.ref] = created.id;
        return { kind: change.kind, before: null, after: created };
      }
      case 'relation.update': {
        const before = this.relations.get(change.id);
        const next: Relation = {
          ...before,
          typeKey: change.patch.typeKey ?? before.typeKey,
          note: change.patch.note ?? before.note,
          updatedAt: nowIso(),
        };
        if (next.typeKey !== before.typeKey) this.assertValid(next, next.id);
        return { kind: change.kind, before, after: this.relations.replace(next) };
      }
      case 'relation.delete': {
        const before = this.relations.get(change.id);
        this.relations.delete(change.id);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  /** A span's relations go before the span; a relabel that would break one is refused. */
  cascade(change: Change): Change[] {
    if (change.kind === 'annotation.delete') {
      return this.relations.listTouching(change.id).map((relation) => ({ kind: 'relation.delete', id: relation.id }));
    }
    if (change.kind === 'annotation.update' && change.patch.labelKey !== undefined) {
      for (const relation of this.relations.listTouching(change.id)) {
        const relabelled = (id: number) => (id === change.id ? change.patch.labelKey! : this.labelOf(id));
        this.assertAllowed(relation, relabelled(relation.headId), relabelled(relation.tailId));
      }
    }
    return [];
  }

  replay({ before, after }: TransitionOf<'relation'>, _memo: WriteMemo): Relation | null {
    const id = (after ?? before)!.id;
    const current = this.relations.find(id);
    if (before !== null && current === null) throw new ApiError('rejected', `relation ${id} no longer exists.`);
    if (before === null && current !== null) throw new ApiError('rejected', `relation id ${id} is taken.`);
    if (before !== null && current !== null && !sameRelation(before, current)) {
      throw new ApiError('rejected', `relation ${id} was changed since.`);
    }
    if (after === null) {
      this.relations.delete(id);
      return null;
    }
    this.assertValid(after, id);
    return before === null ? this.relations.insert(after) : this.relations.replace(after);
  }

  recordKey(state: Relation): string {
    return String(state.id);
  }

  articleOf(state: Relation): number {
    return state.articleId;
  }

  describe({ kind, before, after }: TransitionOf<'relation'>): string {
    const relation = (after ?? before)!;
    const ends = `“${this.quoteOf(relation.headId)}” ${relation.typeKey} “${this.quoteOf(relation.tailId)}”`;
    if (kind === 'relation.create') return `Relate ${ends}`;
    if (kind === 'relation.delete') return `Delete relation ${ends}`;
    if (before && after && before.typeKey !== after.typeKey)
      return `Retype relation ${before.typeKey} → ${after.typeKey}`;
    return `Edit note on relation ${ends}`;
  }

  describeMany(kind: TransitionOf<'relation'>['kind'], count: number): string {
    return `${PLURAL_VERB[kind]} ${count} relations`;
  }

  report(
    finalStates: ReadonlyMap<string, { before: Relation | null; after: Relation | null }>,
    into: AppliedReport,
  ): void {
    const relations = (into.relations ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) relations.upserted.push(after);
      else if (before) relations.removed.push(before.id);
    }
  }

  afterWrite(steps: readonly TransitionOf<'relation'>[]): void {
    for (const articleId of new Set(steps.map(({ before, after }) => (after ?? before)!.articleId))) {
      this.articles.touch(articleId);
    }
  }

  /** Both ends exist, in the relation's article, are two spans, fit the type, and are not related so already. */
  private assertValid(relation: RelationEnds, exceptId: number | null): void {
    const type = this.types.find(relation.typeKey);
    if (!type) throw new ApiError('rejected', `There is no relation type ${relation.typeKey}.`);
    if (relation.headId === relation.tailId) {
      throw new ApiError('rejected', 'A relation joins two different spans, not a span to itself.');
    }
    const head = this.endOf(relation.headId, relation.articleId);
    const tail = this.endOf(relation.tailId, relation.articleId);
    this.assertAllowed(relation, head.labelKey, tail.labelKey);
    const twin = this.relations.findBetween(type.key, head.id, tail.id, !type.directed, exceptId);
    if (twin) {
      throw new ApiError(
        'rejected',
        `“${shorten(head.quote)}” and “${shorten(tail.quote)}” are already related by ${type.key} (relation ${twin.id}).`,
      );
    }
  }

  private assertAllowed(relation: Pick<Relation, 'typeKey'>, headLabel: string, tailLabel: string): void {
    const type = this.types.get(relation.typeKey);
    if (!relationAllowed(type, headLabel, tailLabel)) {
      throw new ApiError(
        'rejected',
        `A ${type.key} relation goes ${relationRule(type).slice(type.key.length + 2)}; not ${headLabel} → ${tailLabel}.`,
      );
    }
  }

  private endOf(annotationId: number, articleId: number): Annotation {
    const span = this.annotations.find(annotationId);
    if (!span) throw new ApiError('rejected', `Span ${annotationId} does not exist.`);
    if (span.articleId !== articleId) {
      throw new ApiError(
        'rejected',
        `Span ${annotationId} is in article ${span.articleId}, not ${articleId}: a relation stays within one article (link entities across articles).`,
      );
    }
    return span;
  }

  private labelOf(annotationId: number): string {
    return this.annotations.get(annotationId).labelKey;
  }

  private quoteOf(annotationId: number): string {
    const span = this.annotations.find(annotationId);
    return span ? shorten(span.quote) : `span ${annotationId}`;
  }
}

/** Stored fields compared as the store returns them (undo must find what it left). */
const sameRelation = (a: Relation, b: Relation): boolean =>
  a.typeKey === b.typeKey &&
  a.headId === b.headId &&
  a.tailId === b.tailId &&
  a.note === b.note &&
  a.updatedAt === b.updatedAt;
