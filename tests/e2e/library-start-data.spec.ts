/**
 * The first answers written into the page by the host that serves it (issue 13,
 * electron/services/start-page.ts): the library's first page and the database's health come with
 * index.html, so the app shows its rows without asking the host for them, under the strict CSP,
 * with an article's title shown as text even when it holds markup.
 */
import type { LibraryPage } from '../../shared/corpus/library-query';
import { expect, test } from './fixtures';
import { callApi } from './stored-state';

const APP_ROWS = '.app .library__table tbody tr[data-article-id]';

test('the app shows the first page from the page itself, without asking the host, and a title with markup stays text', async ({
  page,
  host,
}) => {
  const { rows } = await callApi<LibraryPage>(host, 'queryLibrary', {});
  const first = rows[0]!;
  const title = 'Họp </script><script>window.injected = 1</script> <!-- kết luận';
  await callApi(host, 'updateArticleMetadata', { id: first.id, patch: { title } });

  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) asked.push(path.slice('/api/'.length));
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(host.url);
  await expect(page.locator(APP_ROWS)).toHaveCount(5);
  // The stored title, read back through the API, is the one the row shows, as text.
  const stored = await callApi<LibraryPage>(host, 'queryLibrary', {});
  expect(stored.rows[0]!.title).toBe(title);
  await expect(page.locator(`${APP_ROWS} .library__title button`).first()).toHaveText(stored.rows[0]!.displayTitle);
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
  // The block is read once and taken out of the page.
  await expect(page.locator('#marginalia-start-data')).toHaveCount(0);
  expect(asked).not.toContain('queryLibrary');
  expect(asked).not.toContain('getDatabaseHealth');
  expect(violations).toEqual([]);
  await page.screenshot({ path: 'test-results/first-paint/start-data-en.png' });

  // A reload reads the page afresh: a change made since is in it.
  await callApi(host, 'setArticleStatus', { id: first.id, status: 'done' });
  const firstStatus = page.locator(`${APP_ROWS}[data-article-id="${first.id}"] .status`);
  asked.length = 0;
  await page.reload();
  await expect(page.locator(APP_ROWS)).toHaveCount(5);
  await expect(firstStatus).toHaveClass(/status--done/);
  expect(asked).not.toContain('queryLibrary');
});
