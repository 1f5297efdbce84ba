import type { TextLayout } from './text-layout';

/** The class of a chunk's layer of marks (styled in app.css and by highlight-styles.ts). */
export const MARKS_CLASS = 'reader__marks';

/** A span to draw: `[start, end)` styled by `name` (a highlight name, highlight-styles.ts). */
export interface Mark {
  id: number;
  name: string;
  start: number;
  end: number;
}

interface Drawn extends Mark {
  elements: HTMLElement[];
}

/**
 * Draws spans as boxes behind the text (issue 8, the scroll): each chunk of the text holds a layer
 * of absolutely placed boxes, below its paragraphs, one per visual line a span covers, each an
 * element carrying the mark's style name and offsets (`data-h`, `data-start`, `data-end`): drawing
 * or erasing a mark costs its own elements' style, layout and paint.
 *
 * The CSS Custom Highlight API costs what every registered range costs on any change: Chromium
 * rebuilds every highlight marker and repaints every marked paragraph whenever a highlight, the DOM
 * or any style changes, so each move of the painted band, each chunk crossing Chromium's
 * `content-visibility` margin and each create repainted all the marked text on screen (in a scroll
 * of the bench article, 650 of 1,840 frames, 17 MB a second of Blink garbage: bench/README.md,
 * "marks under the text instead of CSS highlights").
 *
 * The boxes are measured when drawn, relative to their chunk, so scrolling never moves them. A
 * change of the text's width (a resized window, the side panel) or a web font arriving re-flows
 * the lines, and every mark is measured and drawn again.
 */
export class MarkLayer {
  private readonly drawn = new Map<number, Drawn>();
  private readonly layers = new Map<HTMLElement, HTMLElement>();
  private readonly resized: ResizeObserver;
  private width = -1;
  private readonly fontsLoaded = () => this.redraw();

  constructor(private readonly layout: TextLayout) {
    this.resized = new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width ?? 0;
      if (this.width >= 0 && width !== this.width) this.redraw();
      this.width = width;
    });
    this.resized.observe(layout.root);
    // Not every DOM has font loading (jsdom in the unit tests).
    document.fonts?.addEventListener('loadingdone', this.fontsLoaded);
  }

  /**
   * Draws each mark (replacing its old boxes): all are measured first, then all written, so the
   * text is laid out at most once however many are drawn (a box written dirties the layout the
   * next measure would force again).
   */
  draw(marks: readonly Mark[]): void {
    const origins = new Map<HTMLElement, { left: number; top: number }>();
    const measured = marks.map((mark) => ({ mark, pieces: this.layout.boxesByChunk(mark.start, mark.end, origins) }));
    for (const { mark, pieces } of measured) {
      this.erase(mark.id);
      const elements: HTMLElement[] = [];
      for (const { chunk, boxes } of pieces) {
        const layer = this.layerOf(chunk);
        for (const box of boxes) {
          // One element per box, nothing around them: each element is a style to resolve.
          const element = document.createElement('i');
          element.dataset.h = mark.name;
          element.dataset.start = String(mark.start);
          element.dataset.end = String(mark.end);
          element.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
          layer.append(element);
          elements.push(element);
        }
      }
      this.drawn.set(mark.id, { ...mark, elements });
    }
  }

  erase(id: number): void {
    const drawn = this.drawn.get(id);
    if (!drawn) return;
    for (const element of drawn.elements) element.remove();
    this.drawn.delete(id);
  }

  has(id: number): boolean {
    return this.drawn.has(id);
  }

  ids(): IterableIterator<number> {
    return this.drawn.keys();
  }

  /** Measures and draws every mark again (the lines flowed anew). */
  redraw(): void {
    this.draw([...this.drawn.values()].map(({ id, name, start, end }) => ({ id, name, start, end })));
  }

  clear(): void {
    for (const layer of this.layers.values()) layer.remove();
    this.layers.clear();
    this.drawn.clear();
  }

  dispose(): void {
    this.clear();
    this.resized.disconnect();
    document.fonts?.removeEventListener('loadingdone', this.fontsLoaded);
  }

  /**
   * The chunk's layer of marks, after its paragraphs (the chunk is filled before it is measured,
   * and TextLayout counts a chunk's paragraphs from its first child): the chunk contains its
   * layout and paint, so it is the layer's containing block and stacking context, and the layer's
   * negative z-index puts it under the chunk's text.
   */
  private layerOf(chunk: HTMLElement): HTMLElement {
    let layer = this.layers.get(chunk);
    if (!layer) {
      layer = document.createElement('div');
      layer.className = MARKS_CLASS;
      layer.setAttribute('aria-hidden', 'true');
      chunk.append(layer);
      this.layers.set(chunk, layer);
    }
    return layer;
  }
}
