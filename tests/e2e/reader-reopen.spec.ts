/**
 * Opening an article again without a reload (issue 8, the open path): the reader keeps its last
 * answer and asks `reopenArticle` whether it is still current. A span written meanwhile by
 * another process must show (the database's version changed), and with nothing written the kept
 * answer shows the same spans as the store.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotateFromAnotherConnection } from './other-process';
import { openSeed } from './reader-helpers';
import { articleIdByTitle, storedSpans } from './stored-state';

const SEED = /^3 đề xuất của Bộ Công an/;
const SEED_TITLE = '3 đề xuất của Bộ Công an';

/** The answers to `reopenArticle` (fetched by the page's answer worker), in order. */
function reopenAnswers(page: Page): unknown[] {
  const answers: unknown[] = [];
  page.context().on('response', (response) => {
    if (response.url().endsWith('/api/reopenArticle')) answers.push(response.json().catch(() => null));
  });
  return answers;
}

const backToLibrary = async (page: Page) => {
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: SEED }).waitFor();
};

test('an article opened again shows a span written by another process while the library showed, and only the stored spans', async ({
  page,
  host,
}) => {
  const answers = reopenAnswers(page);
  await page.goto(host.url);
  const articleId = await articleIdByTitle(host, SEED_TITLE);
  await openSeed(page, SEED);
  await expect(page.locator('.spans__row')).toHaveCount(0);
  await backToLibrary(page);

  // The host's watcher may also report the write (storeChanged) after the article is open, which
  // reloads it once more: the test asks what the answers were, not how many came.
  annotateFromAnotherConnection(host, articleId, 'Lương Tam Quang');
  await openSeed(page, SEED);
  await expect(page.locator('.spans__quote', { hasText: 'Lương Tam Quang' })).toHaveCount(1);
  await expect.poll(() => answers.length).toBeGreaterThanOrEqual(1);
  expect(await answers[0]).toMatchObject({ ok: true, value: { spans: { ids: expect.any(Array) } } });

  // Nothing written since: the kept answer is current, and shows what the store holds.
  await expect.poll(() => answers.length).toBeLessThanOrEqual(2); // at most the watcher's reload
  await backToLibrary(page);
  const beforeReopen = answers.length;
  await openSeed(page, SEED);
  await expect.poll(() => answers.length).toBeGreaterThan(beforeReopen);
  expect(await answers[beforeReopen]).toEqual({ ok: true, value: { unchanged: true } });
  const stored = await storedSpans(host, articleId);
  await expect(page.locator('.spans__quote')).toHaveText(stored.map((span) => span.quote));
});

test('regression: a read answered after the reader closed brought the article back (opening it again then read it twice, or not at all)', async ({
  page,
  host,
}) => {
  const reads: string[] = [];
  page.context().on('request', (request) => {
    if (/\/api\/(re)?openArticle$/.test(request.url())) reads.push(request.url());
  });
  // The first read is held until the reader has closed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/api/openArticle', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: SEED }).click();
  // The reader has mounted and taken the read (its chunk loaded); a read no reader took is reused
  // by the next press of the row instead, which is right but would prove nothing here.
  await expect(page.locator('.reader__loading')).toBeVisible();
  await backToLibrary(page);
  // Let the held answer arrive and be (not) shown before the article is opened again.
  const heldAnswer = page.waitForEvent('requestfinished', (request) => /\/api\/openArticle$/.test(request.url()));
  release();
  await heldAnswer;
  await page.context().unroute('**/api/openArticle');
  expect(reads).toHaveLength(1);

  await openSeed(page, SEED);
  await expect(page.locator('.reader__paragraph').first()).toBeVisible();
  // One read for the second open (the one started on the row's press), none started again.
  await expect.poll(() => reads.length).toBe(2);
  await page.waitForTimeout(1_000);
  expect(reads).toHaveLength(2);
});
