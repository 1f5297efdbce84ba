/**
 * The label hierarchy: a label may refine a parent (RISK › CYBER). Keys stay flat and unique
 * (upper-case, as every format writes them); the path joins the keys from the top, `RISK/CYBER`.
 * Pure functions over a label list, shared by the label service, the codecs and the renderer.
 */
import type { MessageRef } from '../messages/backend-messages';
import type { Label } from './schemas';

type TreeLabel = Pick<Label, 'key' | 'parentKey' | 'sortOrder'>;

/** The path separator in exports and messages: `RISK/CYBER`. */
export const LABEL_PATH_SEPARATOR = '/';

function byKey<L extends TreeLabel>(labels: readonly L[]): Map<string, L> {
  return new Map(labels.map((label) => [label.key, label]));
}

/** The keys from the top of the tree down to `key` (a broken or cyclic chain stops where it breaks). */
export function labelAncestry(labels: readonly TreeLabel[], key: string): string[] {
  const index = byKey(labels);
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let current: string | null = key; current !== null && !seen.has(current);) {
    seen.add(current);
    chain.unshift(current);
    current = index.get(current)?.parentKey ?? null;
  }
  return chain;
}

/**
 * `labelAncestry` over one label list, with the index built once and each answer kept: for
 * checks asked per span (which relation types fit two spans).
 */
export function ancestryLookup(labels: readonly TreeLabel[]): (key: string) => readonly string[] {
  const known = new Map<string, string[]>();
  return (key) => {
    let chain = known.get(key);
    if (!chain) known.set(key, (chain = labelAncestry(labels, key)));
    return chain;
  };
}

/** `RISK/CYBER` for CYBER under RISK; the key alone at the top. */
export function labelPath(labels: readonly TreeLabel[], key: string): string {
  return labelAncestry(labels, key).join(LABEL_PATH_SEPARATOR);
}

/** The top-level label a key belongs to (itself when it has no parent). */
export function topLevelKey(labels: readonly TreeLabel[], key: string): string {
  return labelAncestry(labels, key)[0] ?? key;
}

/** The key and every label under it, at any depth: what a filter by `key` includes. */
export function withDescendants(labels: readonly TreeLabel[], key: string): Set<string> {
  const found = new Set([key]);
  for (let grew = true; grew;) {
    grew = false;
    for (const label of labels) {
      if (label.parentKey !== null && found.has(label.parentKey) && !found.has(label.key)) {
        found.add(label.key);
        grew = true;
      }
    }
  }
  return found;
}

/** The keys picked, widened to their descendants. */
export function expandLabelFilter(labels: readonly TreeLabel[], keys: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const key of keys) for (const found of withDescendants(labels, key)) all.add(found);
  return all;
}

/**
 * A list of allowed label keys (a relation type's ends, a span reference's targets) after label
 * `from` is renamed or merged into `to`, or deleted (`to` null): each key once, order kept.
 */
export function replaceLabelKey(keys: readonly string[], from: string, to: string | null): string[] {
  return [...new Set(keys.flatMap((key) => (key !== from ? [key] : to === null ? [] : [to])))];
}

/**
 * Why `key` cannot be placed under `parentKey`, or null when it can: the parent must exist, and
 * must not be the label itself or one of its descendants (a cycle).
 */
export function parentProblem(labels: readonly TreeLabel[], key: string, parentKey: string | null): MessageRef | null {
  if (parentKey === null) return null;
  if (parentKey === key) return { key: 'labelParentSelf', params: { label: key } };
  if (!labels.some((label) => label.key === parentKey)) {
    return { key: 'labelParentMissing', params: { label: key, parent: parentKey } };
  }
  if (withDescendants(labels, key).has(parentKey)) {
    return { key: 'labelParentCycle', params: { label: key, parent: parentKey, path: labelPath(labels, parentKey) } };
  }
  return null;
}

/** The labels in tree order (each parent followed by its children, siblings by sort order), with depth. */
export function labelTree<L extends TreeLabel>(labels: readonly L[]): { label: L; depth: number }[] {
  const ordered = [...labels].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
  const present = new Set(labels.map((label) => label.key));
  const out: { label: L; depth: number }[] = [];
  const visit = (parentKey: string | null, depth: number, seen: Set<string>) => {
    for (const label of ordered) {
      const parent = label.parentKey !== null && present.has(label.parentKey) ? label.parentKey : null;
      if (parent !== parentKey || seen.has(label.key)) continue;
      seen.add(label.key);
      out.push({ label, depth });
      visit(label.key, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  return out;
}
