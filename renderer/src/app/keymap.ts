/**
 * The keyboard map (shared/keymap.ts) applied to DOM events: every handler in the renderer asks
 * these two functions, so they agree on what a key means and on when the user is typing.
 */
import {
  SHORTCUTS,
  isShiftedCharacter,
  type KeyChord,
  type KeyScope,
  type Shortcut,
  type ShortcutId,
  type ShortcutIdIn,
} from '../../../shared/keymap';

/** Keys go to the field, not to shortcuts, in inputs, text areas, selects and editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable === true)
  );
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

export function matchesChord(event: KeyEventLike, chord: KeyChord): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== chord.key) return false;
  if ((event.ctrlKey || event.metaKey) !== Boolean(chord.mod)) return false;
  if (event.altKey !== Boolean(chord.alt)) return false;
  return isShiftedCharacter(chord.key) || event.shiftKey === Boolean(chord.shift);
}

/** The shortcut of `scope` that this key event triggers, if any. */
export function shortcutFor<S extends KeyScope>(event: KeyEventLike, scope: S): ShortcutIdIn<S> | null {
  const shortcuts: readonly Shortcut[] = SHORTCUTS;
  const match = shortcuts.find(
    (shortcut) => shortcut.scope === scope && shortcut.chords.some((chord) => matchesChord(event, chord)),
  );
  return (match?.id ?? null) as ShortcutIdIn<S> | null;
}

export function isShortcut(event: KeyEventLike, id: ShortcutId): boolean {
  const shortcut = SHORTCUTS.find((candidate) => candidate.id === id);
  return shortcut !== undefined && shortcut.chords.some((chord) => matchesChord(event, chord));
}
