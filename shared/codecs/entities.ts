/**
 * The entity registry as the export codecs see it (issue 12): every entity, and which one a
 * span is linked to. Optional in the context, so a codec given none writes no entity fields.
 */
import type { Entity } from '../domain/entities';

export interface ExportEntities {
  /** Every entity by id, merge redirects included (workbench JSON keeps them). */
  readonly registry: readonly Entity[];
  /** The entity a span is linked to. */
  entityOf(annotationId: number): Entity | undefined;
}

export function exportEntities(
  registry: readonly Entity[],
  links: Iterable<{ annotationId: number; entityId: number }>,
): ExportEntities {
  const byId = new Map(registry.map((entity) => [entity.id, entity]));
  const entityIdOf = new Map<number, number>();
  for (const link of links) entityIdOf.set(link.annotationId, link.entityId);
  return {
    registry,
    entityOf: (annotationId) => {
      const entityId = entityIdOf.get(annotationId);
      return entityId === undefined ? undefined : byId.get(entityId);
    },
  };
}

/**
 * The entries `ids` name and those they were merged into (a redirect needs its target), in
 * registry order: the registry a layer export carries, cut to the entities its spans link to.
 */
export function entitiesWithMergeTargets(registry: readonly Entity[], ids: Iterable<number>): Entity[] {
  const byId = new Map(registry.map((entity) => [entity.id, entity]));
  const kept = new Set<number>();
  for (const start of ids) {
    let id: number | null = start;
    while (id !== null && !kept.has(id)) {
      kept.add(id);
      id = byId.get(id)?.mergedInto ?? null;
    }
  }
  return registry.filter((entity) => kept.has(entity.id));
}

/** How a linked entity is named outside Marginalia: its local IRI, and its external id as an IRI when it has one. */
export const entityIri = (entityId: number): string => `urn:marginalia:entity:${entityId}`;

/** A Wikidata QID as its entity IRI; any other `scheme:value` as written. */
export function externalIri(externalId: string): string {
  return /^Q\d+$/.test(externalId) ? `http://www.wikidata.org/entity/${externalId}` : externalId;
}
