import type { Label } from '../../../shared/domain/schemas';
import { stepSpanEdge } from '../../../shared/text/syllable-steps';
import type { TextRange } from '../../../shared/text/syllables';
import { isTypingTarget, shortcutFor } from '../app/keymap';
import { i18next } from '../i18n';
import { useAppStore } from '../state/app-store';
import { handleAttributeKey, startAttributePrefix } from './attribute-keys';
import { extendSelection, selectedTextRange } from './dom-selection';
import { useSuggestionStore } from './assist/suggestion-store';
import { useFindStore } from './find/find-store';
import { openSpans, useReaderStore } from './reader-store';
import { handleRelationKey } from './relations/relation-keyboard';
import { useRelationStore } from './relations/relation-store';
import type { TextLayout } from './text-layout';

export interface ReaderKeyboardContext {
  layout: TextLayout;
  root: HTMLElement;
  labels: readonly Label[];
  /** Where Tab cycling looks for spans when nothing is selected: the last caret offset. */
  caretOffset: () => number | null;
  reveal: (id: number) => void;
  /** Scrolls a span into view without selecting it (a relation's target). */
  show: (id: number) => void;
  /** Scrolls a range (a suggestion) into view. */
  revealRange: (range: TextRange) => void;
}

/**
 * The reader's shortcuts (scope `reader` of the keyboard map). Returns true when the key was
 * handled (the caller then prevents the browser default). Undo/redo are handled app-wide, with the menu commands.
 */
export function handleReaderKey(event: KeyboardEvent, context: ReaderKeyboardContext): boolean {
  if (isTypingTarget(event.target)) return false;
  const store = useReaderStore.getState();
  const { article, selectedId } = store;
  const spans = openSpans();
  // While the entity typeahead is open, its own keys rule.
  if (!article || !spans || store.linkerSpanId !== null) return false;
  if (handleRelationKey(event, context.show)) return true;
  const selected = selectedId === null ? undefined : spans.get(selectedId);
  // While the attribute prefix is on, its value keys win over label hotkeys and suggestions.
  if (selected && store.attributeKey !== null && handleAttributeKey(event, selected)) return true;
  if (!selected && !store.pending && handleSuggestionKey(event, context)) return true;
  // Label hotkeys are data (the schema editor sets them, refusing keys the keymap uses), so they
  // are matched before the fixed shortcuts: the character itself, `C` being Shift+C.
  const plainKey = !event.ctrlKey && !event.metaKey && !event.altKey;
  const label = plainKey
    ? context.labels.find((candidate) => !candidate.hidden && candidate.hotkey === event.key)
    : undefined;
  const shortcut = label ? 'apply-label' : shortcutFor(event, 'reader');
  const direction = event.key === 'ArrowRight' ? 1 : -1;
  switch (shortcut) {
    case 'apply-label': {
      if (!label) return false;
      if (!store.pending && !selected) {
        useAppStore.getState().notify('info', i18next.t('reader.selectFirst'));
        return true;
      }
      void store.applyLabel(label.key);
      return true;
    }
    case 'attribute-prefix':
      if (!selected) return false;
      if (!startAttributePrefix(selected)) {
        useAppStore.getState().notify('info', i18next.t('attributes.none'));
      }
      return true;
    case 'delete-span':
      if (!selected) return false;
      void store.remove(selected.id);
      return true;
    case 'link-entity':
      if (!selected) {
        useAppStore.getState().notify('info', i18next.t('entities.linker.selectFirst'));
        return true;
      }
      store.openLinker();
      return true;
    case 'confirm-suggestion': {
      const suggested = selected && store.suggestions.find((candidate) => candidate.annotationId === selected.id);
      if (!suggested) return false;
      void store.confirmSuggestion(suggested.annotationId);
      return true;
    }
    case 'relate':
      if (!useRelationStore.getState().start()) useAppStore.getState().notify('info', i18next.t('reader.selectFirst'));
      return true;
    case 'clear-selection':
      store.select(null);
      window.getSelection()?.removeAllRanges();
      return true;
    case 'cycle-spans': {
      // Cycle around the last click while it is inside the selected span, so Tab and Shift+Tab
      // walk the same stack of spans; otherwise around the selected span's start.
      const caret = context.caretOffset();
      const caretInSelected =
        caret !== null && selected !== undefined && caret >= selected.start && caret < selected.end;
      const offset = selected && !caretInSelected ? selected.start : caret;
      // Only while the text has focus: elsewhere Tab moves focus, as everywhere.
      if (offset === null || !context.root.contains(event.target as Node)) return false;
      const under = spans.covering(offset);
      if (under.length === 0) return false;
      const position = selected ? under.findIndex((span) => span.id === selected.id) : -1;
      const step = event.shiftKey ? -1 : 1;
      const next = position < 0 ? under.length - 1 : position + step;
      // Past either end of the stack Tab leaves the text (it used to wrap around: a keyboard trap).
      if (next < 0 || next >= under.length) return false;
      const span = under[next];
      if (span) context.reveal(span.id);
      return true;
    }
    case 'move-end':
    case 'move-start': {
      if (!selected) return false;
      const moved = stepSpanEdge(article.text, selected, shortcut === 'move-start' ? 'start' : 'end', direction);
      if (moved) void store.resize(selected.id, moved);
      return true;
    }
    case 'extend-selection':
    case 'extend-selection-word': {
      extendSelection(
        direction === 1 ? 'forward' : 'backward',
        shortcut === 'extend-selection-word' ? 'word' : 'character',
      );
      const range = selectedTextRange(context.layout, context.root);
      store.setPending(range && range.end > range.start ? range : null);
      return true;
    }
    case 'next-suggestion':
    case 'previous-suggestion': {
      const suggestion = useSuggestionStore.getState().step(shortcut === 'next-suggestion' ? 1 : -1);
      if (!suggestion) return false;
      store.select(null);
      context.revealRange(suggestion);
      return true;
    }
    case 'find':
      useFindStore.getState().show();
      return true;
    case null:
      return false;
  }
}

/** Enter and Backspace act on the focused suggestion (scope `suggestion`), when there is one. */
function handleSuggestionKey(event: KeyboardEvent, context: ReaderKeyboardContext): boolean {
  const suggestions = useSuggestionStore.getState();
  const { focused } = suggestions;
  if (focused === null || !suggestions.shown) return false;
  switch (shortcutFor(event, 'suggestion')) {
    case 'accept-suggestion':
      void suggestions.accept(focused).then(() => revealFocused(context));
      return true;
    case 'reject-suggestion':
      void suggestions.reject(focused).then(() => revealFocused(context));
      return true;
    case null:
      return false;
  }
}

function revealFocused(context: ReaderKeyboardContext): void {
  const { suggestions, focused } = useSuggestionStore.getState();
  const next = focused === null ? undefined : suggestions[focused];
  if (next) context.revealRange(next);
}
