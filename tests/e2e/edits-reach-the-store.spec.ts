/**
 * Regression: "edits in the reader were never saved" (issue 8). Relabel, note, edge moves and
 * delete changed the page but never reached SQLite, and the old tests only looked at the page.
 * Every test here waits for the API to report the stored state, then reloads the page and checks
 * that the reader shows the same thing.
 */
import type { Page } from '@playwright/test';
import { expect, test, type RunningHost } from './fixtures';
import { dragAcross, openSeedArticle, pointsInText } from './reader-helpers';
import { storedSpans, type StoredSpan } from './stored-state';

const SEED_TITLE = '3 đề xuất của Bộ Công an';
const spanRows = (page: Page) => page.locator('.spans__row');
const selectedLabel = (page: Page) => page.getByLabel('Label of the selected span');

/** [label, quote, note] of every stored span, in text order. */
const summary = (spans: StoredSpan[]) => spans.map((span) => [span.labelKey, span.quote, span.note]);

/** Waits until the store holds `expected`, then reloads and checks the reader shows it. */
async function expectStored(page: Page, host: RunningHost, articleId: number, expected: string[][]): Promise<void> {
  await expect.poll(async () => summary(await storedSpans(host, articleId))).toEqual(expected);
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await expect(spanRows(page)).toHaveCount(expected.length);
  for (const [, quote] of expected) await expect(page.locator('.spans__quote', { hasText: quote! })).toHaveCount(1);
}

async function tagName(page: Page): Promise<void> {
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await expect(spanRows(page)).toHaveCount(1);
}

async function clickName(page: Page): Promise<void> {
  const [point] = await pointsInText(page, 'Lương Tam Quang', 1, 2);
  await page.mouse.click(point.x, point.y);
  await expect(selectedLabel(page)).toHaveValue(/.+/);
}

test('lost edits: a created span is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', '']]);
});

test('lost edits: a relabel by hotkey is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await clickName(page);
  await page.keyboard.press('4');
  await expect(selectedLabel(page)).toHaveValue('TITLE');
  await expectStored(page, host, articleId, [['TITLE', 'Lương Tam Quang', '']]);
});

test('lost edits: a relabel from the dropdown is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await clickName(page);
  await selectedLabel(page).selectOption('ORG');
  await expectStored(page, host, articleId, [['ORG', 'Lương Tam Quang', '']]);
});

test('lost edits: a note is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await clickName(page);
  await page.getByLabel('Note').fill('Thứ trưởng Bộ Công an');
  await page.getByLabel('Note').press('Control+Enter');
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', 'Thứ trưởng Bộ Công an']]);
});

test('lost edits: edge moves by keyboard are stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  const [caret] = await pointsInText(page, 'Bộ Ngoại giao tổ chức', 0, 1);
  await page.mouse.click(caret.x - 1, caret.y);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('5');
  await expectStored(page, host, articleId, [['ORG', 'Bộ Ngoại giao', '']]);

  const quote = page.locator('.selected__quote');
  const steps: [string, string][] = [
    ['Alt+ArrowRight', 'Bộ Ngoại giao tổ'],
    ['Alt+ArrowLeft', 'Bộ Ngoại giao'],
    ['Alt+Shift+ArrowLeft', 'Nội, Bộ Ngoại giao'],
    ['Alt+Shift+ArrowRight', 'Bộ Ngoại giao'],
  ];
  for (const [key, expected] of steps) {
    // Select the span again after each reload, then step one edge.
    const [point] = await pointsInText(page, 'Ngoại giao', 1, 2);
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press(key);
    await expect(quote).toHaveText(expected);
    await expectStored(page, host, articleId, [['ORG', expected, '']]);
  }
});

test('lost edits: an edge moved with the grip is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await dragAcross(page, 'Lương Tam Quang', 0, 9); // "Lương Tam"
  await page.keyboard.press('3');
  await expectStored(page, host, articleId, [['PER', 'Lương Tam', '']]);

  const [point] = await pointsInText(page, 'Lương Tam', 1, 2);
  await page.mouse.click(point.x, point.y);
  const grip = page.getByRole('slider', { name: 'End of the selected span' });
  const box = await grip.boundingBox();
  if (!box) throw new Error('no end grip');
  const [, target] = await pointsInText(page, 'Lương Tam Quang', 10, 13); // inside "Quang"
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x - 6, target.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('.selected__quote')).toHaveText('Lương Tam Quang');
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', '']]);
});

test('lost edits: a delete is stored', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', '']]);
  await clickName(page);
  await page.keyboard.press('Delete');
  await expect(spanRows(page)).toHaveCount(0);
  await expectStored(page, host, articleId, []);
});

test('lost edits: undo and redo of a relabel are stored, step by step', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await tagName(page);
  await clickName(page);
  await page.keyboard.press('4');
  await expectStored(page, host, articleId, [['TITLE', 'Lương Tam Quang', '']]);

  // Undo the relabel (not the create, as it did when the relabel never reached the store).
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', '']]);
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expectStored(page, host, articleId, []);
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await expectStored(page, host, articleId, [['PER', 'Lương Tam Quang', '']]);
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+z');
  await expectStored(page, host, articleId, [['TITLE', 'Lương Tam Quang', '']]);
});
