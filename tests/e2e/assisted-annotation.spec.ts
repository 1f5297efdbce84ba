/**
 * Assisted annotation (issue 14): suggestions in seed 002 accepted and rejected by keyboard, then
 * read back from the store after a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSeed, paintedTexts } from './reader-helpers';
import { articleIdByTitle, callApi, storedSpans } from './stored-state';

interface Suggestion {
  labelKey: string;
  quote: string;
}

const focusedItem = (page: Page) => page.locator('.suggestions__item--focused');
const items = (page: Page) => page.locator('.suggestions__item');

const THE_THREE_PROPOSALS = /^Thứ (nhất, nắm sát|hai, tiếp tục mở rộng|ba, theo Thứ trưởng)/;
/** An enumeration of last year's results, not a proposal: the one the test rejects. */
const NOT_A_PROPOSAL = /^Thứ hai, thông qua hợp tác quốc tế/;

test('suggestions in seed 002: accept the three proposals and the ORG names by keyboard, reject one; all stored', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000); // some sixty key presses, each waiting for the store
  const articleId = await articleIdByTitle(host, '3 đề xuất của Bộ Công an');
  const before = await callApi<{ suggestions: Suggestion[] }>(host, 'getSuggestions', { articleId });
  const orgCount = before.suggestions.filter((s) => s.labelKey === 'ORG').length;
  expect(orgCount).toBeGreaterThan(3);
  expect(before.suggestions.filter((s) => s.labelKey === 'PROPOSAL' && THE_THREE_PROPOSALS.test(s.quote))).toHaveLength(
    3,
  );

  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  // The list is windowed: its heading counts them all, and the first rows are drawn.
  await expect(page.locator('.suggestions__hint')).toContainText(`${before.suggestions.length} suggestions`);
  await expect(items(page).first()).toBeVisible();
  // Painted as dashed underlines, apart from spans.
  await expect.poll(async () => (await paintedTexts(page))['m-suggest-ORG']?.length ?? 0).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/assist/suggestions-seed-002.png' });

  let accepted = 0;
  let rejected = false;
  let skippedInARow = 0;
  await page.keyboard.press('n');
  while (skippedInARow < before.suggestions.length + 1) {
    await expect(focusedItem(page)).toHaveCount(1);
    const label = (await focusedItem(page).locator('.chip').textContent()) ?? '';
    const quote = (await focusedItem(page).locator('.suggestions__text').textContent()) ?? '';
    if (label === 'ORG' || (label === 'PROPOSAL' && THE_THREE_PROPOSALS.test(quote))) {
      await page.keyboard.press('Enter');
      accepted++;
      await expect.poll(async () => (await storedSpans(host, articleId)).length).toBe(accepted);
      skippedInARow = 0;
    } else if (label === 'PROPOSAL' && NOT_A_PROPOSAL.test(quote) && !rejected) {
      await page.keyboard.press('Backspace');
      rejected = true;
      await expect(page.locator('.suggestions__text', { hasText: NOT_A_PROPOSAL })).toHaveCount(0);
      skippedInARow = 0;
    } else {
      await page.keyboard.press('n');
      skippedInARow++;
    }
    if (accepted === orgCount + 3 && rejected) break;
  }
  expect(rejected).toBe(true);
  expect(accepted).toBe(orgCount + 3);

  // The stored state: every accepted suggestion is a span made by the model for the analyst.
  const stored = await callApi<{ labelKey: string; quote: string; origin: string; author: string }[]>(
    host,
    'listAnnotations',
    { articleId },
  );
  expect(stored).toHaveLength(orgCount + 3);
  expect(new Set(stored.map((span) => `${span.origin}/${span.author}`))).toEqual(new Set(['model/E2E tester']));
  expect(stored.filter((span) => span.labelKey === 'PROPOSAL').map((span) => span.quote)).toEqual([
    expect.stringMatching(/^Thứ nhất, nắm sát/),
    expect.stringMatching(/^Thứ hai, tiếp tục mở rộng/),
    expect.stringMatching(/^Thứ ba, theo Thứ trưởng/),
  ]);

  // After a reload the spans are there, and neither they nor the rejected text come back as suggestions.
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  // The span list is windowed: its heading counts every row.
  await expect(page.locator('.spans__header h2')).toHaveText(`Spans ${orgCount + 3}`);
  await expect(page.locator('.suggestions__text', { hasText: NOT_A_PROPOSAL })).toHaveCount(0);
  await expect(page.locator('.suggestions__item .chip', { hasText: /^ORG$/ })).toHaveCount(0);
  const after = await callApi<{ suggestions: Suggestion[] }>(host, 'getSuggestions', { articleId });
  expect(after.suggestions.filter((s) => s.labelKey === 'ORG' || NOT_A_PROPOSAL.test(s.quote))).toEqual([]);
  await page.screenshot({ path: 'test-results/assist/after-review.png' });
});

test('“accept all” of a label is one change set that one undo takes back', async ({ page, host }) => {
  const articleId = await articleIdByTitle(host, '3 đề xuất của Bộ Công an');
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  const acceptAllDates = page.getByRole('group', { name: 'Accept all:' }).getByRole('button', { name: /^DATE \d+$/ });
  await acceptAllDates.click();
  await expect
    .poll(async () => (await storedSpans(host, articleId)).filter((s) => s.labelKey === 'DATE').length)
    .toBeGreaterThan(3);
  const history = await callApi<{ undoDescription: string }>(host, 'getHistoryState', { articleId });
  expect(history.undoDescription).toMatch(/^Tag \d+ spans$/);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedSpans(host, articleId)).length).toBe(0);
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await expect(page.locator('.spans__row')).toHaveCount(0);
  await expect(
    page.getByRole('group', { name: 'Accept all:' }).getByRole('button', { name: /^DATE \d+$/ }),
  ).toBeVisible();
});

test('suggestion settings: a source switched off and a pattern refused for nested repetitions, read back from the store', async ({
  page,
  host,
}) => {
  const articleId = await articleIdByTitle(host, '3 đề xuất của Bộ Công an');
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await expect(page.locator('.suggestions__item .chip', { hasText: /^DATE$/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Suggestion settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Suggestion settings' });
  await dialog.getByRole('checkbox', { name: /^pattern/ }).uncheck();
  await expect
    .poll(async () => (await callApi<{ sources: { pattern: boolean } }>(host, 'getAssistSettings')).sources.pattern)
    .toBe(false);

  const expression = dialog.getByLabel(/^Expression of “Days/);
  await expression.fill('(\\d+ )+ngày');
  await expression.locator('xpath=..').getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('could run in catastrophic time');
  await page.screenshot({ path: 'test-results/assist/settings.png' });
  const settings = await callApi<{ patterns: { definition: { id: string; regex: string }; edited: boolean }[] }>(
    host,
    'getAssistSettings',
  );
  expect(settings.patterns.find((p) => p.definition.id === 'date-day')).toMatchObject({ edited: false });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  // Pattern suggestions (dates) are gone; gazetteer ones stay.
  await expect(page.locator('.suggestions__item .chip', { hasText: /^ORG$/ }).first()).toBeVisible();
  await expect(page.locator('.suggestions__item .chip', { hasText: /^DATE$/ })).toHaveCount(0);
  const suggestions = await callApi<{ suggestions: { source: string }[] }>(host, 'getSuggestions', { articleId });
  expect(suggestions.suggestions.some((s) => s.source === 'pattern')).toBe(false);
});
