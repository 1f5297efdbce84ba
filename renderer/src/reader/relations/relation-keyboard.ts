import { shortcutFor } from '../../app/keymap';
import { draftTarget, useRelationStore } from './relation-store';

/**
 * The keys of a relation being drawn (scope `relation` of the keyboard map). While a draft is open
 * every key goes here first, so Tab moves the target instead of cycling spans and Escape cancels
 * the draft instead of clearing the selection. Returns true when the key was handled.
 */
export function handleRelationKey(event: KeyboardEvent, reveal: (id: number) => void): boolean {
  const store = useRelationStore.getState();
  if (!store.draft) return false;
  const shortcut = shortcutFor(event, 'relation');
  switch (shortcut) {
    case 'relation-next-target':
    case 'relation-previous-target': {
      store.moveTarget(shortcut === 'relation-next-target' ? 1 : -1);
      const target = draftTarget(useRelationStore.getState().draft);
      // The target is shown, not selected: the selection stays on the span the relation starts from.
      if (target) reveal(target.id);
      return true;
    }
    case 'relation-next-type':
    case 'relation-previous-type':
      store.moveOption(shortcut === 'relation-next-type' ? 1 : -1);
      return true;
    case 'relation-pick-type':
      store.pickOption(Number(event.key) - 1);
      return true;
    case 'relation-confirm':
      store.confirm();
      return true;
    case 'relation-cancel':
      store.cancel();
      return true;
    case null:
      // Any other key leaves the draft open and does nothing (typing a label key must not relabel).
      return true;
  }
}
