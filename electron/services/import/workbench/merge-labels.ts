import { labelAncestry } from '../../../../shared/domain/label-tree';
import type { Label } from '../../../../shared/domain/schemas';
import { labelHotkeyClash } from '../../../../shared/keymap';
import type { Workbench } from '../../workbench';

/** The label fields an analyst sees and could have changed, with the words the notes use. */
const COMPARED_FIELDS: readonly [keyof Label, string][] = [
  ['nameVi', 'Vietnamese name'],
  ['nameEn', 'English name'],
  ['color', 'colour'],
  ['hotkey', 'hotkey'],
  ['kind', 'kind'],
  ['description', 'description'],
  ['parentKey', 'parent'],
];

const shown = (value: Label[keyof Label]): string => (value === null ? 'none' : `“${String(value)}”`);

/**
 * Brings in the labels of a colleague's file without touching the local ones: a missing label is
 * added (without a hotkey that is taken here, and under its parent only when that exists), as one
 * `label.create` set; a label that differs is kept as it is here. Returns the notes that say what
 * was added and what differs. Runs inside the file's batch.
 */
export function mergeLabels(workbench: Pick<Workbench, 'labels' | 'changes'>, fileLabels: readonly Label[]): string[] {
  const notes: string[] = [];
  const local = workbench.labels.list();
  const known = new Set(local.map((label) => label.key));
  const takenHotkeys = new Set(local.flatMap((label) => (label.hotkey ? [label.hotkey] : [])));
  const added: Label[] = [];
  // Parents before their children, so each create finds its parent.
  const byDepth = [...fileLabels].sort(
    (a, b) => labelAncestry(fileLabels, a.key).length - labelAncestry(fileLabels, b.key).length,
  );
  for (const label of byDepth) {
    const mine = local.find((candidate) => candidate.key === label.key);
    if (mine) {
      const differences = COMPARED_FIELDS.filter(([field]) => mine[field] !== label[field]).map(
        ([field, words]) => `${words} ${shown(mine[field])} here, ${shown(label[field])} in the file`,
      );
      if (differences.length > 0) notes.push(`Kept your label ${label.key} as it is: ${differences.join('; ')}.`);
      continue;
    }
    const hotkeyFree = label.hotkey !== null && !takenHotkeys.has(label.hotkey) && !labelHotkeyClash(label.hotkey);
    const parentKey = label.parentKey !== null && known.has(label.parentKey) ? label.parentKey : null;
    added.push({ ...label, hotkey: hotkeyFree ? label.hotkey : null, parentKey });
    known.add(label.key);
    if (hotkeyFree && label.hotkey) takenHotkeys.add(label.hotkey);
    const without = [
      label.hotkey !== null && !hotkeyFree ? ` without its hotkey ${label.hotkey}, which is taken here` : '',
      label.parentKey !== null && parentKey === null ? ` at the top (its parent ${label.parentKey} is missing)` : '',
    ].join('');
    notes.push(`Added the label ${label.key} (${label.nameEn})${without}.`);
  }
  if (added.length > 0) {
    workbench.changes.apply({
      origin: 'import',
      description: `Add ${added.length} labels from an imported file`,
      changes: added.map((label) => ({ kind: 'label.create', label })),
    });
  }
  return notes;
}
