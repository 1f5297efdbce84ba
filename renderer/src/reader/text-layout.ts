import type { TextRange } from '../../../shared/text/syllables';

/**
 * The reader's text DOM and the table between canonical-text offsets (UTF-16) and positions in
 * it, built once per article (`TextLayout.render`). Line i of the text (split on "\n") is
 * paragraph i, with at most one DOM text node, and consecutive paragraphs are grouped into
 * chunks (see planChunks); so offset ↔ position is a binary search over line starts.
 */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** A box in px from the top left corner of the chunk holding it. */
export interface ChunkBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * About this many characters of text per chunk of paragraphs; a line is never split. Each chunk
 * is a target of every frame's intersection work while scrolling, and each time one comes within
 * or goes beyond Chromium's `content-visibility` margin is a style change, which makes Chromium
 * rebuild every highlight marker and repaint the marked text (as a move of the painted band does).
 * Against 2,000, 4,000 halved both in a traced scroll of the bench article (intersection work
 * 2.7 → 1.4 s, chunk paints 2,100 → 1,040) with no slower open; 8,000 made the frame that lays
 * out a chunk coming into view heavier again (bench/README.md, 2026-12-01 "Chunks").
 */
export const CHUNK_TARGET_CHARS = 4000;

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
 * Chromium then watches ~100 chunks instead of ~2,000 paragraphs (400,000 characters), and a
 * chunk coming into view lays out ~4,000 characters: a few ms, well inside a frame.
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

/**
 * About this many characters of text are rendered at once when an article opens (the chunks
 * holding them); the other chunks are empty shells, filled in idle time or on demand. A
 * screenful is ~3,000 characters; 20,000 also covers every ordinary news article whole.
 */
const EAGER_CHARS = 20_000;

/** An idle slice leaves the frame this much time (ms) after filling chunks. */
const IDLE_SLACK_MS = 4;

export class TextLayout {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  /** The chunk elements, in text order: blocks of consecutive paragraphs (see `render`). */
  readonly chunks: readonly HTMLElement[];
  private readonly lines: readonly string[];
  private readonly plans: readonly ChunkPlan[];
  private readonly chunkIndex = new Map<Node, number>();
  /** Per line, once its chunk is filled: the paragraph, and its one text node (null if empty). */
  private readonly paragraphs: (HTMLElement | undefined)[];
  private readonly textNodes: (Text | null | undefined)[];
  private readonly lineOfTextNode = new Map<Node, number>();
  private readonly lineOfParagraph = new Map<Node, number>();
  private readonly filled: boolean[];
  private unfilled: number;
  private measuringRange: Range | undefined;

  private constructor(
    readonly text: string,
    readonly root: HTMLElement,
    targetChars: number,
  ) {
    this.lines = text.split('\n');
    this.lineStarts = [];
    let start = 0;
    for (const line of this.lines) {
      this.lineStarts.push(start);
      start += line.length + 1;
    }
    this.plans = planChunks(this.lines, targetChars);
    this.paragraphs = new Array<HTMLElement | undefined>(this.lines.length);
    this.textNodes = new Array<Text | null | undefined>(this.lines.length);
    this.filled = this.plans.map(() => false);
    this.unfilled = this.plans.length;
    this.chunks = this.plans.map((plan, index) => {
      const chunk = document.createElement('div');
      chunk.className = 'reader__chunk';
      chunk.style.setProperty('--chunk-lines', String(plan.estimatedLines));
      this.chunkIndex.set(chunk, index);
      return chunk;
    });
  }

  /**
   * Renders `text` into `root` (replacing its children) and returns the table for it. The text
   * is plain read-only DOM: one <p> per line holding one text node, written with DOM calls and
   * never parsed from HTML, so DOM text equals the canonical text; an empty line is `<p><br></p>`
   * so that it keeps a line's height.
   *
   * Paragraphs are grouped into chunks of about `targetChars` characters. The chunk, not each
   * paragraph, carries `content-visibility: auto`: Chromium watches every such element with an
   * intersection observer on every frame, and at one per paragraph (about 2,000 in a
   * 400,000-character article) that work filled a quarter of the main thread while scrolling. Its
   * placeholder height before it is first shown comes from `--chunk-lines` (CSS:
   * `contain-intrinsic-size: auto calc(var(--chunk-lines) * 1lh)`); after that the browser
   * remembers the real height.
   *
   * Only the chunks holding the first `eagerChars` characters get their paragraphs now; the others
   * stay empty shells of the same estimated height until `fillInIdle` or a position inside them
   * (`pointAt`, so any range, highlight or scroll target) fills them. Styling the paragraphs of a
   * whole 400,000-character article (~18,000 nodes) took ~100 ms of the open, before the first
   * frame, for text nobody sees yet.
   */
  static render(
    root: HTMLElement,
    text: string,
    { targetChars = CHUNK_TARGET_CHARS, eagerChars = EAGER_CHARS } = {},
  ): TextLayout {
    const layout = new TextLayout(text, root, targetChars);
    for (let index = 0; index < layout.chunks.length; index++) {
      if (layout.lineStarts[layout.plans[index]!.firstLine]! >= eagerChars) break;
      layout.fill(index);
    }
    root.replaceChildren(...layout.chunks);
    return layout;
  }

  /** Fills the remaining chunks in idle time, in text order; returns a function that stops it. */
  fillInIdle(): () => void {
    let next = 0;
    let handle = 0;
    const work = (deadline: IdleDeadline) => {
      while (next < this.chunks.length && deadline.timeRemaining() > IDLE_SLACK_MS) this.fill(next++);
      if (this.unfilled > 0 && next < this.chunks.length) handle = requestIdleCallback(work);
    };
    if (this.unfilled > 0) handle = requestIdleCallback(work);
    return () => cancelIdleCallback(handle);
  }

  /** Whether every chunk has its paragraphs (tests, and the idle filler's end). */
  get complete(): boolean {
    return this.unfilled === 0;
  }

  private fill(index: number): void {
    if (this.filled[index]) return;
    const plan = this.plans[index] as ChunkPlan;
    const paragraphs: HTMLElement[] = [];
    for (let line = plan.firstLine; line < plan.endLine; line++) {
      const paragraph = document.createElement('p');
      paragraph.className = 'reader__paragraph';
      const content = this.lines[line] as string;
      const textNode = content ? document.createTextNode(content) : null;
      paragraph.append(textNode ?? document.createElement('br'));
      this.paragraphs[line] = paragraph;
      this.textNodes[line] = textNode;
      this.lineOfParagraph.set(paragraph, line);
      if (textNode) this.lineOfTextNode.set(textNode, line);
      paragraphs.push(paragraph);
    }
    (this.chunks[index] as HTMLElement).append(...paragraphs);
    this.filled[index] = true;
    this.unfilled--;
  }

  /** The chunk holding `line` (binary search over the chunks' first lines). */
  private chunkOfLine(line: number): number {
    let lo = 0;
    let hi = this.plans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.plans[mid] as ChunkPlan).firstLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text range of chunk `index` (its first line's start to its last line's end). */
  chunkRange(index: number): TextRange {
    const plan = this.plans[index] as ChunkPlan;
    return { start: this.lineStarts[plan.firstLine] as number, end: this.lineEnd(plan.endLine - 1) };
  }

  /**
   * The visual lines chunk `index` was planned to take (its placeholder height before it is first
   * shown, see `render`): no layout needed.
   */
  estimatedLines(index: number): number {
    return this.plans[index]?.estimatedLines ?? 1;
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
    // (In a chunk not filled yet, offset 0 is its start and any other its end.)
    const chunk = this.chunkIndex.get(node);
    if (chunk !== undefined) {
      const { firstLine, endLine } = this.plans[chunk] as ChunkPlan;
      const line = this.filled[chunk] ? firstLine + offset : offset === 0 ? firstLine : endLine;
      return line < endLine ? (this.lineStarts[line] as number) : this.lineEnd(endLine - 1);
    }
    if (node === this.root) {
      if (offset >= this.chunks.length) return this.text.length;
      return this.lineStarts[(this.plans[offset] as ChunkPlan).firstLine] ?? null;
    }
    return null;
  }

  /** The DOM position of a text offset. */
  pointAt(offset: number): DomPoint {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    this.fill(this.chunkOfLine(line));
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
   * Where `[start, end)` is drawn, per chunk it crosses: the boxes of its text on each visual
   * line, in px from the chunk's top left corner (a chunk is the containing block of the marks
   * drawn in it, so they move with it and stay true while it scrolls). Measured one paragraph at a
   * time: a range over whole paragraphs would also report the paragraphs' own boxes. Forces a
   * layout when the text's is not up to date. `origins` keeps the chunks' corners measured so far:
   * one map for a batch of calls made on the same layout reads each chunk's corner once.
   */
  boxesByChunk(
    start: number,
    end: number,
    origins: Map<HTMLElement, { left: number; top: number }>,
  ): { chunk: HTMLElement; boxes: ChunkBox[] }[] {
    const pieces: { chunk: HTMLElement; boxes: ChunkBox[] }[] = [];
    // One range for every measure: a live range stays registered with the document until it is
    // collected, and each DOM change (a mark written) updates every registered one.
    const range = (this.measuringRange ??= document.createRange());
    let origin = { left: 0, top: 0 };
    for (let line = this.lineOf(start); line < this.lines.length && (this.lineStarts[line] as number) < end; line++) {
      const lineStart = this.lineStarts[line] as number;
      const from = Math.max(start, lineStart);
      const to = Math.min(end, this.lineEnd(line));
      const chunkIndex = this.chunkOfLine(line);
      this.fill(chunkIndex);
      const textNode = this.textNodes[line];
      if (from >= to || !textNode) continue;
      const chunk = this.chunks[chunkIndex] as HTMLElement;
      if (pieces.at(-1)?.chunk !== chunk) {
        pieces.push({ chunk, boxes: [] });
        let known = origins.get(chunk);
        if (!known) {
          const box = chunk.getBoundingClientRect();
          origins.set(chunk, (known = { left: box.left, top: box.top }));
        }
        origin = known;
      }
      const { boxes } = pieces.at(-1) as { boxes: ChunkBox[] };
      range.setStart(textNode, from - lineStart);
      range.setEnd(textNode, to - lineStart);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0)
          boxes.push({
            left: rect.left - origin.left,
            top: rect.top - origin.top,
            width: rect.width,
            height: rect.height,
          });
      }
    }
    return pieces;
  }

  /**
   * The text range of the chunks shown in `container`'s viewport, widened by `marginPx` above
   * and below: a binary search over the chunks' boxes, so it costs O(log chunks) layout reads.
   */
  visibleRange(container: HTMLElement, marginPx: number): TextRange {
    const { firstChunk, lastChunk } = this.visibleChunks(container, marginPx);
    return { start: this.chunkRange(firstChunk).start, end: this.chunkRange(lastChunk).end };
  }

  /**
   * Like `visibleRange`, to the paragraph: from the first line whose paragraph reaches into the
   * band to the end of the last one that does (a chunk not filled yet counts whole). A binary
   * search in the first and last chunks on top of the chunks' one: O(log) layout reads.
   */
  visibleLines(container: HTMLElement, marginPx: number): TextRange {
    const { top, bottom, firstChunk, lastChunk } = this.visibleChunks(container, marginPx);
    const first = this.plans[firstChunk] as ChunkPlan;
    const last = this.plans[lastChunk] as ChunkPlan;
    const firstLine = this.filled[firstChunk]
      ? this.firstLineBelow(first.firstLine, first.endLine, top, 'bottom')
      : first.firstLine;
    const lastLine = this.filled[lastChunk]
      ? Math.max(this.firstLineBelow(last.firstLine, last.endLine, bottom, 'top') - 1, last.firstLine)
      : last.endLine - 1;
    const startLine = Math.min(firstLine, lastLine, first.endLine - 1);
    return { start: this.lineStarts[startLine] as number, end: this.lineEnd(Math.max(lastLine, startLine)) };
  }

  /**
   * How far the paragraphs holding `range` reach in `container`'s scrolled content, in px from
   * its top (a paragraph of a chunk not filled yet: its whole chunk). Three layout reads.
   */
  extentInScroller(range: TextRange, container: HTMLElement): { top: number; bottom: number } {
    const origin = container.getBoundingClientRect().top - container.scrollTop;
    const box = (line: number) =>
      (this.paragraphs[line] ?? (this.chunks[this.chunkOfLine(line)] as HTMLElement)).getBoundingClientRect();
    return { top: box(this.lineOf(range.start)).top - origin, bottom: box(this.lineOf(range.end)).bottom - origin };
  }

  /** The chunks within `marginPx` of `container`'s viewport, and that band's edges. */
  private visibleChunks(
    container: HTMLElement,
    marginPx: number,
  ): { top: number; bottom: number; firstChunk: number; lastChunk: number } {
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
    return { top, bottom, firstChunk, lastChunk };
  }

  /** The first line in [from, to) whose paragraph's `edge` is at or below `y` (`to` if none). */
  private firstLineBelow(from: number, to: number, y: number, edge: 'top' | 'bottom'): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.paragraphs[mid] as HTMLElement).getBoundingClientRect()[edge] < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private paragraphLineContaining(node: Node): number | null {
    for (let current: Node | null = node; current; current = current.parentNode) {
      const line = this.lineOfParagraph.get(current);
      if (line !== undefined) return line;
    }
    return null;
  }
}
