import { expect, test } from './fixtures';

test('a new user sees the seed library, opens an article and cannot edit it', async ({ page, host }) => {
  await page.goto(host.url);

  const rows = page.locator('.library__table tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/library.png', fullPage: true });

  await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).click();
  const text = page.getByLabel('Article text');
  await expect(text).toContainText('Thượng tướng Lương Tam Quang');
  await expect(page.locator('.reader__title')).toHaveText(/^3 đề xuất của Bộ Công an/);
  await expect(text).toHaveAttribute('contenteditable', 'false');

  // Typing into the text changes nothing: the view is read-only.
  const before = await text.textContent();
  await text.click({ position: { x: 40, y: 10 } });
  await page.keyboard.type('XYZ chữ mới');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  expect(await text.textContent()).toBe(before);
  await page.screenshot({ path: 'test-results/reader.png' });
});

test('the API refuses calls without the token', async ({ request, host }) => {
  const withoutToken = await request.post(`${host.origin}/api/listArticles`, { data: {} });
  expect(withoutToken.status()).toBe(401);
  const withToken = await request.post(`${host.origin}/api/listArticles`, {
    data: {},
    headers: { 'x-marginalia-token': host.token },
  });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).value).toHaveLength(5);
});

test('details and status edited in the reader show in the library', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: /^So với năm 2018/ }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.getByLabel('Title').fill('Tổng kết công tác đối ngoại năm 2019');
  await form.getByLabel('Source').fill('Cổng thông tin Bộ Công an');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.locator('.reader__title')).toHaveText('Tổng kết công tác đối ngoại năm 2019');
  await page.getByRole('radio', { name: 'Done' }).click();
  await expect(page.getByRole('radio', { name: 'Done' })).toHaveAttribute('aria-checked', 'true');

  await page.getByRole('button', { name: '← Library' }).click();
  const row = page.locator('tr', { hasText: 'Tổng kết công tác đối ngoại năm 2019' });
  await expect(row).toContainText('Cổng thông tin Bộ Công an');
  await expect(row).toContainText('Done');
});

test('searching the library finds words in the text, with or without accents', async ({ page, host }) => {
  await page.goto(host.url);
  const search = page.getByLabel('Search articles');
  await search.fill('an ninh phi truyen thong');
  const rows = page.locator('.library__table tbody tr');
  await expect(rows.first().locator('.snippet mark').first()).toHaveText(/an ninh phi truyền thống/i);
  const withoutAccents = await rows.count();
  expect(withoutAccents).toBeGreaterThan(0);

  await search.fill('Thứ trưởng Lương Tam Quang');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('3 đề xuất của Bộ Công an');
  await expect(rows.first().locator('.snippet mark')).toContainText(['Thứ trưởng Lương Tam Quang']);

  await search.fill('');
  await expect(rows).toHaveCount(5);
});
