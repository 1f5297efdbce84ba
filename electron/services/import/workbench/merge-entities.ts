import type { WorkbenchEntity } from '../../../../shared/codecs/workbench-json';
import type { MessageParam, MessageRef } from '../../../../shared/messages/backend-messages';
import type { Change } from '../../../../shared/domain/changes';
import { normalizeEntityName, type Entity } from '../../../../shared/domain/entities';
import { foldVietnamese } from '../../../../shared/text/fold';
import { unitedAliases } from '../../changes/handlers/entity-handler';
import type { Workbench } from '../../workbench';

/**
 * Why a file's entity registry cannot be merged, or null: a redirect (`mergedInto`) to an id the
 * file lacks, a cycle of merges (3 → 5 → 3: no entity left to land on), a repeated id, or a link
 * to an id the file lacks. Checked before anything of the file is written.
 */
export function entityRegistryProblem(
  entities: readonly WorkbenchEntity[],
  linkedIds: Iterable<{ entityId: number; where: string }>,
): string | null {
  const byId = new Map<number, WorkbenchEntity>();
  for (const [index, entity] of entities.entries()) {
    if (byId.has(entity.id)) return `entities.${index}: the entity id ${entity.id} is used twice`;
    byId.set(entity.id, entity);
  }
  for (const [index, entity] of entities.entries()) {
    const chain = [entity.id];
    for (let next = entity.mergedInto; next !== null; next = byId.get(next)?.mergedInto ?? null) {
      if (!byId.has(next)) return `entities.${index}.mergedInto: there is no entity ${next} in the file`;
      if (chain.includes(next)) {
        return `entities.${index}.mergedInto: a cycle of merges (${[...chain, next].join(' → ')})`;
      }
      chain.push(next);
    }
  }
  for (const { entityId, where } of linkedIds) {
    if (!byId.has(entityId)) return `${where}.entityId: there is no entity ${entityId} in the file`;
  }
  return null;
}

export interface MergedEntities {
  /** File entity id → the id of the entity it became here. */
  localIds: Map<number, number>;
  notes: MessageRef[];
}

/**
 * Brings a colleague's registry into this one, as one change set. Each live entity of the file is
 * matched, in this order, by id (the same record: same id and creation time, as in a copy of this
 * database), then by canonical name and type (folded, as search folds), and otherwise added. A
 * matched entity gains the file's names as aliases and its external id when it has none; its
 * own name, type and note stay. A redirect in the file lands where its target lands.
 */
export function mergeEntities(
  workbench: Workbench,
  fileName: string,
  entities: readonly WorkbenchEntity[],
): MergedEntities {
  const byFileId = new Map(entities.map((entity) => [entity.id, entity]));
  const finalOf = (entity: WorkbenchEntity): WorkbenchEntity => {
    let current = entity;
    while (current.mergedInto !== null) current = byFileId.get(current.mergedInto) ?? current;
    return current;
  };
  const local = workbench.entityRows.listAll();
  const localById = new Map(local.map((entity) => [entity.id, entity]));
  const liveByNameAndType = new Map<string, Entity>();
  for (const entity of local) {
    if (entity.mergedInto === null) liveByNameAndType.set(nameTypeKey(entity.name, entity.typeLabelKey), entity);
  }
  const resolveLocal = (entity: Entity): Entity => {
    let current = entity;
    for (let hops = 0; current.mergedInto !== null && hops < 1000; hops++) {
      current = localById.get(current.mergedInto) ?? current;
    }
    return current;
  };

  const changes: Change[] = [];
  const localIds = new Map<number, number>();
  /** File ids created here, by the ref of their entity.create. */
  const createdRefs = new Map<number, string>();
  const counts = { byId: 0, byName: 0, added: 0, skipped: [] as string[] };
  const updates = new Map<number, Entity>();
  // In the file's id order, so that an import into an empty database gives the same ids.
  const inIdOrder = [...entities].sort((a, b) => a.id - b.id);
  const wanted = new Set(inIdOrder.filter((entity) => entity.mergedInto === null).map((entity) => entity.id));
  const matched = new Set<number>();
  for (const entity of inIdOrder) {
    if (entity.mergedInto !== null) {
      // A redirect whose survivor is new here is re-created as a redirect (below); others land on the match.
      continue;
    }
    if (!workbench.labels.exists(entity.type)) {
      counts.skipped.push(`“${entity.name}” (there is no label ${entity.type})`);
      continue;
    }
    const sameRecord = localById.get(entity.id);
    const byId = sameRecord && sameRecord.createdAt === entity.createdAt ? resolveLocal(sameRecord) : undefined;
    const match =
      byId?.typeLabelKey === entity.type ? byId : liveByNameAndType.get(nameTypeKey(entity.name, entity.type));
    if (!match) {
      const ref = `entity:${entity.id}`;
      createdRefs.set(entity.id, ref);
      changes.push({
        kind: 'entity.create',
        ref,
        entity: {
          name: entity.name,
          typeLabelKey: entity.type,
          aliases: entity.aliases,
          externalId: entity.externalId,
          note: entity.note,
          imported: { createdAt: entity.createdAt, updatedAt: entity.updatedAt },
        },
      });
      counts.added++;
      continue;
    }
    matched.add(entity.id);
    if (match === byId) counts.byId++;
    else counts.byName++;
    localIds.set(entity.id, match.id);
    const current = updates.get(match.id) ?? match;
    const aliases = unitedAliases(current, [entity.name, ...entity.aliases]);
    const externalId = current.externalId ?? entity.externalId;
    if (aliases.length !== current.aliases.length || externalId !== current.externalId) {
      updates.set(match.id, { ...current, aliases, externalId });
    }
  }
  const redirects = inIdOrder.filter((entity) => {
    const survivor = finalOf(entity);
    return entity.mergedInto !== null && wanted.has(survivor.id) && !matched.has(survivor.id);
  });
  for (const redirect of redirects) {
    if (!workbench.labels.exists(redirect.type)) continue;
    const ref = `entity:${redirect.id}`;
    createdRefs.set(redirect.id, ref);
    changes.push({
      kind: 'entity.create',
      ref,
      entity: {
        name: redirect.name,
        typeLabelKey: redirect.type,
        aliases: redirect.aliases,
        externalId: redirect.externalId,
        note: redirect.note,
        imported: { createdAt: redirect.createdAt, updatedAt: redirect.updatedAt },
      },
    });
  }
  for (const [id, updated] of updates) {
    changes.push({ kind: 'entity.update', id, patch: { aliases: updated.aliases, externalId: updated.externalId } });
  }
  if (changes.length > 0) {
    const applied = workbench.changes.apply({
      origin: 'import',
      description: `Merge the entities of ${fileName}`,
      changes,
    });
    for (const [fileId, ref] of createdRefs) {
      const id = applied.createdIds[ref];
      if (id !== undefined) localIds.set(fileId, id);
    }
    // Merged again as they were in the file (their names are already among the survivor's aliases).
    const merges: Change[] = redirects.flatMap((redirect) => {
      const fromId = localIds.get(redirect.id);
      const intoId = localIds.get(finalOf(redirect).id);
      return fromId !== undefined && intoId !== undefined ? [{ kind: 'entity.merge', fromId, intoId } as const] : [];
    });
    if (merges.length > 0) {
      workbench.changes.apply({ origin: 'import', description: `Merge the entities of ${fileName}`, changes: merges });
    }
  }
  for (const entity of entities) {
    const target = localIds.get(finalOf(entity).id);
    if (entity.mergedInto !== null && target !== undefined) localIds.set(entity.id, target);
  }
  const notes: MessageRef[] = [];
  if (entities.length > 0) {
    const part = (key: MessageRef['key'], count: number): MessageParam => (count > 0 ? { key, params: { count } } : '');
    notes.push({
      key: 'noteEntitiesMerged',
      params: {
        byId: counts.byId,
        byName: counts.byName,
        added: counts.added,
        gained: part('noteEntitiesGainedPart', updates.size),
        redirects: part('noteEntitiesRedirectsPart', redirects.length),
      },
    });
  }
  if (counts.skipped.length)
    notes.push({ key: 'noteEntitiesSkipped', params: { entities: counts.skipped.join(', ') } });
  return { localIds, notes };
}

const nameTypeKey = (name: string, typeLabelKey: string): string =>
  `${typeLabelKey}\u0000${foldVietnamese(normalizeEntityName(name))}`;
