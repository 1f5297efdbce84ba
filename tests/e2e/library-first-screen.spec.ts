/**
 * The library's first screen rendered by the host into the page it serves (issue 13, the first
 * paint; electron/services/first-screen/, renderer/src/first-screen/): a first start shows the
 * library as the app renders it before the app's bundle has run, inert, and the app's first render
 * hydrates it: the same elements, markup and boxes. A page that starts otherwise (another
 * language kept in the page, an article's address) removes it before the app runs.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page, Route } from '@playwright/test';
import type { LibraryPage } from '../../shared/corpus/library-query';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/src/i18n/languages';
import { expect, test } from './fixtures';
import { callApi } from './stored-state';

const ROWS = '.app .library__table tbody tr[data-article-id]';
const CLI_ENTRY = join(__dirname, '..', '..', 'out', 'main', 'cli.js');

/** The requests matching `pattern` wait until `release` is called. */
async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}
const ALL_SCRIPTS = /\/assets\/[^/]*\.js$/;
const APP_BUNDLE = /\/assets\/index-[^/]*\.js$/;

/**
 * The markup of what the screen shows, for the host's screen against the app's: attributes sorted,
 * styles as the browser writes them, text nodes joined (the server's `<!-- -->` between adjacent
 * texts aside), and an option's `selected` as the state it gives (the client sets the property).
 */
const screenMarkup = (page: Page) =>
  page.locator('#root').evaluate((root) => {
    const copy = root.cloneNode(true) as Element;
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
    const comments: Node[] = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((comment) => comment.parentNode?.removeChild(comment));
    copy.normalize();
    for (const node of copy.querySelectorAll<HTMLElement>('*')) {
      const style = node.style.cssText;
      node.removeAttribute('style');
      node.removeAttribute('selected');
      const attributes = [...node.attributes].map(({ name, value }) => [name, value] as const).sort();
      [...node.attributes].forEach(({ name }) => node.removeAttribute(name));
      attributes.forEach(([name, value]) => node.setAttribute(name, value));
      if (style) node.setAttribute('style', style);
    }
    // The rows past the window's height (the host cannot know it, so it renders more) aside.
    const height = window.innerHeight;
    for (const row of copy.querySelectorAll('tbody tr'))
      if (Number(/translateY\((\d+)px\)/.exec(row.getAttribute('style') ?? '')?.[1]) > height) row.remove();
    return copy.innerHTML;
  });

const boxes = (page: Page) =>
  page.evaluate(() =>
    ['.toolbar', '.library__header', '.library__filters', '.library__scroller', 'tbody tr .library__title button'].map(
      (selector) => {
        const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
        return { selector, x, y, width, height };
      },
    ),
  );

test("a first start shows the host's first screen before the app's bundle runs, inert, and the app hydrates it in place", async ({
  page,
  host,
}) => {
  const { rows } = await callApi<LibraryPage>(host, 'queryLibrary', {});
  // The facets (the sources' counts) come after the first frame and change the source filter's
  // options: held until the screens are compared.
  const releaseFacets = await holdRequests(page, /\/api\/libraryFacets$/);
  const release = await holdRequests(page, APP_BUNDLE);
  await page.goto(host.url, { waitUntil: 'domcontentloaded' });
  // The start script kept the screen; the app's bundle has not run: the library is the host's markup.
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
  await expect(page.locator(ROWS)).toHaveCount(5);
  await expect(page.locator(ROWS).first()).toBeVisible();
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  await expect(page.locator(`${ROWS} .library__title button`).first()).toHaveText(rows[0]!.displayTitle);
  // Inert: shown, but a click cannot reach it until the app has hydrated it.
  const profile = page.getByRole('button', { name: 'E2E tester' });
  await expect(profile).toBeVisible();
  await expect(profile.click({ trial: true, timeout: 1_000 })).rejects.toThrow(/Timeout/);
  await page.screenshot({ path: 'test-results/first-paint/first-screen-en.png' });
  const hostMarkup = await screenMarkup(page);
  const hostBoxes = await boxes(page);
  // Marks on the host's elements: hydrated, the app keeps them; rendered anew, they would be gone.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('.toolbar, .library__table tbody tr'))
      (element as Element & { hostMarked?: boolean }).hostMarked = true;
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });

  release();
  await expect(page.getByRole('button', { name: 'E2E tester' })).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  expect(await screenMarkup(page)).toEqual(hostMarkup);
  expect(await boxes(page)).toEqual(hostBoxes);
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar, .library__table tbody tr')].map(
        (element) => (element as Element & { hostMarked?: boolean }).hostMarked === true,
      ),
    ),
  ).toEqual([true, true, true, true, true, true]);
  expect(warnings).toEqual([]);
  await page.screenshot({ path: 'test-results/first-paint/first-screen-after-mount-en.png' });
  releaseFacets();

  // The app works on it: a title opens its article.
  await page.locator(`${ROWS} .library__title button`).nth(2).click();
  await expect(page).toHaveURL(new RegExp(`#/article/${rows[2]!.id}$`));
  await expect(page.locator('.reader__sidebar')).toBeVisible();
});

test('in a window shorter than the one the first screen was rendered for, the app hydrates it all the same, then fits the list to the window', async ({
  page,
  host,
}) => {
  // More articles than a short window shows: the screen holds the rows of a 1080 px window, and the
  // app's first render must assume the same to hydrate it.
  const folder = join(host.dir, 'many');
  mkdirSync(folder);
  for (let index = 1; index <= 40; index += 1)
    writeFileSync(join(folder, `tin-${index}.txt`), `Tin số ${index}\n\nBộ Ngoại giao đề nghị hợp tác khu vực.\n`);
  await promisify(execFile)(process.execPath, [CLI_ENTRY, 'import', folder, '--db', host.databasePath]);
  await page.setViewportSize({ width: 1360, height: 600 });
  const release = await holdRequests(page, APP_BUNDLE);
  await page.goto(host.url, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
  const screenRows = await page.locator(ROWS).count();
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('.toolbar, .library__table tbody tr:first-child'))
      (element as Element & { hostMarked?: boolean }).hostMarked = true;
  });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  release();
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar, .library__table tbody tr:first-child')].map(
        (element) => (element as Element & { hostMarked?: boolean }).hostMarked === true,
      ),
    ),
  ).toEqual([true, true]);
  expect(warnings).toEqual([]);
  // After the first frame the list renders what fits this window: fewer rows than the screen's.
  await expect.poll(() => page.locator(ROWS).count()).toBeLessThan(screenRows);
  const { total } = await callApi<LibraryPage>(host, 'queryLibrary', {});
  expect(total).toBe(45);
});

test("a page that keeps another language than the system's removes the first screen before the app runs", async ({
  page,
  host,
}) => {
  await page.addInitScript((key) => localStorage.setItem(key, 'vi'), LANGUAGE_STORAGE_KEY);
  const release = await holdRequests(page, APP_BUNDLE);
  await page.goto(host.url, { waitUntil: 'domcontentloaded' });
  // The start script has run (its calls answered from the page) and took the English screen out.
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
  await expect(page.locator('#root .app')).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { name: 'Thư viện' })).toBeVisible();
  await expect(page.locator(ROWS)).toHaveCount(5);
});

test("an article's address removes the first screen before the app runs, and opens the article", async ({
  page,
  host,
}) => {
  const { rows } = await callApi<LibraryPage>(host, 'queryLibrary', {});
  const release = await holdRequests(page, APP_BUNDLE);
  await page.goto(`${host.url}#/article/${rows[1]!.id}`, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#root')).not.toHaveAttribute('data-first-screen');
  await expect(page.locator('#root .app')).toHaveCount(0);
  release();
  await expect(page.locator('.reader__sidebar')).toBeVisible();
  await expect(page.locator('.library')).toHaveCount(0);
});

test("the first screen shows a title's markup as text, and a page without the token holds none", async ({
  page,
  host,
}) => {
  const { rows } = await callApi<LibraryPage>(host, 'queryLibrary', {});
  const title = 'Họp </div></div><script>window.injected = 1</script> <!-- kết luận';
  await callApi(host, 'updateArticleMetadata', { id: rows[0]!.id, patch: { title } });
  const served = await (await page.request.get(host.url, { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } })).text();
  expect(served).toContain('data-first-screen="vi"');
  expect(served).toContain('<h1>Thư viện</h1>');
  expect(served).not.toContain('<script>window.injected');
  const release = await holdRequests(page, ALL_SCRIPTS);
  await page.goto(host.url, { waitUntil: 'domcontentloaded' });
  const stored = await callApi<LibraryPage>(host, 'queryLibrary', {});
  expect(stored.rows[0]!.title).toBe(title);
  await expect(page.locator(`${ROWS} .library__title button`).first()).toHaveText(stored.rows[0]!.displayTitle);
  release();
  await expect(page.getByRole('button', { name: 'E2E tester' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();

  const withoutToken = await (await page.request.get(host.origin + '/')).text();
  expect(withoutToken).toContain('<div id="root"></div>');
});
