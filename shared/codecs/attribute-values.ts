/**
 * Attribute values as the export formats write them. Stored values are kept as they are, except
 * span references: a stored reference is an annotation id, which only the workbench JSON carries;
 * each other format says which span it means in its own terms (JSONL: the index in `spans`;
 * CSV: the quote; brat: the T id; W3C: the annotation IRI).
 */
import type { AttributeDef, AttributeValue, AttributeValues } from '../domain/attributes';
import type { Annotation } from '../domain/schemas';

/** The attribute definitions of a label, by key (for turning references into each format's terms). */
export function defsByLabel(defs: readonly AttributeDef[]): Map<string, Map<string, AttributeDef>> {
  const byLabel = new Map<string, Map<string, AttributeDef>>();
  for (const def of defs) {
    const ofLabel = byLabel.get(def.labelKey) ?? new Map<string, AttributeDef>();
    ofLabel.set(def.key, def);
    byLabel.set(def.labelKey, ofLabel);
  }
  return byLabel;
}

type ExportedValue<R> = [key: string, value: AttributeValue | R, def: AttributeDef | undefined];

/**
 * The annotation's values in display order, with span references turned into `refer(id)`
 * (undefined drops the value: its target is not in the file). Values of attributes that are no
 * longer defined are kept as stored, after the defined ones.
 */
export function exportedValues<R>(
  annotation: Annotation,
  defs: ReadonlyMap<string, ReadonlyMap<string, AttributeDef>>,
  refer: (annotationId: number) => R | undefined,
): ExportedValue<R>[] {
  const values: AttributeValues = annotation.attributes ?? {};
  const ofLabel = defs.get(annotation.labelKey);
  const ordered = Object.keys(values).sort((a, b) => rank(ofLabel, a) - rank(ofLabel, b) || (a < b ? -1 : 1));
  return ordered.flatMap((key): ExportedValue<R>[] => {
    const value = values[key] as AttributeValue;
    const def = ofLabel?.get(key);
    if (def?.spec.type !== 'span') return [[key, value, def]];
    const target = refer(value as number);
    return target === undefined ? [] : [[key, target, def]];
  });
}

const rank = (defs: ReadonlyMap<string, AttributeDef> | undefined, key: string): number =>
  defs?.get(key)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
