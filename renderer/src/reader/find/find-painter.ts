import type { TextRange } from '../../../../shared/text/syllables';
import type { TextLayout } from '../text-layout';

const HITS = 'm-find';
const CURRENT = 'm-find-current';

/**
 * Paints the occurrences of the reader's search with highlights of their own (the span painter's
 * are untouched), registering only those inside the paint window, as the other painters do: a
 * common word can occur thousands of times in a long article.
 */
export class FindPainter {
  private readonly hits = new Highlight();
  private readonly current = new Highlight();
  private ranges: readonly TextRange[] = [];
  private window: TextRange = { start: 0, end: 0 };

  constructor(private readonly layout: TextLayout) {
    // Above every span and suggestion highlight, so an occurrence shows inside a span.
    this.hits.priority = 40;
    this.current.priority = 41;
    CSS.highlights.set(HITS, this.hits);
    CSS.highlights.set(CURRENT, this.current);
  }

  show(ranges: readonly TextRange[], current: TextRange | null): void {
    this.ranges = ranges;
    this.repaint();
    this.current.clear();
    if (current) this.current.add(this.layout.staticRange(current.start, current.end));
  }

  setWindow(window: TextRange): void {
    this.window = window;
    this.repaint();
  }

  dispose(): void {
    CSS.highlights.delete(HITS);
    CSS.highlights.delete(CURRENT);
  }

  private repaint(): void {
    this.hits.clear();
    for (const range of this.ranges) {
      if (range.end <= this.window.start || range.start >= this.window.end) continue;
      this.hits.add(this.layout.staticRange(range.start, range.end));
    }
  }
}
