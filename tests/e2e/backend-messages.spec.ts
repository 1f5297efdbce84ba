/**
 * Issue 10 §7: the services' errors and job messages were English whatever the UI language.
 * They now carry a catalogue key and params; a Vietnamese UI (`?lang=vi`) shows them in
 * Vietnamese: a rejected write (a "Published" value that is not a date) and an import file
 * refused for holding more records than the cap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, expect, startHost, test } from './fixtures';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'backend-messages');

test('a rejected write shows the service’s message in Vietnamese in a Vietnamese UI', async ({ page, host }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(`${host.url}&lang=vi`);
  await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).click();
  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  const form = page.getByRole('form', { name: 'Thông tin bài viết' });
  await form.getByLabel('Ngày đăng').fill('hôm qua');
  await form.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Ngày đăng: “hôm qua” không phải là ngày; hãy viết theo dạng: 2024-03-05',
  );
  await expect(page.getByRole('status')).not.toContainText('is not a date');
  await page.screenshot({ path: join(SCREENSHOTS, 'rejected-write-vi.png') });
});

test('an import file refused by the service is reported in Vietnamese in a Vietnamese UI', async ({ page }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { host, stop } = await startHost(['--max-records', '2']);
  try {
    // A chosen display name, so the first-start profile dialog does not cover the page.
    await callApi(host, 'setProfile', { displayName: 'E2E tester' });
    const file = join(host.dir, 'ba-ban-ghi.jsonl');
    writeFileSync(
      file,
      ['Một', 'Hai', 'Ba']
        .map((word) => JSON.stringify({ title: `Tin ${word}`, text: `Nội dung tin ${word}.` }))
        .join('\n'),
    );
    await page.goto(`${host.url}&lang=vi`);
    await page.getByRole('button', { name: 'Nhập…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập bài viết' });
    await dialog.getByLabel('Chọn tệp', { exact: true }).setInputFiles(file);
    const report = dialog.getByRole('table', { name: 'Báo cáo nhập' });
    await expect(report.locator('tr', { hasText: 'ba-ban-ghi.jsonl' })).toContainText(
      'ba-ban-ghi.jsonl có 3 bản ghi, vượt giới hạn 2 bản ghi mỗi tệp; không nhập phần nào của tệp.',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'import-refused-vi.png') });
    // Read back: nothing of the file was stored.
    const response = await fetch(`${host.origin}/api/listArticles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-marginalia-token': host.token },
      body: '{}',
    });
    const articles = ((await response.json()) as { value: { title: string | null }[] }).value;
    expect(articles.map((article) => article.title)).not.toContain('Tin Một');
  } finally {
    await stop();
  }
});
