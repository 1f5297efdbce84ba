import type { TextRange } from '../../../shared/text/syllables';
import type { TextLayout } from './text-layout';

/** The current DOM selection as text offsets, or null when it is not inside the article. */
export function selectedTextRange(layout: TextLayout, root: HTMLElement): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = layout.offsetOf(range.startContainer, range.startOffset);
  const end = layout.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** The text offset under a screen point (caret hit-testing), or null outside the text. */
export function offsetAtPoint(layout: TextLayout, root: HTMLElement, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) {
    if (!root.contains(position.offsetNode)) return null;
    return layout.offsetOf(position.offsetNode, position.offset);
  }
  const range = document.caretRangeFromPoint?.(x, y);
  if (!range || !root.contains(range.startContainer)) return null;
  return layout.offsetOf(range.startContainer, range.startOffset);
}

/**
 * The character offset whose glyph box contains the point, or null over blank space: unlike
 * the caret position, this is not "the nearest place", so hovering the margin shows nothing.
 */
export function characterAtPoint(layout: TextLayout, root: HTMLElement, x: number, y: number): number | null {
  const caret = offsetAtPoint(layout, root, x, y);
  if (caret === null) return null;
  for (const offset of [caret, caret - 1]) {
    if (offset < 0 || offset >= layout.length) continue;
    for (const rect of layout.range(offset, offset + 1).getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return offset;
    }
  }
  return null;
}

export function selectTextRange(layout: TextLayout, range: TextRange): void {
  const selection = window.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(layout.range(range.start, range.end));
}

/**
 * Shift+arrows from a caret: read-only text has no caret of its own, but Chromium's
 * Selection.modify works on any selection, so the keyboard can still extend it.
 */
export function extendSelection(direction: 'forward' | 'backward', granularity: 'character' | 'word'): void {
  window.getSelection()?.modify('extend', direction, granularity);
}

/** Scrolls `container` so that the range is in view, a little above the middle. */
export function scrollRangeIntoView(layout: TextLayout, range: TextRange, container: HTMLElement): void {
  const rect = layout.range(range.start, range.end).getBoundingClientRect();
  const box = container.getBoundingClientRect();
  if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return;
  container.scrollTo({ top: container.scrollTop + rect.top - box.top - box.height / 3, behavior: 'auto' });
}
