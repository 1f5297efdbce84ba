/**
 * Attribute values and document fields of a re-imported workbench export. Definitions here win,
 * as labels do: a value is kept when this database defines that attribute (or field) and the
 * value fits it; any other is skipped and named in the notes. A reference to another span holds
 * the file's annotation id; it is linked to the id that span got here, after the spans exist.
 */
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import { valueProblem, type AttributeValues } from '../../../../shared/domain/attributes';
import type { Change } from '../../../../shared/domain/changes';
import type { WorkbenchAnnotation } from '../../../../shared/codecs/workbench-json';
import type { Workbench } from '../../workbench';

/** References waiting for their targets' new ids: the file id of the span holding each. */
export type PendingReferences = Map<number, Record<string, number>>;

/**
 * The values an imported span keeps, its references (linked later), and what was skipped;
 * checked against the label the span gets here (`labelKey`: the file's label, or the one the
 * label review mapped it to).
 */
export function importableAttributes(
  workbench: Workbench,
  labelKey: string,
  annotation: WorkbenchAnnotation,
  pending: PendingReferences,
  skipped: MessageRef[],
): AttributeValues | undefined {
  const values: AttributeValues = {};
  for (const [key, value] of Object.entries(annotation.attributes ?? {})) {
    const def = workbench.attributeDefs.find(labelKey, key);
    const where = { key, label: labelKey, quote: annotation.quote };
    const problem = def ? valueProblem(def.spec, value) : null;
    if (!def) skipped.push({ key: 'noteSkippedAttributeUndefined', params: where });
    else if (problem) skipped.push({ key: 'noteSkippedAttribute', params: { ...where, problem } });
    else if (def?.spec.type === 'span')
      pending.set(annotation.id, { ...pending.get(annotation.id), [key]: value as number });
    else values[key] = value;
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

/** Links the references of spans created from the file (file id → id here) as one more import set. */
export function linkReferences(
  workbench: Workbench,
  articleId: number,
  pending: PendingReferences,
  createdIds: Readonly<Record<string, number>>,
  fileName: string,
): MessageRef[] {
  const notes: MessageRef[] = [];
  const changes: Change[] = [];
  for (const [fileId, references] of pending) {
    const id = createdIds[String(fileId)];
    if (id === undefined) continue;
    const linked: Record<string, number> = {};
    for (const [key, targetFileId] of Object.entries(references)) {
      const target = createdIds[String(targetFileId)];
      if (target === undefined) notes.push({ key: 'noteSkippedReference', params: { key, id: fileId } });
      else linked[key] = target;
    }
    if (Object.keys(linked).length > 0) changes.push({ kind: 'annotation.update', id, patch: { attributes: linked } });
  }
  if (changes.length > 0) {
    workbench.changes.apply({
      articleId,
      origin: 'import',
      description: `Link span references from ${fileName}`,
      changes,
    });
  }
  return notes;
}

/** Sets the file's document fields the article does not have yet, as one import set; returns notes. */
export function importFields(
  workbench: Workbench,
  articleId: number,
  fields: Readonly<Record<string, unknown>>,
  fileName: string,
): MessageRef[] {
  const notes: MessageRef[] = [];
  const present = workbench.articleFields.valuesOf(articleId);
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (present[key] !== undefined) continue;
    const def = workbench.fieldDefs.find(key);
    const problem = def ? valueProblem(def.spec, value) : null;
    if (!def) notes.push({ key: 'noteSkippedFieldUndefined', params: { key } });
    else if (problem) notes.push({ key: 'noteSkippedField', params: { key, problem } });
    else changes.push({ kind: 'fieldValue.set', articleId, key, value: value as never });
  }
  if (changes.length > 0) {
    workbench.changes.apply({
      articleId,
      origin: 'import',
      description: `Import document fields from ${fileName}`,
      changes,
    });
  }
  return notes;
}
