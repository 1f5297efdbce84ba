/**
 * The library's first screen is laid out with faces the style sheet holds as data URLs
 * (renderer/src/first-screen-faces.ts, issue 13): a face the first layout had to ask for
 * arrives after the rows were painted in a fallback, and they are laid out and painted again.
 * The faces the screen uses are derived from what it shows: each visible text's computed family
 * and weight, and each of its characters, matched to the style sheets' @font-face rules by
 * family, CSS's weight matching and unicode-range (as the browser picks a face).
 */
import { expect, test } from './fixtures';

const APP_ROWS = '.app .library__table tbody tr[data-article-id]';

/** In the page: the font sources (URLs) the visible text needs. */
function facesNeeded(): string[] {
  interface Face {
    family: string;
    weight: number;
    ranges: Array<[number, number]>;
    coversAll: boolean;
    url: string;
  }
  const faces: Face[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSFontFaceRule) || rule.style.getPropertyValue('font-style') === 'italic') continue;
      // The first source: the woff2 file, or its data URL.
      const src = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue('src'));
      if (!src) continue;
      const unicodeRange = rule.style.getPropertyValue('unicode-range');
      const ranges = (unicodeRange || 'U+0-10FFFF').split(',').map((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      });
      faces.push({
        family: rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim(),
        weight: Number(rule.style.getPropertyValue('font-weight')),
        ranges,
        coversAll: !unicodeRange,
        url: new URL(src[1]!, sheet.href ?? document.baseURI).href,
      });
    }
  }
  // CSS Fonts 4, font matching: the weight chosen among a family's faces for a wanted one.
  const pickWeight = (wanted: number, weights: number[]): number | undefined => {
    const up = weights.filter((w) => w >= wanted).sort((a, b) => a - b);
    const down = weights.filter((w) => w < wanted).sort((a, b) => b - a);
    if (wanted > 500) return up[0] ?? down[0];
    if (wanted < 400) return [...weights.filter((w) => w <= wanted).sort((a, b) => b - a), ...up][0];
    const toFiveHundred = up.filter((w) => w <= 500);
    return toFiveHundred[0] ?? down[0] ?? up[0];
  };
  const needed = new Set<string>();
  const need = (text: string, element: Element): void => {
    const style = getComputedStyle(element);
    const family = style.fontFamily
      .split(',')
      .map((name) => name.replace(/["']/g, '').trim())
      .find((name) => faces.some((face) => face.family === name));
    if (!family) return;
    // The weight is chosen among the family's faces; then, for each character, the faces of that
    // weight are tried last defined first, as the browser does, each downloaded when its range
    // covers the character. One without a unicode-range (@fontsource's Latin files) covers all:
    // the browser loads it to see whether it has the glyph, then tries the next.
    const familyFaces = faces.filter((face) => face.family === family);
    const weight = pickWeight(
      Number(style.fontWeight),
      familyFaces.map((face) => face.weight),
    );
    const tried = familyFaces.filter((face) => face.weight === weight).reverse();
    for (const char of text) {
      if (/\s/.test(char)) continue;
      const code = char.codePointAt(0)!;
      for (const face of tried) {
        if (!face.ranges.some(([from, to]) => code >= from && code <= to)) continue;
        needed.add(face.url);
        if (!face.coversAll) break;
      }
    }
  };
  const visible = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.top < innerHeight &&
      box.right > 0 &&
      box.left < innerWidth
    );
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && node.textContent!.trim() && visible(parent)) need(node.textContent!, parent);
  }
  for (const input of Array.from(document.querySelectorAll('input, textarea'))) {
    const field = input as HTMLInputElement;
    if (visible(field)) need(field.value || field.placeholder, field);
  }
  for (const select of Array.from(document.querySelectorAll('select'))) {
    if (visible(select)) need(select.selectedOptions[0]?.text ?? '', select);
  }
  return [...needed].sort();
}

for (const language of ['vi', 'en'] as const) {
  test(`the library's first screen (${language}) needs no font request`, async ({ page, host }) => {
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font' && !request.url().startsWith('data:')) fontRequests.push(request.url());
    });
    await page.goto(`${host.url}&lang=${language}`);
    await expect(page.locator(APP_ROWS)).toHaveCount(5);
    const needed = await page.evaluate(facesNeeded);
    // The interface's and the titles' faces, in Latin and Vietnamese, each in the style sheet.
    expect(needed.length).toBeGreaterThanOrEqual(4);
    expect(needed.filter((url) => !url.startsWith('data:'))).toEqual([]);
    // No font was fetched but the reader's bold, which loads in idle time (main.tsx).
    expect(fontRequests.filter((url) => !/noto-serif-\w+-700-normal/.test(url))).toEqual([]);
  });
}
