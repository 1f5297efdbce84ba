import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/src/i18n/languages';
import { seriousViolations } from './axe';
import { damagedDatabaseWithBackup } from './damaged-database';
import { callApi, expect, startHost, test } from './fixtures';
import { dragAcross, openSeed } from './reader-helpers';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'vietnamese');

test('axe-core finds no serious or critical violations in the library, the reader with spans and the dialogs', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).waitFor();
  expect(await seriousViolations(page), 'library').toEqual([]);

  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await dragAcross(page, 'cơ quan thực thi pháp luật');
  await page.keyboard.press('5');
  await expect(page.locator('.spans__row')).toHaveCount(2);
  expect(await seriousViolations(page), 'reader').toEqual([]);

  for (const [button, dialog] of [
    ['Import…', 'Import articles'],
    ['Export…', 'Export annotations'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('dialog', { name: dialog }).waitFor();
    expect(await seriousViolations(page), dialog).toEqual([]);
    await page.keyboard.press('Escape');
  }
});

test('axe-core finds no serious or critical violations on the recovery screen and in the restore dialog, in both languages', async ({
  page,
  host,
}) => {
  const damaged = await startHost([], damagedDatabaseWithBackup);
  try {
    for (const [lang, screenName, restore] of [
      ['en', 'The database is damaged', 'Restore this backup…'],
      ['vi', 'Cơ sở dữ liệu bị hỏng', null],
    ] as const) {
      await page.goto(`${damaged.host.url}&lang=${lang}`);
      const recovery = page.getByRole('main', { name: screenName });
      await recovery.getByRole('radio', { checked: true }).waitFor();
      expect(await seriousViolations(page), `recovery screen (${lang})`).toEqual([]);
      if (restore) {
        // The confirmation step, before anything is restored.
        await recovery.getByRole('button', { name: restore }).click();
        await recovery.getByRole('button', { name: 'Yes, restore' }).waitFor();
        expect(await seriousViolations(page), `recovery screen, confirming (${lang})`).toEqual([]);
      }
    }
  } finally {
    await damaged.stop();
  }

  await expect.poll(async () => ((await callApi(host, 'listBackups', {})) as unknown[]).length).toBe(1);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByRole('radio', { checked: true }).waitFor();
  expect(await seriousViolations(page), 'restore dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Restore this backup…' }).click();
  await dialog.getByRole('button', { name: 'Yes, restore' }).waitFor();
  expect(await seriousViolations(page), 'restore dialog, confirming').toEqual([]);
});

test('the whole UI switches to Vietnamese and stays so after a reload; screenshots of the library and the reader', async ({
  page,
  host,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Language' }).click();

  await expect(page.getByRole('heading', { name: 'Thư viện' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất…' })).toBeVisible();
  await expect(page.getByLabel('Tìm bài viết')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tiêu đề' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  // The choice is kept.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thư viện' })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_STORAGE_KEY)).toBe('vi');
  // Counts in Vietnamese digit grouping and words.
  await expect(page.locator('.library__count')).toHaveText(/^\d+ bài viết$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'library-vi.png'), fullPage: true });

  await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).click();
  await page.getByLabel('Nội dung bài viết').waitFor();
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: '↶ Hoàn tác' })).toBeEnabled();
  await expect(page.getByLabel('Nhãn của đoạn đang chọn')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xoá' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Phân tích' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-vi.png') });

  await page.getByRole('button', { name: 'Xuất…' }).click();
  await expect(page.getByRole('dialog', { name: 'Xuất chú thích' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'export-vi.png') });
});
