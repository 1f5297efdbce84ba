import type { Transition } from '../../../shared/domain/changes';

/** A quote cut for a message or history line. */
export function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

/** One change in words, as the undo/redo buttons and toasts show it. */
export function describeTransition({ kind, before, after }: Transition): string {
  if (kind === 'annotation.create' && after) return `Tag ${after.labelKey} “${shorten(after.quote)}”`;
  if (kind === 'annotation.delete' && before) return `Delete ${before.labelKey} “${shorten(before.quote)}”`;
  if (before && after) {
    if (before.labelKey !== after.labelKey) {
      return `Relabel “${shorten(after.quote)}” ${before.labelKey} → ${after.labelKey}`;
    }
    if (before.start !== after.start || before.end !== after.end) {
      return `Resize ${after.labelKey} “${shorten(after.quote)}”`;
    }
    return `Edit note on ${after.labelKey} “${shorten(after.quote)}”`;
  }
  return 'Change';
}

const PLURAL_VERB: Record<Transition['kind'], string> = {
  'annotation.create': 'Tag',
  'annotation.update': 'Edit',
  'annotation.delete': 'Delete',
};

/** A set in words: its one change, or a count ("Tag 12 spans", "5 edits"). */
export function describeSet(transitions: readonly Transition[]): string {
  const [first] = transitions;
  if (!first) return 'No change';
  if (transitions.length === 1) return describeTransition(first);
  const kinds = new Set(transitions.map((transition) => transition.kind));
  if (kinds.size === 1) return `${PLURAL_VERB[first.kind]} ${transitions.length} spans`;
  return `${transitions.length} edits`;
}
