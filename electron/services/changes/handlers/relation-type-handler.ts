import { ApiError } from '../../../../shared/contract/errors';
import { ancestryLookup } from '../../../../shared/domain/label-tree';
import { relationAllowed, relationRule, type RelationType } from '../../../../shared/domain/relations';
import type { LabelStore } from '../../store/labels';
import type { RelationStore, RelationTypeStore } from '../../store/relations';
import type { AppliedReport, ChangeHandler, ChangeOf, TransitionOf } from '../change-handler';

const PLURAL_VERB: Record<TransitionOf<'relationType'>['kind'], string> = {
  'relationType.create': 'Add',
  'relationType.update': 'Edit',
  'relationType.delete': 'Delete',
};

/** Relation types: schema edits, on the corpus-wide history stack. */
export class RelationTypeHandler implements ChangeHandler<'relationType'> {
  constructor(
    private readonly labels: LabelStore,
    private readonly types: RelationTypeStore,
    private readonly relations: RelationStore,
  ) {}

  apply(change: ChangeOf<'relationType'>): TransitionOf<'relationType'> {
    switch (change.kind) {
      case 'relationType.create': {
        if (this.types.find(change.type.key)) {
          throw ApiError.of('rejected', 'relationTypeExists', { type: change.type.key });
        }
        this.assertValid(change.type);
        return { kind: change.kind, before: null, after: this.types.put(change.type) };
      }
      case 'relationType.update': {
        const before = this.types.get(change.key);
        const next: RelationType = { ...before, ...change.patch };
        this.assertValid(next);
        return { kind: change.kind, before, after: this.types.put(next) };
      }
      case 'relationType.delete': {
        const before = this.types.get(change.key);
        this.assertUnused(before.key);
        this.types.delete(change.key);
        return { kind: change.kind, before, after: null };
      }
    }
  }

  replay({ before, after }: TransitionOf<'relationType'>): RelationType | null {
    const key = (after ?? before)!.key;
    const current = this.types.find(key);
    if (before !== null && current === null) throw ApiError.of('rejected', 'relationTypeGone', { type: key });
    if (before === null && current !== null) throw ApiError.of('rejected', 'relationTypeExistsAgain', { type: key });
    if (before !== null && current !== null && JSON.stringify(before) !== JSON.stringify(current)) {
      throw ApiError.of('rejected', 'relationTypeChangedSince', { type: key });
    }
    if (after === null) {
      this.assertUnused(key);
      this.types.delete(key);
      return null;
    }
    this.assertValid(after);
    return this.types.put(after);
  }

  recordKey(state: RelationType): string {
    return state.key;
  }

  articleOf(): null {
    return null;
  }

  describe({ kind, before, after }: TransitionOf<'relationType'>): string {
    if (kind === 'relationType.create' && after) return `Add relation type ${after.key}`;
    if (kind === 'relationType.delete' && before) return `Delete relation type ${before.key}`;
    return `Edit relation type ${(after ?? before)!.key}`;
  }

  describeMany(kind: TransitionOf<'relationType'>['kind'], count: number): string {
    return `${PLURAL_VERB[kind]} ${count} relation types`;
  }

  report(
    finalStates: ReadonlyMap<string, { before: RelationType | null; after: RelationType | null }>,
    into: AppliedReport,
  ): void {
    const types = (into.relationTypes ??= { upserted: [], removed: [] });
    for (const { before, after } of finalStates.values()) {
      if (after) types.upserted.push(after);
      else if (before) types.removed.push(before.key);
    }
  }

  /** Its allowed labels exist, and every stored relation of the type still fits its rule. */
  private assertValid(type: RelationType): void {
    const unknown = [...type.headLabels, ...type.tailLabels].find((key) => !this.labels.exists(key));
    if (unknown) throw ApiError.of('rejected', 'relationTypeUnknownLabel', { type: type.key, label: unknown });
    const ancestry = ancestryLookup(this.labels.list());
    const broken = this.relations
      .listOfTypeWithLabels(type.key)
      .filter((relation) => !relationAllowed(type, relation.headLabel, relation.tailLabel, ancestry));
    if (broken.length > 0) {
      throw ApiError.of('rejected', 'relationTypeRuleBroken', {
        count: broken.length,
        type: type.key,
        rule: relationRule(type),
        id: broken[0]!.id,
      });
    }
  }

  private assertUnused(key: string): void {
    const count = this.relations.countOfType(key);
    if (count > 0) {
      throw ApiError.of('rejected', 'relationTypeInUse', { type: key, count });
    }
  }
}
