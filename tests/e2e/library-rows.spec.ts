/**
 * The library's and the concordance's rows are memoised (issue 13, speed): a row renders again
 * only when its article or hit object, place, tick or language changes. These tests guard what
 * that could break: a row left showing the article that was there before a sort or filter, or
 * one that misses a change made elsewhere. Each compares what the page shows with the API.
 */
import type { Page } from '@playwright/test';
import type { ConcordanceResult } from '../../shared/contract/corpus';
import type { LibraryFilter, LibraryPage, LibrarySort } from '../../shared/corpus/library-query';
import { openWorkbench } from '../../electron/services/workbench';
import { expect, test, type RunningHost } from './fixtures';
import { callApi } from './stored-state';

/** Every cell the library shows, row by row, as the page shows them. */
function shownRows(page: Page) {
  return page.locator('.library__table tbody tr[data-article-id]').evaluateAll((rows) =>
    rows
      // Rows are absolutely placed: their order on screen is their translateY.
      .sort((a, b) => new DOMMatrix(getComputedStyle(a).transform).f - new DOMMatrix(getComputedStyle(b).transform).f)
      .map((row) => ({
        id: Number((row as HTMLElement).dataset.articleId),
        title: row.querySelector('.library__title > button')?.textContent,
        tick: row.querySelector('input[type=checkbox]')?.getAttribute('aria-label'),
        words: row.querySelector('.library__col--words')?.textContent,
        annotations: row.querySelector('.library__col--annotations')?.textContent,
        status: row.querySelector('.status')?.className,
      })),
  );
}

/** The same cells from the API's page for that filter and sort (English UI: 1,845). */
async function expectedRows(host: RunningHost, filter: LibraryFilter, sort: LibrarySort) {
  const { rows } = await callApi<LibraryPage>(host, 'queryLibrary', { filter, sort });
  return rows.map((row) => ({
    id: row.id,
    title: row.displayTitle,
    tick: `Select ${row.displayTitle}`,
    words: row.wordCount.toLocaleString('en'),
    annotations: row.annotationCount.toLocaleString('en'),
    status: `status status--${row.status}`,
  }));
}

test('library rows show what the API gives after every sort and filter change, never the row that was there before', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const rows = page.locator('.library__table tbody tr[data-article-id]');
  await expect(rows).toHaveCount(5);
  expect(await shownRows(page)).toEqual(await expectedRows(host, {}, { key: 'imported', direction: 'ascending' }));

  const steps: [string, () => Promise<unknown>, LibraryFilter, LibrarySort][] = [
    [
      'title ↑',
      () => page.getByRole('button', { name: 'Title' }).click(),
      {},
      { key: 'title', direction: 'ascending' },
    ],
    [
      'title ↓',
      () => page.getByRole('button', { name: 'Title' }).click(),
      {},
      { key: 'title', direction: 'descending' },
    ],
    [
      'words ↑',
      () => page.getByRole('button', { name: 'Words' }).click(),
      {},
      { key: 'words', direction: 'ascending' },
    ],
    [
      'status new',
      () => page.getByRole('button', { name: 'New', exact: true }).click(),
      { status: ['new'] },
      { key: 'words', direction: 'ascending' },
    ],
    [
      'filters cleared',
      () => page.getByRole('button', { name: 'Clear filters' }).click(),
      {},
      { key: 'words', direction: 'ascending' },
    ],
  ];
  for (const [name, act, filter, sort] of steps) {
    const expected = await expectedRows(host, filter, sort);
    await act();
    await expect(rows, name).toHaveCount(expected.length);
    await expect.poll(() => shownRows(page), { message: name }).toEqual(expected);
  }
});

test('a library row shows a span and a status written by another process, and the same after a reload', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const rows = page.locator('.library__table tbody tr[data-article-id]');
  await expect(rows).toHaveCount(5);
  const [first] = (await callApi<LibraryPage>(host, 'queryLibrary', {})).rows;
  const row = page.locator(`.library__table tbody tr[data-article-id="${first!.id}"]`);
  await expect(row.locator('.library__col--annotations')).toHaveText(String(first!.annotationCount));

  // Another connection to the same database (a second window, a script): the host pushes
  // storeChanged and the library asks for its pages again; the memoised row must take the new one.
  const other = openWorkbench(host.databasePath);
  try {
    const text = other.articles.getText(first!.id);
    const quote = text.slice(0, text.indexOf(' '));
    other.annotations.create({ articleId: first!.id, labelKey: 'PER', start: 0, end: quote.length, quote });
    other.articles.setStatus(first!.id, 'done');
  } finally {
    other.close();
  }

  const stored = (await callApi<LibraryPage>(host, 'queryLibrary', {})).rows.find((found) => found.id === first!.id)!;
  expect(stored).toMatchObject({ annotationCount: first!.annotationCount + 1, status: 'done' });
  await expect(row.locator('.library__col--annotations')).toHaveText(String(stored.annotationCount));
  await expect(row.locator('.status')).toHaveClass('status status--done');
  expect(await shownRows(page)).toEqual(await expectedRows(host, {}, { key: 'imported', direction: 'ascending' }));

  await page.reload();
  await expect(row.locator('.library__col--annotations')).toHaveText(String(stored.annotationCount));
  await expect(row.locator('.status')).toHaveClass('status status--done');
});

test('concordance lines follow annotate-all and its undo, and a line scrolled to by the keyboard takes its tick', async ({
  page,
  host,
}) => {
  const expected = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'text', query: 'an ninh' } });
  expect(expected.hits.length).toBeGreaterThan(2);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Concordance', exact: true }).click();
  await page.getByLabel('Phrase to find in every article').fill('an ninh');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const list = page.getByRole('listbox', { name: 'Occurrences' });
  const lines = list.getByRole('option');
  await expect(lines.first()).toBeVisible();
  // The lines rendered (the list is virtualised), each by its hit's position in the API's answer.
  const labelsShown = () =>
    lines.evaluateAll((elements) =>
      elements.map((line): [number, string | null | undefined] => [
        Number(line.id.slice('hit-'.length)),
        line.querySelector('.kwic__labels')?.textContent,
      ]),
    );
  const labelsOf = (result: ConcordanceResult, shown: [number, string | null | undefined][]) =>
    shown.map(([index]) => [index, result.hits[index]!.labels.join('')]);

  await page.getByRole('combobox', { name: /^Label/ }).selectOption('RISK');
  await page.getByRole('button', { name: `Annotate ${expected.hits.length} occurrences` }).click();
  const review = page.getByRole('region', { name: 'What annotate all did' });
  await expect(review).toContainText(`Created ${expected.hits.length} RISK spans`);
  const annotated = await callApi<ConcordanceResult>(host, 'concordance', {
    query: { kind: 'text', query: 'an ninh' },
  });
  expect(annotated.hits.every((hit) => hit.labels.includes('RISK'))).toBe(true);
  await expect.poll(async () => (await labelsShown()).every(([, labels]) => labels?.includes('RISK'))).toBe(true);
  expect(await labelsShown()).toEqual(labelsOf(annotated, await labelsShown()));

  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  await expect(review).toContainText(`Undone: ${expected.hits.length} spans removed.`);
  await expect.poll(async () => (await labelsShown()).some(([, labels]) => labels?.includes('RISK'))).toBe(false);
  expect(await labelsShown()).toEqual(labelsOf(expected, await labelsShown()));

  // The keyboard moves the focus to the last line and unticks it; the other lines stay ticked.
  await list.focus();
  for (let step = 1; step < expected.hits.length; step++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  const last = list.locator(`#hit-${expected.hits.length - 1}`);
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-selected', 'false');
  await expect(list.locator(`#hit-${expected.hits.length - 2}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: `Annotate ${expected.hits.length - 1} occurrences` })).toBeVisible();
});
