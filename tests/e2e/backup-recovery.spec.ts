import { callApi, expect, startHost, test } from './fixtures';
import { damagedDatabaseWithBackup } from './damaged-database';

test('a damaged database opens the recovery screen, which restores the newest good backup', async ({ page }) => {
  const { host, stop } = await startHost([], damagedDatabaseWithBackup);
  try {
    await page.goto(host.url);
    const recovery = page.getByRole('main', { name: 'The database is damaged' });
    await expect(recovery).toBeVisible();
    await expect(recovery.getByText(host.databasePath)).toBeVisible();
    // The newest good backup is chosen, and its preview says what it holds.
    const row = recovery.getByRole('row').filter({ has: page.getByRole('radio', { checked: true }) });
    await expect(row).toContainText('made by hand');
    await expect(row.getByRole('cell').nth(2)).toHaveText('5');
    // The library is not there: nothing opened the damaged file.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/recovery-screen.png', fullPage: true });

    await recovery.getByRole('button', { name: 'Restore this backup…' }).click();
    await recovery.getByRole('button', { name: 'Yes, restore' }).click();

    // The page reloads on the restored database: the app with the five seed articles.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('main', { name: 'The database is damaged' })).toHaveCount(0);
    await expect(page.locator('.library__title')).toHaveCount(5);
  } finally {
    await stop();
  }
});

test('File → Restore from backup (the toolbar in a browser) lists the backups with their previews', async ({
  page,
  host,
}) => {
  // The host takes a rolling backup at start, after seeding, without holding up its start.
  await expect.poll(async () => ((await callApi(host, 'listBackups', {})) as unknown[]).length).toBe(1);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByRole('row').filter({ hasText: 'automatic' })).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Restore this backup…' })).toBeEnabled();
});
