/**
 * The one keyboard map. The app-wide handler, the reader's handler, the note field, the
 * desktop menu's accelerators and the help sheet all read this list, so a shortcut cannot be
 * bound in one place and documented (or shown in the menu) as something else.
 *
 * Pure data and string formatting: the DOM matcher lives in renderer/src/app/keymap.ts, and what
 * each shortcut does is said in the UI languages (`keys.action.<id>`, renderer/src/i18n).
 */
import type { AppCommand } from './contract/app-commands';

/**
 * Where a shortcut applies. `app` keys work in every view; the others only where named;
 * `relation` while a relation is being drawn by keyboard (after R), before the reader's keys;
 * `suggestion` while a suggestion is focused (N/P); `concordance` in the concordance view; `find`
 * in the reader's search field (Ctrl+F); `adjudication` in the adjudication view, and
 * `adjudication-edit` there while a version is being edited before it is accepted (E); `brief`
 * in the brief editor (issue 16).
 */
export const KEY_SCOPES = [
  'app',
  'reader',
  'relation',
  'suggestion',
  'note',
  'concordance',
  'find',
  'adjudication',
  'adjudication-edit',
  'brief',
] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/**
 * One key combination. `key` is a KeyboardEvent.key value: letters in lower case, other keys as
 * named (`ArrowLeft`, `Escape`, `?`). `mod` is Ctrl, or Cmd on macOS.
 * For a printable non-letter (`?`, digits) Shift is not compared: the character already says
 * whether Shift was needed on the user's layout.
 */
export interface KeyChord {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface Shortcut {
  /** App-scope ids are the AppCommand they run, so the menu can look its accelerator up. */
  id: string;
  scope: KeyScope;
  /** Alternatives: any one of them triggers the shortcut. The first is the one menus show. */
  chords: readonly KeyChord[];
  /** How the help sheet writes the keys, when listing every chord would be noise. */
  keysText?: string;
}

const arrows = (modifiers: Omit<KeyChord, 'key'>): KeyChord[] => [
  { key: 'ArrowLeft', ...modifiers },
  { key: 'ArrowRight', ...modifiers },
];

export const SHORTCUTS = [
  { id: 'import', scope: 'app', chords: [{ key: 'o', mod: true }] },
  { id: 'export', scope: 'app', chords: [{ key: 'e', mod: true }] },
  { id: 'library', scope: 'app', chords: [{ key: 'l', mod: true }] },
  { id: 'concordance', scope: 'app', chords: [{ key: 'f', mod: true, shift: true }] },
  { id: 'dashboard', scope: 'app', chords: [{ key: 'd', mod: true, shift: true }] },
  { id: 'entities', scope: 'app', chords: [{ key: 'e', mod: true, shift: true }] },
  { id: 'briefs', scope: 'app', chords: [{ key: 'b', mod: true, shift: true }] },
  { id: 'undo', scope: 'app', chords: [{ key: 'z', mod: true }] },
  {
    id: 'redo',
    scope: 'app',
    chords: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  { id: 'keyboard-help', scope: 'app', chords: [{ key: '?' }] },
  // Each label's own key (set in the schema editor, data not code): no fixed chords here.
  { id: 'apply-label', scope: 'reader', chords: [], keysText: '1 … 9, 0, A … Z' },
  {
    id: 'extend-selection',
    scope: 'reader',
    chords: arrows({ shift: true }),
  },
  {
    id: 'extend-selection-word',
    scope: 'reader',
    chords: arrows({ shift: true, mod: true }),
  },
  {
    id: 'cycle-spans',
    scope: 'reader',
    chords: [{ key: 'Tab' }, { key: 'Tab', shift: true }],
  },
  {
    id: 'move-end',
    scope: 'reader',
    chords: arrows({ alt: true }),
  },
  {
    id: 'move-start',
    scope: 'reader',
    chords: arrows({ alt: true, shift: true }),
  },
  {
    id: 'delete-span',
    scope: 'reader',
    chords: [{ key: 'Delete' }, { key: 'Backspace' }],
  },
  { id: 'clear-selection', scope: 'reader', chords: [{ key: 'Escape' }] },
  /** Issue 12: link the selected span to a registry entity (a typeahead). */
  { id: 'link-entity', scope: 'reader', chords: [{ key: 'l' }] },
  /** Issue 12: link the selected span to the entity suggested for it (one key, never silently). */
  { id: 'confirm-suggestion', scope: 'reader', chords: [{ key: 'Enter' }] },
  { id: 'relate', scope: 'reader', chords: [{ key: 'r' }] },
  {
    id: 'relation-next-target',
    scope: 'relation',
    chords: [{ key: 'Tab' }, { key: 'ArrowRight' }],
  },
  {
    id: 'relation-previous-target',
    scope: 'relation',
    chords: [{ key: 'Tab', shift: true }, { key: 'ArrowLeft' }],
  },
  {
    id: 'relation-next-type',
    scope: 'relation',
    chords: [{ key: 'ArrowDown' }],
  },
  {
    id: 'relation-previous-type',
    scope: 'relation',
    chords: [{ key: 'ArrowUp' }],
  },
  {
    id: 'relation-pick-type',
    scope: 'relation',
    chords: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({ key })),
    keysText: '1 … 9',
  },
  { id: 'relation-confirm', scope: 'relation', chords: [{ key: 'Enter' }] },
  { id: 'relation-cancel', scope: 'relation', chords: [{ key: 'Escape' }] },
  { id: 'next-suggestion', scope: 'reader', chords: [{ key: 'n' }] },
  { id: 'previous-suggestion', scope: 'reader', chords: [{ key: 'p' }] },
  // While a suggestion is focused (N/P) and no span is selected.
  { id: 'accept-suggestion', scope: 'suggestion', chords: [{ key: 'Enter' }] },
  { id: 'reject-suggestion', scope: 'suggestion', chords: [{ key: 'Backspace' }, { key: 'Delete' }] },
  /**
   * The attribute prefix: on a selected span, A starts on its first attribute (a missing required
   * one first); then a value's key (its first free letter, or 1–9) sets it, A moves to the next
   * attribute, Esc ends. Those follow-up keys are read by the reader while the prefix is active.
   */
  { id: 'attribute-prefix', scope: 'reader', chords: [{ key: 'a' }], keysText: 'A + a…z, 1…9' },
  { id: 'save-note', scope: 'note', chords: [{ key: 'Enter', mod: true }] },
  { id: 'hit-next', scope: 'concordance', chords: [{ key: 'ArrowDown' }, { key: 'j' }] },
  { id: 'hit-previous', scope: 'concordance', chords: [{ key: 'ArrowUp' }, { key: 'k' }] },
  { id: 'hit-toggle', scope: 'concordance', chords: [{ key: ' ' }, { key: 'x' }], keysText: 'Space, X' },
  { id: 'hits-all', scope: 'concordance', chords: [{ key: 'a', mod: true }] },
  { id: 'hits-none', scope: 'concordance', chords: [{ key: 'a', mod: true, shift: true }] },
  { id: 'annotate-hits', scope: 'concordance', chords: [{ key: 'Enter', mod: true }] },
  { id: 'open-hit', scope: 'concordance', chords: [{ key: 'Enter' }] },
  { id: 'leave-note', scope: 'note', chords: [{ key: 'Escape' }] },
  { id: 'find', scope: 'reader', chords: [{ key: 'f', mod: true }] },
  { id: 'find-next', scope: 'find', chords: [{ key: 'Enter' }] },
  { id: 'find-previous', scope: 'find', chords: [{ key: 'Enter', shift: true }] },
  { id: 'find-close', scope: 'find', chords: [{ key: 'Escape' }] },
  // Issue 15: one key per decision on the current disagreement, then on to the next open one.
  { id: 'adjudicate-mine', scope: 'adjudication', chords: [{ key: 'm' }] },
  { id: 'adjudicate-theirs', scope: 'adjudication', chords: [{ key: 't' }] },
  { id: 'adjudicate-both', scope: 'adjudication', chords: [{ key: 'b' }] },
  { id: 'adjudicate-edit', scope: 'adjudication', chords: [{ key: 'e' }] },
  { id: 'adjudicate-reject', scope: 'adjudication', chords: [{ key: 'x' }] },
  { id: 'adjudicate-next', scope: 'adjudication', chords: [{ key: 'j' }, { key: 'ArrowDown' }] },
  { id: 'adjudicate-previous', scope: 'adjudication', chords: [{ key: 'k' }, { key: 'ArrowUp' }] },
  { id: 'adjudicate-edit-accept', scope: 'adjudication-edit', chords: [{ key: 'Enter' }] },
  { id: 'adjudicate-edit-cancel', scope: 'adjudication-edit', chords: [{ key: 'Escape' }] },
  { id: 'adjudicate-edit-end', scope: 'adjudication-edit', chords: arrows({ alt: true }) },
  { id: 'adjudicate-edit-start', scope: 'adjudication-edit', chords: arrows({ alt: true, shift: true }) },
  {
    id: 'adjudicate-edit-label',
    scope: 'adjudication-edit',
    chords: [{ key: 'ArrowDown' }, { key: 'ArrowUp' }],
  },
  // The brief editor: matched in its own key handler, ahead of Lexical's defaults. Undo and redo
  // there are the app's chords (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), taken by Lexical's own history.
  { id: 'brief-bold', scope: 'brief', chords: [{ key: 'b', mod: true }] },
  { id: 'brief-italic', scope: 'brief', chords: [{ key: 'i', mod: true }] },
  { id: 'brief-heading-1', scope: 'brief', chords: [{ key: '1', mod: true, alt: true }] },
  { id: 'brief-heading-2', scope: 'brief', chords: [{ key: '2', mod: true, alt: true }] },
  { id: 'brief-paragraph', scope: 'brief', chords: [{ key: '0', mod: true, alt: true }] },
  { id: 'brief-bullet-list', scope: 'brief', chords: [{ key: 'l', mod: true, shift: true }] },
  { id: 'brief-numbered-list', scope: 'brief', chords: [{ key: 'o', mod: true, shift: true }] },
  { id: 'brief-link', scope: 'brief', chords: [{ key: 'k', mod: true }] },
  { id: 'brief-cite', scope: 'brief', chords: [{ key: 'p', mod: true, shift: true }] },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
export type ShortcutIdIn<S extends KeyScope> = Extract<(typeof SHORTCUTS)[number], { scope: S }>['id'];

// Every app shortcut runs the command of the same name (checked by the compiler).
const _appIdsAreCommands: AppCommand = '' as ShortcutIdIn<'app'>;
void _appIdsAreCommands;

export function shortcutById(id: ShortcutId): Shortcut {
  const shortcut = SHORTCUTS.find((candidate) => candidate.id === id);
  if (!shortcut) throw new Error(`No shortcut "${id}"`);
  return shortcut;
}

/** A printable non-letter key: Shift is part of the character, not a modifier to compare. */
export function isShiftedCharacter(key: string): boolean {
  return key.length === 1 && key.toLowerCase() === key.toUpperCase() && key !== ' ';
}

const KEY_NAMES: Record<string, { text: string; accelerator: string }> = {
  ArrowLeft: { text: '←', accelerator: 'Left' },
  ArrowRight: { text: '→', accelerator: 'Right' },
  ArrowUp: { text: '↑', accelerator: 'Up' },
  ArrowDown: { text: '↓', accelerator: 'Down' },
  Escape: { text: 'Esc', accelerator: 'Escape' },
  Delete: { text: 'Delete', accelerator: 'Delete' },
  Backspace: { text: 'Backspace', accelerator: 'Backspace' },
  Enter: { text: 'Enter', accelerator: 'Enter' },
  Tab: { text: 'Tab', accelerator: 'Tab' },
};

function modifierNames(chord: KeyChord, modName: string): string[] {
  return [chord.mod ? modName : '', chord.alt ? 'Alt' : '', chord.shift ? 'Shift' : ''].filter(Boolean);
}

/** The chord as people read it: "Ctrl+Shift+Z", "Alt+←", "?". */
export function chordText(chord: KeyChord): string {
  const key = KEY_NAMES[chord.key]?.text ?? chord.key.toUpperCase();
  return [...modifierNames(chord, 'Ctrl'), key].join('+');
}

export function shortcutKeysText(shortcut: Shortcut): string {
  return shortcut.keysText ?? shortcut.chords.map(chordText).join(', ');
}

/** The Electron menu accelerator of a shortcut's first chord ("CmdOrCtrl+Shift+Z"). */
export function acceleratorOf(id: ShortcutId): string {
  const chord = shortcutById(id).chords[0];
  if (!chord) throw new Error(`Shortcut "${id}" has no keys`);
  const key = KEY_NAMES[chord.key]?.accelerator ?? chord.key.toUpperCase();
  return [...modifierNames(chord, 'CmdOrCtrl'), key].join('+');
}

/** A chord's identity for collision checks: two chords with the same signature are the same keys. */
export function chordSignature(chord: KeyChord): string {
  const key = chord.key.length === 1 ? chord.key.toLowerCase() : chord.key;
  const shift = isShiftedCharacter(chord.key) ? 'any' : String(Boolean(chord.shift));
  return `${key}|mod=${Boolean(chord.mod)}|alt=${Boolean(chord.alt)}|shift=${shift}`;
}

/**
 * Reader keys kept for features on their way (R relation, L link to an entity, A attribute
 * prefix), in both cases, so that no label hotkey takes them first.
 */
export const RESERVED_READER_KEYS = ['r', 'R', 'l', 'L', 'a', 'A'] as const;

/**
 * Why a label hotkey (one character, `C` meaning Shift+C) cannot be used because the keyboard map
 * needs the key: the id of the reader or app shortcut that has it, 'reserved', or null when free.
 */
export function labelHotkeyClash(hotkey: string): ShortcutId | 'reserved' | null {
  if ((RESERVED_READER_KEYS as readonly string[]).includes(hotkey)) return 'reserved';
  const shift = hotkey.toLowerCase() !== hotkey;
  const chord: KeyChord = { key: hotkey.toLowerCase(), shift };
  const signature = chordSignature(chord);
  const plain = chordSignature({ key: hotkey });
  // Label hotkeys live in the reader: only its keys (and app-wide and suggestion keys, which also
  // work there) can clash. Digits pick a relation type only while relating (after R), and the
  // concordance and note fields have keys of their own.
  const match = SHORTCUTS.find(
    (shortcut) =>
      (shortcut.scope === 'app' || shortcut.scope === 'reader' || shortcut.scope === 'suggestion') &&
      shortcut.chords.some((candidate: KeyChord) => [signature, plain].includes(chordSignature(candidate))),
  );
  return match?.id ?? null;
}

/** A label hotkey as people read it: `c` → "C", `C` → "Shift+C", `7` → "7". */
export function labelHotkeyText(hotkey: string): string {
  return hotkey.toLowerCase() !== hotkey ? `Shift+${hotkey}` : hotkey.toUpperCase();
}
