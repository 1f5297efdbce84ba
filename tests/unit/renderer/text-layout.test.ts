// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { planChunks, TextLayout } from '../../../renderer/src/reader/text-layout';

/**
 * The DOM the reader's Lexical view renders: one <p> per line, text inside a <span>, the
 * paragraphs grouped into chunk <div>s as planChunks says.
 */
function render(text: string, targetChars: number): HTMLElement {
  const root = document.createElement('div');
  const lines = text.split('\n');
  for (const plan of planChunks(lines, targetChars)) {
    const chunk = document.createElement('div');
    for (const line of lines.slice(plan.firstLine, plan.endLine)) {
      const paragraph = document.createElement('p');
      if (line) {
        const span = document.createElement('span');
        span.setAttribute('data-lexical-text', 'true');
        span.textContent = line;
        paragraph.append(span);
      } else {
        paragraph.append(document.createElement('br'));
      }
      chunk.append(paragraph);
    }
    root.append(chunk);
  }
  document.body.replaceChildren(root);
  return root;
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
  const root = render(TEXT, 30);
  const layout = TextLayout.fromDom(root, TEXT) as TextLayout;

  it('is built only when the view shows one paragraph per line', () => {
    expect(layout).not.toBeNull();
    expect(TextLayout.fromDom(root, `${TEXT}\nextra line`)).toBeNull();
    expect(layout.lineStarts).toEqual([0, 29, 30, TEXT.indexOf('Hết')]);
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
