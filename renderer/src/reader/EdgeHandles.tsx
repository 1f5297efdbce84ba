import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { snapToSyllables, type TextRange } from '../../../shared/text/syllables';
import { offsetAtPoint } from './dom-selection';
import type { HighlightPainter } from './highlight-painter';
import { useDeferredReader, useReaderStore } from './reader-store';
import type { TextLayout } from './text-layout';

interface EdgeHandlesProps {
  layout: TextLayout;
  root: HTMLElement;
  painter: HighlightPainter;
  /** The positioned element the handles are placed in. */
  container: HTMLElement;
}

interface HandleBox {
  left: number;
  top: number;
  height: number;
}

/**
 * Two grips on the selected span's edges. Dragging one previews the new extent live and
 * saves it on release, snapped to syllables unless Alt is held.
 */
export function EdgeHandles({ layout, root, painter, container }: EdgeHandlesProps) {
  const { t } = useTranslation();
  // The grips' geometry follows the selection in a transition, which a busy renderer may hold
  // back; whether they show follows the live selection, so a deselected span's grips never
  // linger under the pointer and turn the next drag over its text into an edge move.
  const selectedId = useDeferredReader((state) => state.selectedId);
  const liveSelectedId = useReaderStore((state) => state.selectedId);
  const spansVersion = useDeferredReader((state) => state.spansVersion);
  const resize = useReaderStore((state) => state.resize);
  const [viewportVersion, setViewportVersion] = useState(0);
  const sync = useReaderStore((state) => state.sync);
  const selected = selectedId === null ? undefined : sync?.spanOf(selectedId);
  const stillSelected = liveSelectedId !== null && sync?.spanOf(liveSelectedId) === selected;

  // While a text drag is under way the grips let the pointer through, so a drag that ends on a
  // grip keeps selecting the text under it (the grip sits after the text in the DOM: selecting
  // "onto" it selected to the end of the article). A drag that starts on a grip moves it.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element && event.target.closest('.edge-handle'))) container.dataset.textDrag = '';
    };
    const onPointerUp = () => delete container.dataset.textDrag;
    container.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      container.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('pointerup', onPointerUp);
      delete container.dataset.textDrag;
    };
  }, [container]);

  useEffect(() => {
    const onResize = () => setViewportVersion((version) => version + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Geometry of the span's first and last line boxes, re-read when it, the spans or the window
  // change (spansVersion and viewportVersion are those signals; the DOM itself never changes).
  const boxes = useMemo((): { start: HandleBox; end: HandleBox } | null => {
    if (!selected || selected.id < 0) return null;
    const rects = layout.range(selected.start, selected.end).getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return null;
    const origin = container.getBoundingClientRect();
    return {
      start: { left: first.left - origin.left, top: first.top - origin.top, height: first.height },
      end: { left: last.right - origin.left, top: last.top - origin.top, height: last.height },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, spansVersion, viewportVersion, layout, container]);

  if (!selected || !boxes || !stillSelected) return null;

  const startDrag = (edge: 'start' | 'end') => (event: React.PointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    let draft: TextRange = { start: selected.start, end: selected.end };
    const onMove = (move: PointerEvent) => {
      const offset = offsetAtPoint(layout, root, move.clientX, move.clientY);
      if (offset === null) return;
      draft =
        edge === 'start'
          ? { start: Math.min(offset, selected.end - 1), end: selected.end }
          : { start: selected.start, end: Math.max(offset, selected.start + 1) };
      painter.showDraft(draft);
    };
    const onUp = (up: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      painter.showDraft(null);
      const final = up.altKey ? draft : snapToSyllables(layout.text, draft.start, draft.end);
      if (final) void resize(selected.id, final);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
  };

  // The grip sits just outside the span: left of its first character, right of its last.
  return (
    <>
      {(['start', 'end'] as const).map((edge) => (
        <span
          key={edge}
          className={`edge-handle edge-handle--${edge}`}
          style={{
            left: boxes[edge].left - (edge === 'start' ? 4 : 2),
            top: boxes[edge].top,
            height: boxes[edge].height,
          }}
          onPointerDown={startDrag(edge)}
          role="slider"
          aria-label={edge === 'start' ? t('reader.grip.start') : t('reader.grip.end')}
          aria-valuenow={selected[edge]}
        />
      ))}
    </>
  );
}
