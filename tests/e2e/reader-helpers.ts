import type { Page } from '@playwright/test';
import type { RunningHost } from './fixtures';
import { articleIdByTitle } from './stored-state';

interface Point {
  x: number;
  y: number;
}

/**
 * Screen points at the start of character `from` and the end of character `to - 1` of the
 * first text node in the article that contains `needle` (offsets relative to the needle). Read
 * once the web fonts are in: a font arriving later reflows the text, and a click at a point read
 * before it landed on another word.
 */
export async function pointsInText(page: Page, needle: string, from = 0, to = needle.length): Promise<[Point, Point]> {
  return page.evaluate(
    async ({ needle, from, to }) => {
      await document.fonts.ready;
      const root = document.querySelector('.reader__text');
      if (!root) throw new Error('no article text');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const index = node.data.indexOf(needle);
        if (index < 0) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const rectOf = (offset: number) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getClientRects()[0] as DOMRect;
        };
        const first = rectOf(index + from);
        const last = rectOf(index + to - 1);
        return [
          { x: first.left + 1, y: first.top + first.height / 2 },
          { x: last.right - 1, y: last.top + last.height / 2 },
        ] as [{ x: number; y: number }, { x: number; y: number }];
      }
      throw new Error(`text not found: ${needle}`);
    },
    { needle, from, to },
  );
}

/** Drags the mouse across `needle` (or a part of it), as a user selecting text would. */
export async function dragAcross(page: Page, needle: string, from?: number, to?: number, alt = false): Promise<void> {
  const [start, end] = await pointsInText(page, needle, from, to);
  await page.mouse.move(start.x, start.y);
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

/**
 * The texts painted, by highlight name: the spans' marks under the text (by their offsets on the
 * text, which is the reader's paragraphs joined by line breaks) and the ranges of the CSS
 * Highlight registry (the selected span, suggestions, find hits).
 */
export async function paintedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const result: Record<string, string[]> = {};
    const text = [...document.querySelectorAll('.reader__paragraph')].map((p) => p.textContent).join('\n');
    const marks = new Set<string>();
    document.querySelectorAll<HTMLElement>('.reader__marks [data-h]').forEach((mark) => {
      const { h, start, end } = mark.dataset;
      const key = `${h} ${start} ${end}`;
      if (!h || marks.has(key)) return; // a span across chunks has a mark in each
      marks.add(key);
      (result[h] ??= []).push(text.slice(Number(start), Number(end)));
    });
    CSS.highlights.forEach((highlight, name) => {
      const texts: string[] = [];
      highlight.forEach((abstractRange) => {
        const range = document.createRange();
        range.setStart(abstractRange.startContainer, abstractRange.startOffset);
        range.setEnd(abstractRange.endContainer, abstractRange.endOffset);
        texts.push(range.toString());
      });
      if (texts.length) result[name] = texts;
    });
    return result;
  });
}

export async function openSeed(page: Page, titleStart: RegExp): Promise<void> {
  await page.getByRole('button', { name: titleStart }).click();
  await page.getByLabel('Article text').waitFor();
  await page.locator('.reader__sidebar').waitFor();
}

/** Opens the library, then the seed article whose title starts with `titleStart`; returns its id. */
export async function openSeedArticle(page: Page, host: RunningHost, titleStart: string): Promise<number> {
  await page.goto(host.url);
  await openSeed(page, new RegExp(`^${titleStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return articleIdByTitle(host, titleStart);
}
