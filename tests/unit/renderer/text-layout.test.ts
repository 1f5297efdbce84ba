// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TextLayout } from '../../../renderer/src/reader/text-layout';

/** The DOM the reader's Lexical view renders: one <p> per line, text inside a <span>. */
function render(text: string): HTMLElement {
  const root = document.createElement('div');
  for (const line of text.split('\n')) {
    const paragraph = document.createElement('p');
    if (line) {
      const span = document.createElement('span');
      span.setAttribute('data-lexical-text', 'true');
      span.textContent = line;
      paragraph.append(span);
    } else {
      paragraph.append(document.createElement('br'));
    }
    root.append(paragraph);
  }
  document.body.replaceChildren(root);
  return root;
}

const TEXT = 'Thượng tướng Lương Tam Quang\n\nThứ hai, mở rộng 😀 hợp tác.\nHết';

describe('TextLayout', () => {
  const root = render(TEXT);
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

  it('reads element positions (empty lines, paragraph edges, the root) as text offsets', () => {
    const emptyParagraph = root.children[1] as HTMLElement;
    expect(layout.offsetOf(emptyParagraph, 0)).toBe(29);
    expect(layout.offsetOf(root.children[0] as HTMLElement, 1)).toBe(28);
    expect(layout.offsetOf(root, 2)).toBe(30);
    expect(layout.offsetOf(root, 4)).toBe(TEXT.length);
    expect(layout.offsetOf(document.body, 0)).toBeNull();
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
