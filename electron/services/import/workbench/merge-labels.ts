import type { Label } from '../../../../shared/domain/schemas';
import type { LabelStore } from '../../store/labels';

/** The label fields an analyst sees and could have changed, with the words the notes use. */
const COMPARED_FIELDS: readonly [keyof Label, string][] = [
  ['nameVi', 'Vietnamese name'],
  ['nameEn', 'English name'],
  ['color', 'colour'],
  ['hotkey', 'hotkey'],
  ['kind', 'kind'],
  ['description', 'description'],
];

const shown = (value: Label[keyof Label]): string => (value === null ? 'none' : `“${String(value)}”`);

/**
 * Brings in the labels of a colleague's file without touching the local ones: a missing label is
 * added (without a hotkey another label holds here), a label that differs is kept as it is here.
 * Returns the notes that say what was added and what differs. Runs inside the file's transaction.
 */
export function mergeLabels(store: LabelStore, fileLabels: readonly Label[]): string[] {
  const notes: string[] = [];
  for (const label of fileLabels) {
    const local = store.get(label.key);
    if (!local) {
      store.upsert(label);
      const added = store.get(label.key);
      const hotkeyNote =
        label.hotkey !== null && added?.hotkey === null
          ? ` without its hotkey ${label.hotkey}, which is taken here`
          : '';
      notes.push(`Added the label ${label.key} (${label.nameEn})${hotkeyNote}.`);
      continue;
    }
    const differences = COMPARED_FIELDS.filter(([field]) => local[field] !== label[field]).map(
      ([field, words]) => `${words} ${shown(local[field])} here, ${shown(label[field])} in the file`,
    );
    if (differences.length > 0) {
      notes.push(`Kept your label ${label.key} as it is: ${differences.join('; ')}.`);
    }
  }
  return notes;
}
