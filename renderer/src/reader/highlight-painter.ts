import type { Label } from '../../../shared/domain/schemas';
import type { TextRange } from '../../../shared/text/syllables';
import { DRAFT_HIGHLIGHT, highlightName, MAX_LEVELS, SELECTED_HIGHLIGHT, spanStyleSheet } from './highlight-styles';
import { MarkLayer, type Mark } from './mark-layer';
import type { Span, SpanChange, SpanQueries } from './sync/document-sync';
import type { TextLayout } from './text-layout';

interface Placement {
  level: number;
  layer: Label['kind'];
}

/** The level sweep of an opened article, while it has not placed every span yet (see paintAll). */
interface Sweep {
  spans: readonly Span[];
  next: number;
  furthestEnds: Map<Label['kind'], number[]>;
  idle: number;
}

/** Spans the idle sweep places per slice before it checks the time left. */
const SWEEP_SLICE = 500;

/**
 * Whether this browser has the CSS Custom Highlight API (Chromium ≥ 105, so every supported
 * Electron): the reader paints the selected span, suggestions and find hits with it.
 */
export const supportsHighlights = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * Paints spans under the read-only text as marks (mark-layer.ts), styled per label and level, and
 * the selected span and an edge's drag preview with the CSS Custom Highlight API (one range each).
 *
 * Only spans near the viewport are drawn: measuring 10,000 would make the first paint pay for
 * all of them. Levels, though, are assigned to every span up front and kept for the span's life,
 * so scrolling or adding a span never shifts another one's colour.
 */
export class HighlightPainter {
  private readonly placements = new Map<number, Placement>();
  private readonly marks: MarkLayer;
  private readonly labels: Map<string, Label>;
  private readonly styleElement: HTMLStyleElement;
  private readonly selected = new Highlight();
  private readonly draft = new Highlight();
  private window: TextRange = { start: 0, end: 0 };
  private sweep: Sweep | null = null;
  /** Spans of layers not on screen (issue 15); empty in an article of one layer. */
  private hidden: ReadonlySet<number> = new Set();

  constructor(
    private readonly layout: TextLayout,
    labels: readonly Label[],
  ) {
    this.labels = new Map(labels.map((label) => [label.key, label]));
    this.marks = new MarkLayer(layout);
    this.styleElement = document.createElement('style');
    this.styleElement.textContent = spanStyleSheet(labels);
    document.head.append(this.styleElement);
    this.selected.priority = 30;
    this.draft.priority = 31;
    CSS.highlights.set(SELECTED_HIGHLIGHT, this.selected);
    CSS.highlights.set(DRAFT_HIGHLIGHT, this.draft);
  }

  /**
   * Places every span of a freshly opened article, then paints the ones in `window`. One sweep in
   * text order gives each span the lowest level no earlier overlapping span of its layer holds:
   * the levels `place` would give one by one, without a tree query per span (10,000 at opening).
   *
   * Earlier spans start at or before this one, so they overlap it exactly when they end after its
   * start; a level is therefore taken exactly when the furthest end among the earlier spans at
   * that level lies past this start. Keeping that one end per layer and level makes the sweep
   * O(1) per span and allocation-free (it filtered a list of open spans per span, ~50 ms of the
   * open at 10,000 spans).
   *
   * Only the spans up to the window's end are placed before the first frame; the sweep goes on in
   * idle time, and any span registered or edit applied before it ends first sweeps up to it
   * (levels depend only on earlier spans, so they come out the same).
   */
  paintAll(index: SpanQueries, window: TextRange): void {
    this.stopSweep();
    this.sweep = { spans: index.all(), next: 0, furthestEnds: new Map(), idle: 0 };
    this.sweepTo(window.end);
    this.setWindow(window, index);
    this.sweepInIdle();
  }

  /** Places every span of the sweep that starts before `offset`. */
  private sweepTo(offset: number): void {
    const sweep = this.sweep;
    if (!sweep) return;
    const { spans, furthestEnds } = sweep;
    while (sweep.next < spans.length && (spans[sweep.next] as Span).start < offset) {
      const span = spans[sweep.next++] as Span;
      const label = this.labels.get(span.labelKey);
      if (!label) continue;
      let ends = furthestEnds.get(label.kind);
      if (!ends) furthestEnds.set(label.kind, (ends = new Array<number>(MAX_LEVELS).fill(-Infinity)));
      let level = 0;
      while (level < MAX_LEVELS - 1 && (ends[level] as number) > span.start) level++;
      if (span.end > (ends[level] as number)) ends[level] = span.end;
      this.placements.set(span.id, { level, layer: label.kind });
    }
    if (sweep.next >= spans.length) this.stopSweep();
  }

  private sweepInIdle(): void {
    const sweep = this.sweep;
    if (!sweep) return;
    sweep.idle = requestIdleCallback((deadline) => {
      while (this.sweep === sweep && deadline.timeRemaining() > 1) {
        const next = sweep.spans[sweep.next + SWEEP_SLICE];
        this.sweepTo(next ? next.start + 1 : Infinity);
      }
      if (this.sweep === sweep) this.sweepInIdle();
    });
  }

  private stopSweep(): void {
    if (this.sweep) cancelIdleCallback(this.sweep.idle);
    this.sweep = null;
  }

  /** Moves the painted band (on scroll): registers what came into it, drops what left. */
  setWindow(window: TextRange, index: SpanQueries): void {
    this.window = window;
    const wanted = new Map(index.intersecting(window.start, window.end).map((span) => [span.id, span]));
    const leaving = [...this.marks.ids()].filter((id) => !wanted.has(id));
    // Drawn before the others are erased: the new ones are measured on the layout of the last
    // frame, which an erased box would make stale (a layout forced in the scroll event).
    this.register([...wanted.values()].filter((span) => !this.marks.has(span.id)));
    for (const id of leaving) this.marks.erase(id);
  }

  apply(change: SpanChange, index: SpanQueries): void {
    // An edit places spans against the levels of all others: finish the open's sweep first.
    this.sweepTo(Infinity);
    for (const annotation of change.removed) this.placements.delete(annotation.id);
    for (const annotation of change.upserted) {
      this.placements.delete(annotation.id);
      this.place(annotation, index);
    }
    const inWindow = (span: Span) => span.start < this.window.end && span.end > this.window.start;
    // Drawn (replacing their old boxes) before anything is erased, as in setWindow.
    this.register(change.upserted.filter(inWindow));
    for (const annotation of change.removed) this.marks.erase(annotation.id);
    for (const annotation of change.upserted)
      if (!inWindow(annotation) || this.hidden.has(annotation.id)) this.marks.erase(annotation.id);
  }

  /**
   * Leaves these spans out (other layers): only those whose state changed are registered or
   * dropped, so a layer switch or a twin that appears costs what it touches, not a repaint.
   */
  setHidden(hidden: ReadonlySet<number>, index: SpanQueries): void {
    const before = this.hidden;
    this.hidden = hidden;
    for (const id of hidden) if (!before.has(id)) this.marks.erase(id);
    const shown: Span[] = [];
    for (const id of before) {
      const span = hidden.has(id) ? undefined : index.get(id);
      if (span && span.start < this.window.end && span.end > this.window.start) shown.push(span);
    }
    this.register(shown);
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

  /** Forgets every span (before painting another set of them). */
  clear(): void {
    this.stopSweep();
    this.marks.clear();
    this.placements.clear();
  }

  dispose(): void {
    this.stopSweep();
    CSS.highlights.delete(SELECTED_HIGHLIGHT);
    CSS.highlights.delete(DRAFT_HIGHLIGHT);
    this.styleElement.remove();
    this.marks.dispose();
    this.placements.clear();
  }

  /** Draws these spans (those of hidden layers and unknown labels left out), with their levels. */
  private register(spans: readonly Span[]): void {
    const marks: Mark[] = [];
    for (const span of spans) {
      if (this.hidden.has(span.id) || !this.labels.has(span.labelKey)) continue;
      this.sweepTo(span.start + 1);
      const placement = this.placements.get(span.id);
      if (placement)
        marks.push({
          id: span.id,
          name: highlightName(span.labelKey, placement.level),
          start: span.start,
          end: span.end,
        });
    }
    if (marks.length > 0) this.marks.draw(marks);
  }

  /** The lowest level no overlapping span of the same layer uses (the last level is shared). */
  private place(annotation: Span, index: SpanQueries): void {
    const label = this.labels.get(annotation.labelKey);
    if (!label) return;
    const used = new Set<number>();
    for (const other of index.intersecting(annotation.start, annotation.end)) {
      const placement = other.id === annotation.id ? undefined : this.placements.get(other.id);
      if (placement && placement.layer === label.kind) used.add(placement.level);
    }
    this.placements.set(annotation.id, { level: lowestFreeLevel(used), layer: label.kind });
  }
}

/** The lowest level not in `used`; the last level is shared by everything deeper. */
function lowestFreeLevel(used: ReadonlySet<number>): number {
  let level = 0;
  while (level < MAX_LEVELS - 1 && used.has(level)) level++;
  return level;
}
