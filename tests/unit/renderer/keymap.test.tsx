// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../../shared/contract/app-commands';
import {
  KEY_SCOPES,
  SHORTCUTS,
  acceleratorOf,
  chordSignature,
  labelHotkeyClash,
  labelHotkeyText,
  shortcutKeysText,
} from '../../../shared/keymap';
import { isShortcut, isTypingTarget, shortcutFor } from '../../../renderer/src/app/keymap';
import { applyLanguage } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';
import { KeyboardHelp } from '../../../renderer/src/reader/KeyboardHelp';

const key = (init: Partial<KeyboardEvent> & { key: string }) => ({
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...init,
});

describe('keyboard map', () => {
  it('the help sheet lists every entry with its keys', () => {
    applyLanguage('en');
    const html = renderToStaticMarkup(<KeyboardHelp onClose={() => undefined} />);
    const document = new DOMParser().parseFromString(html, 'text/html');
    for (const shortcut of SHORTCUTS) {
      const row = document.querySelector(`[data-shortcut="${shortcut.id}"]`);
      expect(row, shortcut.id).not.toBeNull();
      expect(row?.textContent).toContain(shortcutKeysText(shortcut));
      expect(row?.textContent).toContain(en.keys.action[shortcut.id as keyof typeof en.keys.action]);
    }
  });

  it('no two entries share a key where both are active (app keys are active in every scope)', () => {
    for (const scope of KEY_SCOPES) {
      const active = SHORTCUTS.filter((shortcut) => shortcut.scope === scope || shortcut.scope === 'app');
      const owner = new Map<string, string>();
      for (const shortcut of active) {
        for (const chord of shortcut.chords) {
          const signature = chordSignature(chord);
          expect(owner.get(signature), `${signature} in ${scope}`).toBeUndefined();
          owner.set(signature, shortcut.id);
        }
      }
    }
  });

  it('ids are unique, and every app entry is an app command the menu can show', () => {
    const ids = SHORTCUTS.map((shortcut) => shortcut.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const shortcut of SHORTCUTS.filter((candidate) => candidate.scope === 'app')) {
      expect(APP_COMMANDS).toContain(shortcut.id);
    }
    expect(acceleratorOf('redo')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('keyboard-help')).toBe('?');
  });

  it('matches modifiers exactly, except Shift on characters that need it', () => {
    expect(shortcutFor(key({ key: 'z', ctrlKey: true }), 'app')).toBe('undo');
    expect(shortcutFor(key({ key: 'Z', ctrlKey: true, shiftKey: true }), 'app')).toBe('redo');
    expect(shortcutFor(key({ key: 'y', metaKey: true }), 'app')).toBe('redo');
    expect(shortcutFor(key({ key: '?', shiftKey: true }), 'app')).toBe('keyboard-help');
    expect(shortcutFor(key({ key: '?', ctrlKey: true }), 'app')).toBeNull();
    // Label hotkeys are data (the schema): no fixed chord, digits are free for labels.
    expect(shortcutFor(key({ key: '3' }), 'reader')).toBeNull();
    expect(shortcutFor(key({ key: 'ArrowLeft', altKey: true }), 'reader')).toBe('move-end');
    expect(shortcutFor(key({ key: 'ArrowRight', altKey: true, shiftKey: true }), 'reader')).toBe('move-start');
    expect(shortcutFor(key({ key: 'ArrowRight', shiftKey: true, ctrlKey: true }), 'reader')).toBe(
      'extend-selection-word',
    );
    expect(shortcutFor(key({ key: 'ArrowRight' }), 'reader')).toBeNull();
    expect(isShortcut(key({ key: 'Enter', ctrlKey: true }), 'save-note')).toBe(true);
    expect(isShortcut(key({ key: 'Enter' }), 'save-note')).toBe(false);
  });

  it('one typing check for every handler: fields and editable content', () => {
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    // jsdom does not compute isContentEditable; Chromium does (e2e). Give it the browser's answer.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTypingTarget(editable)).toBe(true);
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(document.createElement('p'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('names the shortcut or reservation a label hotkey would clash with, and writes Shift+letter', () => {
    expect(labelHotkeyClash('?')).toBe('keyboard-help');
    expect(labelHotkeyClash('r')).toBe('reserved');
    expect(labelHotkeyClash('A')).toBe('reserved');
    expect(labelHotkeyClash('c')).toBeNull();
    expect(labelHotkeyClash('7')).toBeNull();
    expect(labelHotkeyText('c')).toBe('C');
    expect(labelHotkeyText('C')).toBe('Shift+C');
    expect(labelHotkeyText('7')).toBe('7');
  });
});
