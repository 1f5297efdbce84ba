import type { Label } from '../../../shared/domain/schemas';
import { stepSpanEdge } from '../../../shared/text/syllable-steps';
import { i18next } from '../i18n';
import { useAppStore } from '../state/app-store';
import { extendSelection, selectedTextRange } from './dom-selection';
import { spanIndex, useReaderStore } from './reader-store';
import type { TextLayout } from './text-layout';

export interface ReaderKeyboardContext {
  layout: TextLayout;
  root: HTMLElement;
  labels: readonly Label[];
  /** Where Tab cycling looks for spans when nothing is selected: the last caret offset. */
  caretOffset: () => number | null;
  reveal: (id: number) => void;
}

function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * The reader's keyboard map. Returns true when the key was handled (the caller then prevents
 * the browser default). Undo/redo are handled app-wide, with the menu commands.
 */
export function handleReaderKey(event: KeyboardEvent, context: ReaderKeyboardContext): boolean {
  if (isTypingTarget(event.target)) return false;
  const store = useReaderStore.getState();
  const { article, selectedId } = store;
  if (!article) return false;
  const selected = selectedId === null ? undefined : spanIndex.get(selectedId);
  const plain = !event.ctrlKey && !event.metaKey;

  if (plain && !event.altKey && /^[0-9]$/.test(event.key)) {
    const label = context.labels.find((candidate) => candidate.hotkey === event.key);
    if (!label) return false;
    if (!store.pending && !selected) {
      useAppStore.getState().notify('info', i18next.t('reader.selectFirst'));
      return true;
    }
    void store.applyLabel(label.key);
    return true;
  }
  if (plain && (event.key === 'Delete' || event.key === 'Backspace') && selected) {
    void store.remove(selected.id);
    return true;
  }
  if (event.key === 'Escape') {
    store.select(null);
    window.getSelection()?.removeAllRanges();
    return true;
  }
  if (event.key === 'Tab' && plain && !event.altKey) {
    // Cycle around the last click while it is inside the selected span, so Tab and Shift+Tab
    // walk the same stack of spans; otherwise around the selected span's start.
    const caret = context.caretOffset();
    const caretInSelected = caret !== null && selected !== undefined && caret >= selected.start && caret < selected.end;
    const offset = selected && !caretInSelected ? selected.start : caret;
    // Only while the text has focus: elsewhere Tab moves focus, as everywhere.
    if (offset === null || !context.root.contains(event.target as Node)) return false;
    const under = spanIndex.covering(offset);
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
  if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.metaKey) {
    const direction = event.key === 'ArrowRight' ? 1 : -1;
    if (event.altKey && selected) {
      const moved = stepSpanEdge(article.text, selected, event.shiftKey ? 'start' : 'end', direction);
      if (moved) void store.resize(selected.id, moved);
      return true;
    }
    if (event.shiftKey && !event.altKey) {
      extendSelection(direction === 1 ? 'forward' : 'backward', event.ctrlKey ? 'word' : 'character');
      const range = selectedTextRange(context.layout, context.root);
      store.setPending(range && range.end > range.start ? range : null);
      return true;
    }
  }
  return false;
}
