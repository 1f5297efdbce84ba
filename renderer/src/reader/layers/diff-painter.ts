import { DIFFERENCE_KINDS, type DifferenceKind } from '../../../../shared/agreement/layer-diff';
import type { TextRange } from '../../../../shared/text/syllables';
import type { TextLayout } from '../text-layout';
import type { PaintedDifference } from './layer-model';
import { DIFF_HIGHLIGHT_PRIORITY, diffHighlightName, diffStyleSheet } from './layer-styles';

/**
 * Paints the differences between two layers (only mine, only theirs, both but different) with a
 * highlight per kind over the span painter's, registering only those in the paint window, as
 * the other painters do. Made only for an article of several layers.
 */
export class DiffPainter {
  private readonly highlights = new Map<DifferenceKind, Highlight>();
  private readonly styleElement: HTMLStyleElement;
  private differences: readonly PaintedDifference[] = [];
  private window: TextRange = { start: 0, end: 0 };

  constructor(private readonly layout: TextLayout) {
    this.styleElement = document.createElement('style');
    this.styleElement.textContent = diffStyleSheet();
    document.head.append(this.styleElement);
    for (const kind of DIFFERENCE_KINDS) {
      const highlight = new Highlight();
      highlight.priority = DIFF_HIGHLIGHT_PRIORITY;
      this.highlights.set(kind, highlight);
      CSS.highlights.set(diffHighlightName(kind), highlight);
    }
  }

  show(differences: readonly PaintedDifference[]): void {
    this.differences = differences;
    this.repaint();
  }

  setWindow(window: TextRange): void {
    this.window = window;
    this.repaint();
  }

  dispose(): void {
    for (const kind of DIFFERENCE_KINDS) CSS.highlights.delete(diffHighlightName(kind));
    this.styleElement.remove();
  }

  private repaint(): void {
    for (const highlight of this.highlights.values()) highlight.clear();
    for (const difference of this.differences) {
      if (difference.end <= this.window.start || difference.start >= this.window.end) continue;
      this.highlights.get(difference.kind)?.add(this.layout.staticRange(difference.start, difference.end));
    }
  }
}
