import { relationAllowed, type LabelAncestry, type RelationType } from '../../../../shared/domain/relations';
import type { Span, SpanQueries } from '../sync/document-sync';

/** How far (UTF-16 units) from the head a keyboard relation looks for targets: about a page. */
export const NEARBY_U16 = 4_000;

/** A type the user may pick for a head and a target; `reversed` when the target is the type's head. */
export interface RelationOption {
  type: RelationType;
  reversed: boolean;
}

/**
 * The types offered for relating `from` to `to`, in schema order (the first is the default):
 * the types that allow from → to, then the directed ones that allow to → from (the user began
 * at the person and is pointing at the proposal).
 */
export function relationOptions(
  types: readonly RelationType[],
  from: Span,
  to: Span,
  ancestry: LabelAncestry,
): RelationOption[] {
  const forward = types.filter((type) => relationAllowed(type, from.labelKey, to.labelKey, ancestry));
  const backward = types.filter(
    (type) => type.directed && !forward.includes(type) && relationAllowed(type, to.labelKey, from.labelKey, ancestry),
  );
  return [...forward.map((type) => ({ type, reversed: false })), ...backward.map((type) => ({ type, reversed: true }))];
}

/** The spans near `from` (across paragraphs) that some type can relate it to, in text order. */
export function nearbyTargets(
  spans: SpanQueries,
  types: readonly RelationType[],
  from: Span,
  ancestry: LabelAncestry,
): Span[] {
  return spans
    .intersecting(Math.max(0, from.start - NEARBY_U16), from.end + NEARBY_U16)
    .filter((span) => span.id !== from.id && relationOptions(types, from, span, ancestry).length > 0);
}

/** The candidate nearest to `from` (by distance between the spans), the keyboard's first target. */
export function nearestIndex(candidates: readonly Span[], from: Span): number {
  let best = -1;
  let bestDistance = Infinity;
  candidates.forEach((span, index) => {
    const distance = span.end <= from.start ? from.start - span.end : Math.max(0, span.start - from.end);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}
