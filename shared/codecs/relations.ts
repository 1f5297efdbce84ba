/** Relations as the export formats write them: by the position of each end among the written spans. */
import type { Relation } from '../domain/relations';
import type { UnitSpan } from './unit-spans';

export interface ExportedRelation {
  relation: Relation;
  /** Positions in the article's written spans (a span left out takes its relations with it). */
  head: number;
  tail: number;
}

export function relationsAmong(
  relations: readonly Relation[] | undefined,
  spans: readonly UnitSpan[],
): ExportedRelation[] {
  if (!relations?.length) return [];
  const positionOf = new Map(spans.map(({ annotation }, position) => [annotation.id, position]));
  return relations.flatMap((relation) => {
    const head = positionOf.get(relation.headId);
    const tail = positionOf.get(relation.tailId);
    return head === undefined || tail === undefined ? [] : [{ relation, head, tail }];
  });
}
