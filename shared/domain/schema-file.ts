/**
 * The label schema as a file of its own (to share with colleagues) and as every dataset export
 * carries it: a format name, a version, the labels with their full paths, and the attribute and
 * document field definitions. Unknown fields are refused, naming them, so a typo (`colour`) is
 * never silently dropped.
 */
import { z } from 'zod';
import { AttributeDefSchema, FieldDefSchema, type AttributeDef, type FieldDef } from './attributes';
import { labelAncestry, labelPath, labelTree } from './label-tree';
import { LabelSchema, type Label } from './schemas';

export const SCHEMA_FILE_FORMAT = 'marginalia-schema';
/**
 * Version 1: labels with names, colour, hotkey, kind, texts, order, parent and hidden.
 * Version 2: and the attribute definitions of the labels and the document fields' definitions.
 * A version 1 file is still read; it says nothing about attributes and fields, so an import of it
 * leaves them as they are.
 */
export const SCHEMA_FILE_VERSION = 2;
const READABLE_VERSIONS = [1, SCHEMA_FILE_VERSION] as const;

export const SchemaFileLabelSchema = LabelSchema.extend({
  /** `RISK/CYBER`: the keys from the top down; written for readers, checked on import. */
  path: z.string().optional(),
}).strict();

export const SchemaFileSchema = z
  .object({
    format: z.literal(SCHEMA_FILE_FORMAT, {
      error: `the file is not a Marginalia schema (format “${SCHEMA_FILE_FORMAT}”)`,
    }),
    version: z.union(
      READABLE_VERSIONS.map((version) => z.literal(version)),
      {
        error: `this schema file is of another version; this Marginalia reads versions ${READABLE_VERSIONS.join(' and ')}`,
      },
    ),
    exportedAt: z.string().optional(),
    labels: z.array(SchemaFileLabelSchema),
    /** Absent in version 1 files. */
    attributes: z.array(AttributeDefSchema).optional(),
    fields: z.array(FieldDefSchema).optional(),
  })
  .strict();
export type SchemaFile = z.infer<typeof SchemaFileSchema>;

/** The schema as written to files: tree order, each label with its path, then the definitions. */
export function schemaFileOf(
  labels: readonly Label[],
  attributes: readonly AttributeDef[],
  fields: readonly FieldDef[],
  exportedAt?: string,
): SchemaFile {
  return {
    format: SCHEMA_FILE_FORMAT,
    version: SCHEMA_FILE_VERSION,
    ...(exportedAt ? { exportedAt } : {}),
    labels: labelTree(labels).map(({ label }) => ({ ...label, path: labelPath(labels, label.key) })),
    attributes: [...attributes],
    fields: [...fields],
  };
}

/**
 * Reads a schema file, or says what is wrong with it: the field (`labels[3].colour`) and why.
 * Beyond the shape: keys and hotkeys unique, paths matching the parents.
 */
export function parseSchemaFile(input: unknown): { ok: true; schema: SchemaFile } | { ok: false; problem: string } {
  const result = SchemaFileSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.').replace(/\.(\d+)/g, '[$1]') : 'the file';
    const unknown = issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue?.message;
    return { ok: false, problem: `${where}: ${unknown ?? 'invalid'}` };
  }
  const labels = result.data.labels;
  const seenKeys = new Set<string>();
  const seenHotkeys = new Map<string, string>();
  for (const [index, label] of labels.entries()) {
    if (seenKeys.has(label.key)) return { ok: false, problem: `labels[${index}].key: ${label.key} appears twice` };
    seenKeys.add(label.key);
    if (label.hotkey !== null) {
      const owner = seenHotkeys.get(label.hotkey);
      if (owner) return { ok: false, problem: `labels[${index}].hotkey: ${label.hotkey} is also ${owner}’s` };
      seenHotkeys.set(label.hotkey, label.key);
    }
    if (label.parentKey !== null && !labels.some((other) => other.key === label.parentKey)) {
      return { ok: false, problem: `labels[${index}].parentKey: there is no label ${label.parentKey} in the file` };
    }
    if (labelAncestry(labels, label.key)[0] !== topOf(labels, label.key)) {
      return { ok: false, problem: `labels[${index}].parentKey: ${label.key} is under itself (a cycle)` };
    }
    if (label.path !== undefined && label.path !== labelPath(labels, label.key)) {
      return {
        ok: false,
        problem: `labels[${index}].path: “${label.path}” does not match its parents (${labelPath(labels, label.key)})`,
      };
    }
  }
  const problem = definitionsProblem(result.data);
  return problem ? { ok: false, problem } : { ok: true, schema: result.data };
}

/** Attributes of labels the file has, each key once per label, references to labels of the file; fields once each. */
function definitionsProblem({ labels, attributes = [], fields = [] }: SchemaFile): string | null {
  const keys = new Set(labels.map((label) => label.key));
  const seen = new Set<string>();
  for (const [index, def] of attributes.entries()) {
    if (!keys.has(def.labelKey)) return `attributes[${index}].labelKey: there is no label ${def.labelKey} in the file`;
    const id = `${def.labelKey}.${def.key}`;
    if (seen.has(id)) return `attributes[${index}].key: ${id} appears twice`;
    seen.add(id);
    const missing = def.spec.type === 'span' ? def.spec.labelKeys.find((key) => !keys.has(key)) : undefined;
    if (missing) return `attributes[${index}].spec.labelKeys: there is no label ${missing} in the file`;
  }
  const fieldKeys = new Set<string>();
  for (const [index, def] of fields.entries()) {
    if (fieldKeys.has(def.key)) return `fields[${index}].key: ${def.key} appears twice`;
    fieldKeys.add(def.key);
  }
  return null;
}

/** Walks up from `key`; undefined when the chain comes back to a label it passed (a cycle). */
function topOf(labels: readonly Label[], key: string): string | undefined {
  const seen = new Set<string>();
  let current: Label | undefined = labels.find((label) => label.key === key);
  while (current) {
    if (seen.has(current.key)) return undefined;
    seen.add(current.key);
    if (current.parentKey === null) return current.key;
    const parentKey: string = current.parentKey;
    current = labels.find((label) => label.key === parentKey);
  }
  return undefined;
}
