import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { create } from '../state/create';
import { characterAtPoint } from './dom-selection';
import { openSpans } from './reader-store';
import type { Span } from './sync/document-sync';
import type { TextLayout } from './text-layout';

export interface HoverState {
  x: number;
  y: number;
  /** Every span covering the hovered character, outermost first. */
  spans: readonly Span[];
}

/**
 * The hover card's state, kept apart from ReaderView's: as the reader's own state, every pointer
 * move over a span re-rendered the whole reader (header, span list, the selected span's panel and
 * the other tools) to move one small card.
 */
export const useHoverStore = create<{ hover: HoverState | null }>(() => ({ hover: null }));

const sameSpans = (a: readonly Span[], b: readonly Span[]) =>
  a.length === b.length && a.every((span, index) => span === b[index]);

function showHover(next: HoverState | null): void {
  const current = useHoverStore.getState().hover;
  if (current === next) return;
  if (current && next && current.x === next.x && current.y === next.y && sameSpans(current.spans, next.spans)) return;
  useHoverStore.setState({ hover: next });
}

/**
 * The pointer handlers that show the labels under the pointer in the hover card: read once a
 * frame (a hit test and a span query per move would repeat within a frame), hidden when the
 * pointer leaves the text, and hidden while the text scrolls, when the card would stay behind the
 * text it described.
 */
export function useSpanHover(
  view: { layout: TextLayout; root: HTMLElement } | null,
  scrollerRef: RefObject<HTMLElement | null>,
): { onMouseMove: (event: React.MouseEvent) => void; onMouseLeave: () => void } {
  const frame = useRef(0);
  const hide = useCallback(() => {
    cancelAnimationFrame(frame.current);
    showHover(null);
  }, []);
  // A scroll hides the card but keeps a read the pointer asked for: a scroll event comes at the
  // next frame, so one from a scroll made just before the pointer moved would otherwise cancel
  // that move's read, and the card would not show until the pointer moved again.
  const hideShown = useCallback(() => showHover(null), []);

  // Each text view gets its own subscription (the scroller is mounted by then); another article's
  // view, or none, also ends the card of this one's spans.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!view || !scroller) return;
    scroller.addEventListener('scroll', hideShown, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', hideShown);
      hide();
    };
  }, [view, scrollerRef, hide, hideShown]);

  const onMouseMove = useCallback(
    (event: React.MouseEvent) => {
      if (!view || event.buttons !== 0) return;
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const offset = characterAtPoint(view.layout, view.root, clientX, clientY);
        const spans = offset === null ? [] : (openSpans()?.covering(offset) ?? []);
        showHover(spans.length ? { x: clientX, y: clientY, spans } : null);
      });
    },
    [view],
  );
  return { onMouseMove, onMouseLeave: hide };
}
