/**
 * The first answers written into the page by the host that serves it (issue 13,
 * electron/services/start-page.ts): the library's first page and the database's health come with
 * index.html, so the app shows its rows without asking the host for them, under the strict CSP,
 * with an article's title shown as text even when it holds markup.
 */
import type { LibraryPage } from '../../shared/corpus/library-query';
import { expect, test } from './fixtures';
import { START_CALLS } from '../../shared/contract/start-data';
import type { FieldDef } from '../../shared/domain/attributes';
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
  // Nor the calls the app makes as it mounts: their answers came with the page too.
  for (const call of START_CALLS) expect(asked).not.toContain(call.name);
  await expect(page.getByRole('button', { name: 'E2E tester' })).toBeVisible(); // the profile, from the page
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

test("the page's answers are the start's state: a field defined after start reaches the library's filter from the host", async ({
  page,
  host,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) asked.push(path.slice('/api/'.length));
  });
  // Opened elsewhere than the library: its filters mount after the change below.
  await page.goto(`${host.url}#/concordance`);
  await expect(page.getByRole('button', { name: 'Concordance' })).toHaveAttribute('aria-current', 'page');
  expect(asked).not.toContain('listFieldDefs'); // answered in the page
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      {
        kind: 'fieldDef.create',
        def: {
          key: 'region',
          nameVi: 'Khu vực',
          nameEn: 'Region',
          required: false,
          sortOrder: 0,
          spec: { type: 'text' },
        },
      },
    ],
  });
  const stored = await callApi<FieldDef[]>(host, 'listFieldDefs', {});
  expect(stored.map((def) => def.key)).toContain('region');

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.locator(APP_ROWS)).toHaveCount(5);
  await expect(page.getByRole('combobox', { name: 'Field', exact: true }).locator('option')).toContainText(['Region']);
  expect(asked).toContain('listFieldDefs');
});
