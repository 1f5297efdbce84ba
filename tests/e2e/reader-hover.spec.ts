import { expect, test } from './fixtures';
import { dragAcross, openSeedArticle, pointsInText } from './reader-helpers';
import { storedSpans } from './stored-state';

const SEED_TITLE = '3 đề xuất của Bộ Công an';

test('the hover card names the labels under the pointer, and goes when the pointer leaves the text or the text scrolls', async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('5'); // ORG
  await expect.poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey)).toEqual(['ORG']);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  // Nested: PER over "Lương Tam", so the card lists both, outermost first.
  await dragAcross(page, 'Lương Tam Quang', 0, 9);
  await page.keyboard.press('3'); // PER
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey).sort())
    .toEqual(['ORG', 'PER']);
  await page.keyboard.press('Escape');

  const card = page.getByRole('tooltip');
  const [inside] = await pointsInText(page, 'Lương Tam Quang', 1, 2);
  await page.mouse.move(inside.x, inside.y);
  await expect(card.locator('.hovercard__quote')).toHaveText(['Lương Tam Quang', 'Lương Tam']);
  // Only the outer span covers "Quang".
  const [quang] = await pointsInText(page, 'Lương Tam Quang', 11, 12);
  await page.mouse.move(quang.x, quang.y);
  await expect(card.locator('.hovercard__quote')).toHaveText(['Lương Tam Quang']);

  // Out of the text, into the sidebar: no card.
  const sidebar = await page.locator('.reader__sidebar').boundingBox();
  if (!sidebar) throw new Error('no sidebar');
  await page.mouse.move(sidebar.x + sidebar.width / 2, sidebar.y + 40);
  await expect(card).toHaveCount(0);

  // A scroll moves the text from under the card: it goes, and the next move shows it again.
  await page.mouse.move(inside.x, inside.y);
  await expect(card).toHaveCount(1);
  await page.mouse.wheel(0, 200);
  await expect(card).toHaveCount(0);
  const [again] = await pointsInText(page, 'Lương Tam Quang', 1, 2);
  await page.mouse.move(again.x, again.y);
  await expect(card.locator('.hovercard__quote')).toHaveText(['Lương Tam Quang', 'Lương Tam']);
});
