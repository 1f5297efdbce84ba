import { ApiError } from '../../../../shared/contract/errors';
import type { Change } from '../../../../shared/domain/changes';
import { ancestryLookup } from '../../../../shared/domain/label-tree';
import { relationAllowed, relationRule, type Relation } from '../../../../shared/domain/relations';
import type { Annotation } from '../../../../shared/domain/schemas';
import type { BackendMessageKey, MessageRef } from '../../../../shared/messages/backend-messages';
import type { AnnotationStore } from '../../store/annotations';
import type { ArticleStore } from '../../store/articles';
import type { LabelStore } from '../../store/labels';
import { nowIso } from '../../store/clock';
import type { RelationStore, RelationTypeStore } from '../../store/relations';
import type { ApplyContext, AppliedReport, ChangeHandler, ChangeOf, TransitionOf, WriteMemo } from '../change-handler';
import { shorten } from '../describe';

type RelationEnds = Pick<Relation, 'articleId' | 'typeKey' | 'headId' | 'tailId'>;

const PLURAL_KEY = {
  'relation.create': 'descRelationAddMany',
  'relation.update': 'descRelationEditMany',
  'relation.delete': 'descRelationDeleteMany',
} as const satisfies Record<TransitionOf<'relation'>['kind'], BackendMessageKey>;

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
    private readonly labels: LabelStore,
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
    if (before !== null && current === null) throw ApiError.of('rejected', 'relationGone', { id });
    if (before === null && current !== null) throw ApiError.of('rejected', 'relationIdTaken', { id });
    if (before !== null && current !== null && !sameRelation(before, current)) {
      throw ApiError.of('rejected', 'relationChangedSince', { id });
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

  describe({ kind, before, after }: TransitionOf<'relation'>): MessageRef {
    const relation = (after ?? before)!;
    const ends = { head: this.quoteOf(relation.headId), type: relation.typeKey, tail: this.quoteOf(relation.tailId) };
    if (kind === 'relation.create') return { key: 'descRelate', params: ends };
    if (kind === 'relation.delete') return { key: 'descRelationDelete', params: ends };
    if (before && after && before.typeKey !== after.typeKey)
      return { key: 'descRelationRetype', params: { from: before.typeKey, to: after.typeKey } };
    return { key: 'descRelationEditNote', params: ends };
  }

  describeMany(kind: TransitionOf<'relation'>['kind'], count: number): MessageRef {
    return { key: PLURAL_KEY[kind], params: { count } };
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
    if (!type) throw ApiError.of('rejected', 'relationTypeNotFound', { type: relation.typeKey });
    if (relation.headId === relation.tailId) {
      throw ApiError.of('rejected', 'relationToItself');
    }
    const head = this.endOf(relation.headId, relation.articleId);
    const tail = this.endOf(relation.tailId, relation.articleId);
    this.assertAllowed(relation, head.labelKey, tail.labelKey);
    const twin = this.relations.findBetween(type.key, head.id, tail.id, !type.directed, exceptId);
    if (twin) {
      throw ApiError.of('rejected', 'relationDuplicate', {
        head: shorten(head.quote),
        tail: shorten(tail.quote),
        type: type.key,
        id: twin.id,
      });
    }
  }

  private assertAllowed(relation: Pick<Relation, 'typeKey'>, headLabel: string, tailLabel: string): void {
    const type = this.types.get(relation.typeKey);
    if (!relationAllowed(type, headLabel, tailLabel, ancestryLookup(this.labels.list()))) {
      throw ApiError.of('rejected', 'relationNotAllowed', {
        type: type.key,
        rule: relationRule(type).slice(type.key.length + 2),
        head: headLabel,
        tail: tailLabel,
      });
    }
  }

  private endOf(annotationId: number, articleId: number): Annotation {
    const span = this.annotations.find(annotationId);
    if (!span) throw ApiError.of('rejected', 'relationSpanNotFound', { id: annotationId });
    if (span.articleId !== articleId) {
      throw ApiError.of('rejected', 'relationAcrossArticles', {
        id: annotationId,
        spanArticleId: span.articleId,
        articleId,
      });
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
