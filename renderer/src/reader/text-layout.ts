/**
 * The table between canonical-text offsets (UTF-16) and DOM positions in the reader, built
 * once per article. The reader renders line i of the text (split on "\n") as paragraph i, with
 * at most one DOM text node; so offset ↔ position is a binary search over line starts.
 */
export interface DomPoint {
  node: Node;
  offset: number;
}

export class TextLayout {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  private readonly lineOfTextNode = new Map<Node, number>();
  private readonly lineOfParagraph = new Map<Node, number>();

  private constructor(
    readonly text: string,
    private readonly paragraphs: readonly HTMLElement[],
    private readonly textNodes: readonly (Text | null)[],
  ) {
    this.lineStarts = [];
    let start = 0;
    for (const line of text.split('\n')) {
      this.lineStarts.push(start);
      start += line.length + 1;
    }
    textNodes.forEach((node, line) => node && this.lineOfTextNode.set(node, line));
    paragraphs.forEach((paragraph, line) => this.lineOfParagraph.set(paragraph, line));
  }

  /**
   * Reads the rendered paragraphs under `root`. Returns null while the view does not (yet)
   * show one paragraph per line, e.g. before the editor's first render.
   */
  static fromDom(root: HTMLElement, text: string): TextLayout | null {
    const paragraphs = Array.from(root.children) as HTMLElement[];
    const lineCount = text.split('\n').length;
    if (paragraphs.length !== lineCount) return null;
    const textNodes = paragraphs.map((paragraph) => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      return walker.nextNode() as Text | null;
    });
    return new TextLayout(text, paragraphs, textNodes);
  }

  get length(): number {
    return this.text.length;
  }

  /** Index of the line holding `offset` (the last line whose start ≤ offset). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    return next === undefined ? this.text.length : next - 1;
  }

  /** The text offset of a DOM position (e.g. a selection end), or null outside the text. */
  offsetOf(node: Node, offset: number): number | null {
    const textLine = this.lineOfTextNode.get(node);
    if (textLine !== undefined) return (this.lineStarts[textLine] as number) + Math.min(offset, (node as Text).length);
    const paragraphLine = this.paragraphLineContaining(node);
    if (paragraphLine !== null) {
      const paragraph = this.paragraphs[paragraphLine] as HTMLElement;
      // An element position: before its first child means the line start, otherwise the end.
      const atStart = node === paragraph ? offset === 0 : offset === 0 && !node.previousSibling;
      return atStart ? (this.lineStarts[paragraphLine] as number) : this.lineEnd(paragraphLine);
    }
    const root = this.paragraphs[0]?.parentElement;
    if (node === root) {
      if (offset >= this.paragraphs.length) return this.text.length;
      return this.lineStarts[offset] ?? null;
    }
    return null;
  }

  /** The DOM position of a text offset. */
  pointAt(offset: number): DomPoint {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const textNode = this.textNodes[line];
    const column = clamped - (this.lineStarts[line] as number);
    if (textNode) return { node: textNode, offset: Math.min(column, textNode.length) };
    return { node: this.paragraphs[line] as HTMLElement, offset: 0 };
  }

  /** A static range over `[start, end)`; cheap, and the read-only DOM never moves under it. */
  staticRange(start: number, end: number): StaticRange {
    const from = this.pointAt(start);
    const to = this.pointAt(end);
    return new StaticRange({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
  }

  /** A live range, for geometry (getClientRects) and for setting the DOM selection. */
  range(start: number, end: number): Range {
    const range = document.createRange();
    const from = this.pointAt(start);
    const to = this.pointAt(end);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The text range shown in `container`'s viewport, widened by `marginPx` above and below:
   * a binary search over the paragraphs' boxes, so it costs O(log lines) layout reads.
   */
  visibleRange(container: HTMLElement, marginPx: number): { start: number; end: number } {
    const box = container.getBoundingClientRect();
    const top = box.top - marginPx;
    const bottom = box.bottom + marginPx;
    const firstBelow = (y: number, edge: 'top' | 'bottom') => {
      let lo = 0;
      let hi = this.paragraphs.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.paragraphs[mid] as HTMLElement).getBoundingClientRect()[edge] < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const firstLine = Math.min(firstBelow(top, 'bottom'), this.paragraphs.length - 1);
    const lastLine = Math.max(firstLine, Math.min(firstBelow(bottom, 'top'), this.paragraphs.length) - 1);
    return { start: this.lineStarts[firstLine] ?? 0, end: this.lineEnd(lastLine) };
  }

  private paragraphLineContaining(node: Node): number | null {
    for (let current: Node | null = node; current; current = current.parentNode) {
      const line = this.lineOfParagraph.get(current);
      if (line !== undefined) return line;
    }
    return null;
  }
}
