import type { WorkbenchRelation } from '../../../../shared/codecs/workbench-json';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import type { Change } from '../../../../shared/domain/changes';
import { ancestryLookup } from '../../../../shared/domain/label-tree';
import { relationAllowed, relationRule, type RelationType } from '../../../../shared/domain/relations';
import type { Workbench } from '../../workbench';

/**
 * Adds the file's relation types that this workbench lacks (one set on the corpus-wide history);
 * a type that exists here keeps its local definition. Their labels follow the file's label
 * mapping (`labelKeys`, from the import review); a label whose spans are skipped is left out of
 * the rule. Returns notes in words.
 */
export function mergeRelationTypes(
  workbench: Workbench,
  fileTypes: readonly RelationType[],
  labelKeys: ReadonlyMap<string, string | null> = new Map(),
): MessageRef[] {
  const mapLabels = (keys: readonly string[]) =>
    keys.flatMap((key) => {
      const mapped = labelKeys.get(key);
      return mapped === null ? [] : [mapped ?? key];
    });
  const types = fileTypes.map((type) => ({
    ...type,
    headLabels: mapLabels(type.headLabels),
    tailLabels: mapLabels(type.tailLabels),
  }));
  const missing = types.filter((type) => !workbench.relationTypes.find(type.key));
  const usable = missing.filter((type) =>
    [...type.headLabels, ...type.tailLabels].every((key) => workbench.labels.exists(key)),
  );
  if (usable.length > 0) {
    workbench.changes.apply({
      origin: 'import',
      changes: usable.map((type, index) => ({
        kind: 'relationType.create',
        type: { ...type, sortOrder: workbench.relationTypes.list().length + index },
      })),
    });
  }
  const notes: MessageRef[] = usable.length
    ? [{ key: 'noteRelationTypesAdded', params: { types: usable.map((type) => type.key).join(', ') } }]
    : [];
  for (const type of missing.filter((candidate) => !usable.includes(candidate))) {
    notes.push({ key: 'noteRelationTypeSkipped', params: { type: type.key } });
  }
  return notes;
}

/**
 * Adds the article's relations between the spans now stored for the file's annotation ids,
 * skipping those already here and those the rules refuse (each named in a note). One set.
 */
export function addRelations(
  workbench: Workbench,
  fileName: string,
  articleId: number,
  relations: readonly WorkbenchRelation[],
  storedIdOf: ReadonlyMap<number, number>,
): { count: number; notes: MessageRef[] } {
  const notes: MessageRef[] = [];
  // A relation keeps its author, like a span (a set has one author: one set per author).
  const byAuthor = new Map<string, Change[]>();
  const seen = new Set<string>();
  const ancestry = ancestryLookup(workbench.labels.list());
  for (const relation of relations) {
    const headId = storedIdOf.get(relation.head);
    const tailId = storedIdOf.get(relation.tail);
    const which = { id: relation.id, type: relation.type };
    if (headId === undefined || tailId === undefined) {
      notes.push({ key: 'noteRelationSpanMissing', params: which });
      continue;
    }
    // The handler checks all this again; checked here so one broken relation does not cost the
    // file every other one (a set is all-or-nothing).
    const type = workbench.relationTypes.find(relation.type);
    const head = workbench.annotationRows.get(headId);
    const tail = workbench.annotationRows.get(tailId);
    const problem: MessageRef | null = !type
      ? { key: 'noteRelationNoType', params: which }
      : headId === tailId
        ? { key: 'noteRelationToItself', params: which }
        : !relationAllowed(type, head.labelKey, tail.labelKey, ancestry)
          ? {
              key: 'noteRelationRule',
              params: { ...which, rule: relationRule(type), head: head.labelKey, tail: tail.labelKey },
            }
          : null;
    if (problem) {
      notes.push(problem);
      continue;
    }
    const key = `${relation.type}:${headId}:${tailId}`;
    if (seen.has(key) || workbench.relations.findBetween(type!.key, headId, tailId, !type!.directed, null)) continue;
    seen.add(key);
    const changes = byAuthor.get(relation.author) ?? [];
    byAuthor.set(relation.author, changes);
    changes.push({
      kind: 'relation.create',
      ref: `relation-${relation.id}`,
      relation: { articleId, typeKey: relation.type, headId, tailId, note: relation.note },
    });
  }
  let count = 0;
  for (const [author, changes] of byAuthor) {
    workbench.changes.apply({
      articleId,
      origin: 'import',
      // Files written before authors were recorded ('') take the importer's name, as before.
      ...(author ? { author } : {}),
      description: `Import ${changes.length} relations from ${fileName}`,
      changes,
    });
    count += changes.length;
  }
  return { count, notes };
}
