import { userInfo } from 'node:os';
import { callApi, expect, startHost, test } from './fixtures';

test('first start asks for the display name once, prefilled with the OS user name; the toolbar changes it later', async ({
  page,
}) => {
  const { host, stop } = await startHost();
  try {
    await page.goto(host.url);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Marginalia' });
    await expect(welcome).toBeVisible();
    const field = welcome.getByLabel('Display name');
    await expect(field).toHaveValue(userInfo().username);
    await field.fill('  Nguyễn Thị Lan ');
    await welcome.getByRole('button', { name: 'Save' }).click();
    await expect(welcome).toBeHidden();
    expect(await callApi(host, 'getProfile', {})).toEqual({ displayName: 'Nguyễn Thị Lan', isSet: true });

    await page.reload();
    const profileButton = page.getByRole('button', { name: 'Nguyễn Thị Lan' });
    await expect(profileButton).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await profileButton.click();
    const dialog = page.getByRole('dialog', { name: 'Profile' });
    await dialog.getByLabel('Display name').fill('   ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('The display name cannot be empty.');
    await dialog.getByLabel('Display name').fill('Lan');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Lan', exact: true })).toBeVisible();
    expect(await callApi(host, 'getProfile', {})).toEqual({ displayName: 'Lan', isSet: true });
  } finally {
    await stop();
  }
});
