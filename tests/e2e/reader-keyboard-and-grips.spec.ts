import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dragAcross, openSeed, openSeedArticle, pointsInText } from './reader-helpers';
import { articleIdByTitle, storedSpans } from './stored-state';

const SEED_TITLE = '3 đề xuất của Bộ Công an';
const focusIsInText = (page: Page) =>
  page.evaluate(() => Boolean(document.activeElement?.closest('[aria-label="Article text"]')));
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });

/** Presses Tab until the focused element is `name`; fails after `limit` presses. */
async function tabTo(page: Page, name: string, limit = 40): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return presses;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('the article text is reachable by Tab', async ({ page, host }) => {
  await page.goto(host.url);
  await openSeed(page, new RegExp(`^${SEED_TITLE}`));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, 'Article text');
  expect(await focusIsInText(page)).toBe(true);
});

test('Tab cycling of spans was a keyboard trap: it stops at the ends of the stack and focus reaches the note field, the label dropdown and Delete', async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  // Nested spans: a person inside an organisation-sized span.
  const storedStack = async () =>
    (await storedSpans(host, articleId)).map((span) => [span.labelKey, span.quote, span.note]);
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('5'); // ORG
  await expect.poll(storedStack).toEqual([['ORG', 'Lương Tam Quang', '']]);
  // Deselect first: a drag starting on the selected span's start grip would move that edge.
  await page.keyboard.press('Escape');
  await expect(page.locator('.edge-handle')).toHaveCount(0);
  await dragAcross(page, 'Lương Tam Quang', 0, 9); // "Lương Tam"
  await page.keyboard.press('3'); // PER
  await expect.poll(storedStack).toEqual([
    ['ORG', 'Lương Tam Quang', ''],
    ['PER', 'Lương Tam', ''],
  ]);
  const labelSelect = page.getByLabel('Label of the selected span');

  // A click selects the innermost span and puts focus in the text.
  const [inside] = await pointsInText(page, 'Lương Tam Quang', 1, 2);
  await page.mouse.click(inside.x, inside.y);
  await expect(labelSelect).toHaveValue('PER');
  expect(await focusIsInText(page)).toBe(true);

  // Shift+Tab walks out to the enclosing span, then leaves the text instead of wrapping.
  await page.keyboard.press('Shift+Tab');
  await expect(labelSelect).toHaveValue('ORG');
  expect(await focusIsInText(page)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await focusIsInText(page)).toBe(false);
  await expect(labelSelect).toHaveValue('ORG');

  // From the innermost span Tab leaves the text too, and goes on to the sidebar's controls.
  await page.mouse.click(inside.x, inside.y);
  await expect(labelSelect).toHaveValue('PER');
  await tabTo(page, 'Label of the selected span');
  await tabTo(page, 'Delete', 3);
  await tabTo(page, 'Note', 3);
  await page.keyboard.type('checked by keyboard');
  await page.keyboard.press('Tab'); // leaving the field saves the note

  await expect.poll(storedStack).toEqual([
    ['ORG', 'Lương Tam Quang', ''],
    ['PER', 'Lương Tam', 'checked by keyboard'],
  ]);
});

test("a drag that ended on the selected span's end grip selected to the end of the article: it now tags only the dragged text", async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await openSeed(page, new RegExp(`^${SEED_TITLE}`));
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('5'); // ORG, now selected, with its grips
  const grip = page.getByRole('slider', { name: 'End of the selected span' });
  const box = await grip.boundingBox();
  if (!box) throw new Error('no end grip');

  // An ordinary text drag from "Tam" that ends on the end grip.
  const [tam] = await pointsInText(page, 'Lương Tam Quang', 6, 9);
  await page.mouse.move(tam.x, tam.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('3'); // PER

  const articleId = await articleIdByTitle(host, SEED_TITLE);
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => [span.labelKey, span.quote]))
    .toEqual([
      ['ORG', 'Lương Tam Quang'],
      ['PER', 'Tam Quang'],
    ]);
});
