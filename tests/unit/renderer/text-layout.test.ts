// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { planChunks, TextLayout } from '../../../renderer/src/reader/text-layout';

/** The reader's text DOM at a chunk size small enough to split TEXT; `eagerChars` as in render. */
function render(text: string, targetChars: number, eagerChars = Infinity): { root: HTMLElement; layout: TextLayout } {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  return { root, layout: TextLayout.render(root, text, { targetChars, eagerChars }) };
}

const TEXT = 'Thượng tướng Lương Tam Quang\n\nThứ hai, mở rộng 😀 hợp tác.\nHết';

describe('planChunks', () => {
  it('covers every line once, in order, closing a chunk once it reaches the target size', () => {
    const lines = ['a'.repeat(10), '', 'b'.repeat(5), 'c'.repeat(200), '', 'd'];
    const plans = planChunks(lines, 12);
    expect(plans.map((plan) => [plan.firstLine, plan.endLine])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
    ]);
    // 200 characters wrap to 3 visual lines at 82 a line; an empty line still takes one.
    expect(plans[1]?.estimatedLines).toBe(1 + 3);
    expect(planChunks([''], 12)).toEqual([{ firstLine: 0, endLine: 1, estimatedLines: 1 }]);
  });
});

describe('TextLayout', () => {
  // Chunks of [line 0, line 1] and [line 2, line 3].
  const { root, layout } = render(TEXT, 30);

  it('renders one paragraph per line, whose DOM text is the line', () => {
    expect(layout.lineStarts).toEqual([0, 29, 30, TEXT.indexOf('Hết')]);
    const paragraphs = Array.from(root.querySelectorAll('.reader__chunk > p'));
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual(TEXT.split('\n'));
    expect(paragraphs[1]?.innerHTML).toBe('<br>');
  });

  it('maps every offset to a DOM point and back', () => {
    for (let offset = 0; offset <= TEXT.length; offset++) {
      const line = layout.lineOf(offset);
      // The "\n" ending a line maps to that line's end, which is the same DOM point.
      const point = layout.pointAt(offset);
      const back = layout.offsetOf(point.node, point.offset);
      expect(back, `offset ${offset} (line ${line})`).toBe(offset);
    }
  });

  it('reads element positions (empty lines, paragraph and chunk edges, the root) as text offsets', () => {
    const [firstChunk, secondChunk] = layout.chunks as [HTMLElement, HTMLElement];
    expect(layout.chunks).toHaveLength(2);
    const emptyParagraph = firstChunk.children[1] as HTMLElement;
    expect(layout.offsetOf(emptyParagraph, 0)).toBe(29);
    expect(layout.offsetOf(firstChunk.children[0] as HTMLElement, 1)).toBe(28);
    expect(layout.offsetOf(firstChunk, 1)).toBe(29);
    expect(layout.offsetOf(firstChunk, 2)).toBe(29);
    expect(layout.offsetOf(secondChunk, 1)).toBe(TEXT.indexOf('Hết'));
    expect(layout.offsetOf(root, 1)).toBe(30);
    expect(layout.offsetOf(root, 2)).toBe(TEXT.length);
    expect(layout.offsetOf(document.body, 0)).toBeNull();
  });

  it('gives each chunk its text range', () => {
    expect(layout.chunkRange(0)).toEqual({ start: 0, end: 29 });
    expect(layout.chunkRange(1)).toEqual({ start: 30, end: TEXT.length });
    expect(layout.chunkOf(layout.chunks[1] as HTMLElement)).toBe(1);
    expect(layout.chunkOf(root)).toBeUndefined();
  });

  it('builds ranges whose text is the canonical slice, across lines and astral characters', () => {
    const start = TEXT.indexOf('Quang');
    const end = TEXT.indexOf('😀') + 2;
    expect(layout.range(start, end).toString()).toBe(TEXT.slice(start, end).replace(/\n/g, ''));
    const staticRange = layout.staticRange(TEXT.indexOf('😀'), TEXT.indexOf('😀') + 2);
    const live = document.createRange();
    live.setStart(staticRange.startContainer, staticRange.startOffset);
    live.setEnd(staticRange.endContainer, staticRange.endOffset);
    expect(live.toString()).toBe('😀');
  });
});

describe('TextLayout, chunks filled later', () => {
  it('renders far chunks empty and fills one when a position inside it is asked for', () => {
    const { root, layout } = render(TEXT, 30, 0);
    const [firstChunk, secondChunk] = layout.chunks as [HTMLElement, HTMLElement];
    expect(root.textContent).toBe('');
    // An empty chunk still reads as its text range: offset 0 its start, any other its end.
    expect(layout.offsetOf(secondChunk, 0)).toBe(30);
    expect(layout.offsetOf(secondChunk, 1)).toBe(TEXT.length);
    const start = TEXT.indexOf('mở');
    expect(layout.range(start, start + 5).toString()).toBe('mở rộ');
    expect(secondChunk.textContent).toBe(TEXT.split('\n').slice(2).join(''));
    expect(firstChunk.childElementCount).toBe(0);
    expect(layout.complete).toBe(false);
  });

  it('fills every chunk in idle time, and the offsets map the same as when built at once', () => {
    const idle: IdleRequestCallback[] = [];
    // jsdom has no requestIdleCallback: a queue run by hand stands in for the browser's idle time.
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    try {
      const { layout } = render(TEXT, 30, 0);
      layout.fillInIdle();
      while (idle.length) idle.shift()?.({ didTimeout: false, timeRemaining: () => 10 });
      expect(layout.complete).toBe(true);
      const { layout: eager } = render(TEXT, 30);
      for (let offset = 0; offset <= TEXT.length; offset++) {
        const point = layout.pointAt(offset);
        expect(layout.offsetOf(point.node, point.offset)).toBe(offset);
        expect(eager.pointAt(offset).offset).toBe(point.offset);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('TextLayout, visible lines', () => {
  /**
   * jsdom lays nothing out: every line's paragraph is given a 30 px box, one under the other (a
   * chunk spans its lines), and the scroller the viewport [top, top + height).
   */
  function laidOut(lineCount: number, targetChars: number, eagerChars = Infinity) {
    const text = Array.from({ length: lineCount }, (_, line) => `line ${line}`).join('\n');
    const { layout } = render(text, targetChars, eagerChars);
    const box = (top: number, bottom: number) => ({ top, bottom }) as DOMRect;
    layout.chunks.forEach((chunk) => {
      const lines = Array.from(chunk.children);
      const first = layout.lineOf(layout.offsetOf(chunk, 0) ?? 0);
      const count = lines.length || 3; // an unfilled chunk keeps its planned height
      chunk.getBoundingClientRect = () => box(first * 30, (first + count) * 30);
      lines.forEach((paragraph, index) => {
        paragraph.getBoundingClientRect = () => box((first + index) * 30, (first + index + 1) * 30);
      });
    });
    const scroller = (top: number, height: number) =>
      ({ getBoundingClientRect: () => box(top, top + height) }) as HTMLElement;
    return { text, layout, scroller };
  }

  it('gives the paragraphs reaching into the viewport and its margin, to the line, where chunks give whole chunks', () => {
    // 30 lines of "line N", chunks of three lines (each ~20 characters with its newline).
    const { text, layout, scroller } = laidOut(30, 20);
    const lineStart = (line: number) => text.indexOf(`line ${line}`);
    const lineEnd = (line: number) => lineStart(line) + `line ${line}`.length;
    // Viewport 100–200 px: lines 3 (90–120) to 6 (180–210); chunks [3, 6) and [6, 9).
    expect(layout.visibleLines(scroller(100, 100), 0)).toEqual({ start: lineStart(3), end: lineEnd(6) });
    expect(layout.visibleRange(scroller(100, 100), 0)).toEqual({ start: lineStart(3), end: lineEnd(8) });
    // A margin of 35 px: 65–235 px, lines 2 (60–90) to 7 (210–240).
    expect(layout.visibleLines(scroller(100, 100), 35)).toEqual({ start: lineStart(2), end: lineEnd(7) });
    // Within one chunk: 125–175 px, lines 4 and 5.
    expect(layout.visibleLines(scroller(125, 50), 0)).toEqual({ start: lineStart(4), end: lineEnd(5) });
    // Past the text's end: the last line.
    expect(layout.visibleLines(scroller(5000, 100), 0)).toEqual({ start: lineStart(29), end: text.length });
  });

  it('counts a chunk not filled yet whole', () => {
    // Only the first chunk is filled; the viewport reaches into the second, which is a shell.
    const { text, layout, scroller } = laidOut(9, 20, 1);
    expect(layout.complete).toBe(false);
    const range = layout.visibleLines(scroller(40, 80), 0);
    expect(range).toEqual({ start: text.indexOf('line 1'), end: text.indexOf('line 5') + 'line 5'.length });
  });
});
