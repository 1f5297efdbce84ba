import type { Annotation, Label } from '../../../shared/domain/schemas';
import type { IntervalIndex } from '../../../shared/domain/interval-index';
import type { TextRange } from '../../../shared/text/syllables';
import {
  DRAFT_HIGHLIGHT,
  highlightName,
  highlightPriority,
  highlightStyleSheet,
  MAX_LEVELS,
  SELECTED_HIGHLIGHT,
} from './highlight-styles';
import type { SpanChange } from './span-events';
import type { TextLayout } from './text-layout';

interface PaintedSpan {
  highlight: Highlight;
  range: StaticRange;
  level: number;
  layer: Label['kind'];
}

/** Whether this browser can paint spans at all (Chromium ≥ 105, so every supported Electron). */
export const supportsHighlights = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * Paints spans over the read-only text with the CSS Custom Highlight API: no DOM changes,
 * one Highlight per label and level. A change repaints only the spans it names; a span keeps
 * its level for life, so adding one never shifts the others.
 */
export class HighlightPainter {
  private readonly painted = new Map<number, PaintedSpan>();
  private readonly highlights = new Map<string, Highlight>();
  private readonly labels: Map<string, Label>;
  private readonly styleElement: HTMLStyleElement;
  private readonly selected = new Highlight();
  private readonly draft = new Highlight();

  constructor(
    private readonly layout: TextLayout,
    labels: readonly Label[],
  ) {
    this.labels = new Map(labels.map((label) => [label.key, label]));
    this.styleElement = document.createElement('style');
    this.styleElement.textContent = highlightStyleSheet(labels);
    document.head.append(this.styleElement);
    for (const label of labels) {
      for (let level = 0; level < MAX_LEVELS; level++) {
        const highlight = new Highlight();
        highlight.priority = highlightPriority(label, level);
        const name = highlightName(label.key, level);
        this.highlights.set(name, highlight);
        CSS.highlights.set(name, highlight);
      }
    }
    this.selected.priority = 30;
    this.draft.priority = 31;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    CSS.highlights.set(DRAFT_HIGHLIGHT, this.draft);
  }

  /** Paints every span of a freshly opened article, in text order. */
  paintAll(index: IntervalIndex<Annotation>): void {
    for (const annotation of index.all()) this.paint(annotation, index);
  }

  apply(change: SpanChange, index: IntervalIndex<Annotation>): void {
    for (const annotation of change.removed) this.unpaint(annotation.id);
    for (const annotation of change.upserted) {
      this.unpaint(annotation.id);
      this.paint(annotation, index);
    }
  }

  showSelected(annotation: TextRange | null): void {
    this.selected.clear();
    if (annotation) this.selected.add(this.layout.staticRange(annotation.start, annotation.end));
  }

  /** A live preview while an edge is dragged. */
  showDraft(range: TextRange | null): void {
    this.draft.clear();
    if (range) this.draft.add(this.layout.staticRange(range.start, range.end));
  }

  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
    CSS.highlights.delete(DRAFT_HIGHLIGHT);
    this.styleElement.remove();
    this.painted.clear();
  }

  private paint(annotation: Annotation, index: IntervalIndex<Annotation>): void {
    const label = this.labels.get(annotation.labelKey);
    if (!label) return;
    const level = this.freeLevel(annotation, label.kind, index);
    const highlight = this.highlights.get(highlightName(label.key, level));
    if (!highlight) return;
    const range = this.layout.staticRange(annotation.start, annotation.end);
    highlight.add(range);
    this.painted.set(annotation.id, { highlight, range, level, layer: label.kind });
  }

  private unpaint(id: number): void {
    const painted = this.painted.get(id);
    if (!painted) return;
    painted.highlight.delete(painted.range);
    this.painted.delete(id);
  }

  /** The lowest level no overlapping span of the same layer uses (the last level is shared). */
  private freeLevel(annotation: Annotation, layer: Label['kind'], index: IntervalIndex<Annotation>): number {
    const used = new Set<number>();
    for (const other of index.intersecting(annotation.start, annotation.end)) {
      const painted = other.id === annotation.id ? undefined : this.painted.get(other.id);
      if (painted && painted.layer === layer) used.add(painted.level);
    }
    for (let level = 0; level < MAX_LEVELS - 1; level++) if (!used.has(level)) return level;
    return MAX_LEVELS - 1;
  }
}
