import type { LabelDifference, ReviewQuestion } from '../../../../shared/contract/imports';
import type { Label } from '../../../../shared/domain/schemas';
import { labelHotkeyClash } from '../../../../shared/keymap';
import type { MessageParam, MessageRef } from '../../../../shared/messages/backend-messages';
import type { Workbench } from '../../workbench';
import type { FileReview } from '../review';

/** The label fields an analyst sees and could have changed, with the words the notes use. */
const COMPARED_FIELDS: readonly [LabelDifference['field'], MessageRef['key']][] = [
  ['nameVi', 'wordLabelNameVi'],
  ['nameEn', 'wordLabelNameEn'],
  ['color', 'wordLabelColor'],
  ['hotkey', 'wordLabelHotkey'],
  ['kind', 'wordLabelKind'],
  ['description', 'wordLabelDescription'],
  ['parentKey', 'wordLabelParent'],
];

const shown = (value: string | null): MessageParam => (value === null ? { key: 'wordNone', params: {} } : `“${value}”`);

/** How the review names this format, like the peer formats' names ("doccano JSONL"). */
const FORMAT_NAME = 'Marginalia workbench JSON';

/**
 * The review question a label of a colleague's file raises here: it is missing (`existing`
 * false) or defined differently (with the differences); null when the label here is the same.
 */
export function labelQuestion(
  local: Label | null,
  label: Label,
  context: { fileName: string; spanCount: number },
): (ReviewQuestion & { kind: 'label' }) | null {
  const differences: LabelDifference[] = local
    ? COMPARED_FIELDS.filter(([field]) => local[field] !== label[field]).map(([field]) => ({
        field,
        here: local[field],
        inFile: label[field],
      }))
    : [];
  if (local && differences.length === 0) return null;
  return {
    kind: 'label',
    id: `label:${label.key}`,
    label: label.key,
    format: FORMAT_NAME,
    files: [context.fileName],
    spanCount: context.spanCount,
    fileLabel: { nameVi: label.nameVi, nameEn: label.nameEn, color: label.color },
    existing: local !== null,
    differences,
  };
}

export interface MergedLabels {
  /** What was added, mapped, kept or skipped, in words. */
  notes: MessageRef[];
  /** The label here for each label key of the file; null: its spans are skipped, as the user chose. */
  keys: Map<string, string | null>;
}

/**
 * Brings in the labels of a colleague's file without touching the local ones. A label the
 * workbench lacks, or defines differently, is a question of the review: add the file's label
 * (when missing; without a hotkey another label holds here), map its spans to a label here
 * (a label that differs maps to the local one by default: it is never renamed or recoloured), or
 * skip its spans. Runs inside the file's transaction.
 */
export function mergeLabels(
  workbench: Pick<Workbench, 'labels' | 'changes'>,
  fileLabels: readonly Label[],
  context: { fileName: string; review: FileReview; spanCounts: ReadonlyMap<string, number> },
): MergedLabels {
  const merged: MergedLabels = { notes: [], keys: new Map() };
  for (const label of fileLabels) {
    const local = workbench.labels.get(label.key);
    const spans = context.spanCounts.get(label.key) ?? 0;
    const question = labelQuestion(local, label, { fileName: context.fileName, spanCount: spans });
    if (!question) {
      merged.keys.set(label.key, label.key);
      continue;
    }
    const { differences } = question;
    const answer = context.review.ask(question);
    if (answer.choice === 'skip') {
      merged.keys.set(label.key, null);
      merged.notes.push({ key: 'noteLabelSkipped', params: { count: spans, label: label.key } });
    } else if (answer.choice === 'map' && answer.labelKey !== label.key) {
      merged.keys.set(label.key, answer.labelKey);
      merged.notes.push({ key: 'noteLabelMapped', params: { label: label.key, to: answer.labelKey } });
    } else if (local) {
      merged.keys.set(label.key, label.key);
      for (const { field, here, inFile } of differences) {
        // Every difference is of a compared field.
        const word = COMPARED_FIELDS.find(([candidate]) => candidate === field)![1];
        merged.notes.push({
          key: 'noteLabelKept',
          params: { label: label.key, field: { key: word, params: {} }, here: shown(here), inFile: shown(inFile) },
        });
      }
    } else {
      // Through the pipeline, as a `label.create` of its own: without a hotkey another label (or
      // a reader shortcut) holds here, and at the top when its parent is missing here.
      const hotkeyTaken =
        label.hotkey !== null &&
        (labelHotkeyClash(label.hotkey) !== null ||
          workbench.labels.list().some((other) => other.hotkey === label.hotkey));
      const parentKey = label.parentKey !== null && workbench.labels.get(label.parentKey) ? label.parentKey : null;
      workbench.changes.apply({
        origin: 'import',
        changes: [{ kind: 'label.create', label: { ...label, hotkey: hotkeyTaken ? null : label.hotkey, parentKey } }],
      });
      merged.keys.set(label.key, label.key);
      const params = { label: label.key, name: label.nameEn };
      merged.notes.push({ key: 'noteLabelAdded', params });
      if (hotkeyTaken)
        merged.notes.push({ key: 'noteLabelAddedNoHotkey', params: { ...params, hotkey: label.hotkey! } });
      if (label.parentKey !== null && parentKey === null)
        merged.notes.push({ key: 'noteLabelAddedAtTop', params: { ...params, parent: label.parentKey } });
    }
  }
  return merged;
}
