/**
 * Pushed events in the browser (issue 8): changes made by another process on the same database
 * show in the open window without a reload, and import progress arrives without polling.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotateFromAnotherConnection } from './other-process';
import { dragAcross, openSeed, openSeedArticle, paintedTexts, pointsInText } from './reader-helpers';
import { articleIdByTitle, callApi, storedSpans } from './stored-state';

const CLI_ENTRY = join(__dirname, '..', '..', 'out', 'main', 'cli.js');
const SEED_TITLE = '3 đề xuất của Bộ Công an';
const NAME = 'Lương Tam Quang';

/** Marks the page, so a test can tell that it was never reloaded. */
async function markPage(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = 'not reloaded'));
  return () => page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark === 'not reloaded');
}

test('an annotation written by another process appears in the open reader without a reload', async ({ page, host }) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await expect(page.locator('.spans__row')).toHaveCount(0);
  const notReloaded = await markPage(page);

  annotateFromAnotherConnection(host, articleId, NAME);

  await expect(page.locator('.spans__quote', { hasText: NAME })).toHaveCount(1);
  expect((await storedSpans(host, articleId)).map((span) => [span.labelKey, span.quote])).toEqual([['PER', NAME]]);
  expect(await notReloaded()).toBe(true);
});

test('an edit in another tab of the same host shows in the open reader without a reload', async ({ page, host }) => {
  const first = page;
  const second = await page.context().newPage();
  for (const tab of [first, second]) {
    await tab.goto(host.url);
    await openSeed(tab, /^3 đề xuất của Bộ Công an/);
  }
  const articleId = await articleIdByTitle(host, SEED_TITLE);
  const secondNotReloaded = await markPage(second);
  // Spans only: suggestions (m-suggest-*) are painted too, and may cover the same name.
  const painted = async (tab: Page) =>
    Object.entries(await paintedTexts(tab))
      .filter(([name]) => !name.startsWith('m-suggest-'))
      .flatMap(([, texts]) => texts);

  // A span made in the first tab shows, painted, in the second.
  await dragAcross(first, NAME);
  await first.keyboard.press('3');
  await expect(second.locator('.spans__quote', { hasText: NAME })).toHaveCount(1);
  await expect.poll(() => painted(second)).toContain(NAME);

  // The second tab edits that span (by the id the event gave it); the first follows.
  const [point] = await pointsInText(second, NAME, 1, 2);
  await second.mouse.click(point.x, point.y);
  await second.keyboard.press('4');
  await expect(second.getByLabel('Label of the selected span')).toHaveValue('TITLE');
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => [span.labelKey, span.quote]))
    .toEqual([['TITLE', NAME]]);
  const [inFirst] = await pointsInText(first, NAME, 1, 2);
  await first.mouse.click(inFirst.x, inFirst.y);
  await expect(first.getByLabel('Label of the selected span')).toHaveValue('TITLE');

  // A delete in the first tab removes it from the second.
  await first.keyboard.press('Delete');
  await expect(second.locator('.spans__row')).toHaveCount(0);
  await expect.poll(() => painted(second)).not.toContain(NAME);
  expect(await storedSpans(host, articleId)).toEqual([]);
  expect(await secondNotReloaded()).toBe(true);
  // What the second tab shows is what is stored: a reload shows the same (nothing).
  await second.reload();
  await second.getByLabel('Article text').waitFor();
  await expect(second.locator('.spans__row')).toHaveCount(0);
});

test('an article imported by the command line appears in the open library without a reload', async ({ page, host }) => {
  await page.goto(host.url);
  const rows = page.locator('.library__table tbody tr');
  await expect(rows).toHaveCount(5);
  const notReloaded = await markPage(page);

  const file = join(host.dir, 'tin-moi.txt');
  writeFileSync(file, 'Tin mới từ dòng lệnh\n\nBộ Ngoại giao đề nghị tăng cường hợp tác khu vực.\n');
  await promisify(execFile)(process.execPath, [CLI_ENTRY, 'import', file, '--db', host.databasePath]);

  await expect(rows).toHaveCount(6);
  await expect(page.locator('.library__table', { hasText: 'Tin mới từ dòng lệnh' })).toBeVisible();
  expect(await notReloaded()).toBe(true);
});

test('an import job reports its progress through events: one snapshot, no polling', async ({ page, host }) => {
  const folder = join(host.dir, 'many');
  mkdirSync(folder);
  const FILES = 120;
  for (let i = 0; i < FILES; i++) {
    writeFileSync(
      join(folder, `bai-${String(i).padStart(3, '0')}.txt`),
      `Bài số ${i}\n\nNội dung của bài báo số ${i}.\n`,
    );
  }
  const snapshots: { state: string; processed: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/api/getImportJob')) return;
    snapshots.push(((await response.json()) as { value: { state: string; processed: number } }).value);
  });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a folder').setInputFiles(folder);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByText(`Done: ${FILES} files.`)).toBeVisible();
  await expect(dialog.getByText(`${FILES} imported · 0 duplicates · 0 skipped`)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Import report' }).locator('tbody tr')).toHaveCount(FILES);

  // One snapshot when the dialog started following the job, taken while it ran (the worker
  // takes a while to start and writes each file in its own transaction); the rest was pushed.
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]?.state).toBe('running');
  const articles = await callApi<unknown[]>(host, 'listArticles');
  expect(articles).toHaveLength(5 + FILES);
});
