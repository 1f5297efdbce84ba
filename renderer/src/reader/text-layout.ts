import type { TextRange } from '../../../shared/text/syllables';

/**
 * The table between canonical-text offsets (UTF-16) and DOM positions in the reader, built
 * once per article. The reader renders line i of the text (split on "\n") as paragraph i, with
 * at most one DOM text node, and groups consecutive paragraphs into chunks (see planChunks);
 * so offset ↔ position is a binary search over line starts.
 */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** About this many characters of text per chunk of paragraphs; a line is never split. */
export const CHUNK_TARGET_CHARS = 2000;

/**
 * Characters per visual line at the reader's full column width (688 px of 17 px Noto Serif
 * holds 80–90 Vietnamese characters). Only for a chunk's placeholder height before it is
 * first shown; a narrower window just makes the first estimate short.
 */
const CHARS_PER_VISUAL_LINE = 82;

export interface ChunkPlan {
  firstLine: number;
  /** One past the chunk's last line. */
  endLine: number;
  /** Visual lines the chunk should take at the full column width (an empty line takes one). */
  estimatedLines: number;
}

/**
 * Groups lines into chunks of about `targetChars` characters, in order, covering every line.
 * Chromium then watches ~200 chunks instead of ~2,000 paragraphs (400,000 characters), and a
 * chunk coming into view lays out ~2,000 characters: a few ms, well inside a frame.
 */
export function planChunks(lines: readonly string[], targetChars = CHUNK_TARGET_CHARS): ChunkPlan[] {
  const chunks: ChunkPlan[] = [];
  let current: ChunkPlan = { firstLine: 0, endLine: 0, estimatedLines: 0 };
  let chars = 0;
  lines.forEach((line, index) => {
    current.endLine = index + 1;
    current.estimatedLines += Math.max(1, Math.ceil(line.length / CHARS_PER_VISUAL_LINE));
    chars += line.length + 1;
    if (chars >= targetChars && index < lines.length - 1) {
      chunks.push(current);
      current = { firstLine: index + 1, endLine: index + 1, estimatedLines: 0 };
      chars = 0;
    }
  });
  chunks.push(current);
  return chunks;
}

export class TextLayout {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  private readonly lineOfTextNode = new Map<Node, number>();
  private readonly lineOfParagraph = new Map<Node, number>();
  private readonly chunkIndex = new Map<Node, number>();

  private constructor(
    readonly text: string,
    private readonly root: HTMLElement,
    /** The chunk elements, in text order. */
    readonly chunks: readonly HTMLElement[],
    /** The first line of each chunk. */
    private readonly chunkFirstLines: readonly number[],
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
    chunks.forEach((chunk, index) => this.chunkIndex.set(chunk, index));
  }

  /**
   * Reads the rendered chunks of paragraphs under `root`. Returns null while the view does not
   * (yet) show one paragraph per line, e.g. before the editor's first render.
   */
  static fromDom(root: HTMLElement, text: string): TextLayout | null {
    const chunks = Array.from(root.children) as HTMLElement[];
    const chunkFirstLines: number[] = [];
    const paragraphs: HTMLElement[] = [];
    for (const chunk of chunks) {
      chunkFirstLines.push(paragraphs.length);
      for (const paragraph of chunk.children) paragraphs.push(paragraph as HTMLElement);
    }
    let lineCount = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCount++;
    if (paragraphs.length !== lineCount) return null;
    // Lexical renders a line as <p><span data-lexical-text>line</span></p>, an empty one as <p><br></p>.
    const textNodes = paragraphs.map((paragraph) => {
      const node = paragraph.firstElementChild?.firstChild;
      return node instanceof Text ? node : null;
    });
    return new TextLayout(text, root, chunks, chunkFirstLines, paragraphs, textNodes);
  }

  /** The text range of chunk `index` (its first line's start to its last line's end). */
  chunkRange(index: number): TextRange {
    const first = this.chunkFirstLines[index] as number;
    const end = this.chunkFirstLines[index + 1] ?? this.paragraphs.length;
    return { start: this.lineStarts[first] as number, end: this.lineEnd(end - 1) };
  }

  /**
   * The visual lines chunk `index` was planned to take (its placeholder height before it is first
   * shown, see ReaderChunkNode), read from its inline style: no layout needed.
   */
  estimatedLines(index: number): number {
    return Number(this.chunks[index]?.style.getPropertyValue('--chunk-lines')) || 1;
  }

  /** The index of a chunk element, or undefined for any other node. */
  chunkOf(element: Element): number | undefined {
    return this.chunkIndex.get(element);
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
    // Between paragraphs: the start of the paragraph after the position, or the end of the last.
    const chunk = this.chunkIndex.get(node);
    if (chunk !== undefined) {
      const first = this.chunkFirstLines[chunk] as number;
      const end = this.chunkFirstLines[chunk + 1] ?? this.paragraphs.length;
      return first + offset < end ? (this.lineStarts[first + offset] as number) : this.lineEnd(end - 1);
    }
    if (node === this.root) {
      if (offset >= this.chunks.length) return this.text.length;
      return this.lineStarts[this.chunkFirstLines[offset] as number] ?? null;
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
   * The text range of the chunks shown in `container`'s viewport, widened by `marginPx` above
   * and below: a binary search over the chunks' boxes, so it costs O(log chunks) layout reads.
   */
  visibleRange(container: HTMLElement, marginPx: number): TextRange {
    const box = container.getBoundingClientRect();
    const top = box.top - marginPx;
    const bottom = box.bottom + marginPx;
    const firstBelow = (y: number, edge: 'top' | 'bottom') => {
      let lo = 0;
      let hi = this.chunks.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.chunks[mid] as HTMLElement).getBoundingClientRect()[edge] < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const firstChunk = Math.min(firstBelow(top, 'bottom'), this.chunks.length - 1);
    const lastChunk = Math.max(firstChunk, Math.min(firstBelow(bottom, 'top'), this.chunks.length) - 1);
    return { start: this.chunkRange(firstChunk).start, end: this.chunkRange(lastChunk).end };
  }

  private paragraphLineContaining(node: Node): number | null {
    for (let current: Node | null = node; current; current = current.parentNode) {
      const line = this.lineOfParagraph.get(current);
      if (line !== undefined) return line;
    }
    return null;
  }
}
