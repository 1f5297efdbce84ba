import type { DragEvent } from 'react';
import type { CitationRef } from '../../../shared/contract/briefs';

/**
 * The drag payload of a stored span, from the reader's span list and the concordance to a brief:
 * the span's id and its article's, as JSON. A type of our own, so no other drop target (the
 * app's file drop, a text field) takes it for text or files.
 */
export const SPAN_DRAG_TYPE = 'application/x-marginalia-span';

/** Props that make an element a drag source of one span. */
export function spanDragSource(ref: CitationRef): { draggable: true; onDragStart: (event: DragEvent) => void } {
  return {
    draggable: true,
    onDragStart: (event) => {
      event.dataTransfer.setData(SPAN_DRAG_TYPE, JSON.stringify(ref));
      event.dataTransfer.effectAllowed = 'copy';
    },
  };
}

/** The span a drop carries, or null when it carries none (or something malformed). */
export function spanFromDrag(dataTransfer: DataTransfer | null): CitationRef | null {
  const raw = dataTransfer?.getData(SPAN_DRAG_TYPE);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<CitationRef>;
    const { annotationId, articleId } = parsed;
    return Number.isInteger(annotationId) && Number.isInteger(articleId)
      ? { annotationId: annotationId!, articleId: articleId! }
      : null;
  } catch {
    return null;
  }
}
