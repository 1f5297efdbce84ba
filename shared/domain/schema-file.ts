/**
 * The label schema as a file of its own (to share with colleagues) and as every dataset export
 * carries it: a format name, a version, and the labels with their full paths. Unknown fields are
 * refused, naming them, so a typo (`colour`) is never silently dropped.
 */
import { z } from 'zod';
import { labelAncestry, labelPath, labelTree } from './label-tree';
import { LabelSchema, type Label } from './schemas';

export const SCHEMA_FILE_FORMAT = 'marginalia-schema';
/** Version 1: labels with names, colour, hotkey, kind, texts, order, parent and hidden. */
export const SCHEMA_FILE_VERSION = 1;

export const SchemaFileLabelSchema = LabelSchema.extend({
  /** `RISK/CYBER`: the keys from the top down; written for readers, checked on import. */
  path: z.string().optional(),
}).strict();

export const SchemaFileSchema = z
  .object({
    format: z.literal(SCHEMA_FILE_FORMAT, {
      error: `the file is not a Marginalia schema (format “${SCHEMA_FILE_FORMAT}”)`,
    }),
    version: z.literal(SCHEMA_FILE_VERSION, {
      error: `this schema file is of another version; this Marginalia reads version ${SCHEMA_FILE_VERSION}`,
    }),
    exportedAt: z.string().optional(),
    labels: z.array(SchemaFileLabelSchema),
  })
  .strict();
export type SchemaFile = z.infer<typeof SchemaFileSchema>;

/** The schema as written to files: tree order, each label with its path. */
export function schemaFileOf(labels: readonly Label[], exportedAt?: string): SchemaFile {
  return {
    format: SCHEMA_FILE_FORMAT,
    version: SCHEMA_FILE_VERSION,
    ...(exportedAt ? { exportedAt } : {}),
    labels: labelTree(labels).map(({ label }) => ({ ...label, path: labelPath(labels, label.key) })),
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
  return { ok: true, schema: result.data };
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
