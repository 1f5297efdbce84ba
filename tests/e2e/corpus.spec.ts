import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HistoryState } from '../../shared/contract';
import type { AnnotateAllResult, ConcordanceResult, Dashboard } from '../../shared/contract/corpus';
import type { LibraryPage } from '../../shared/corpus/library-query';
import { findOccurrences, parsePhraseQuery } from '../../shared/search/concordance';
import { canonicalize } from '../../shared/text/canonical';
import { expect, test } from './fixtures';
import { openSeed, paintedTexts } from './reader-helpers';
import { callApi } from './stored-state';
import type { RunningHost } from './fixtures';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'corpus');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Stored RISK spans in the whole library, read from the API (the library's counts come from SQLite). */
async function storedSpanCount(host: RunningHost, labelKey: string): Promise<number> {
  const result = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'spans', labelKey } });
  return result.hits.length;
}

async function annotateAllAsRisk(page: Page, phrase: string): Promise<void> {
  await page.getByRole('button', { name: 'Concordance', exact: true }).click();
  await page.getByLabel('Phrase to find in every article').fill(phrase);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

test('concordance: "an ninh mạng" annotated as RISK in one step, undone and redone; the count survives a reload', async ({
  page,
  host,
}) => {
  const expected = await callApi<ConcordanceResult>(host, 'concordance', {
    query: { kind: 'text', query: 'an ninh mạng' },
  });
  expect(expected.hits.length).toBeGreaterThan(1);
  await page.goto(host.url);
  await annotateAllAsRisk(page, 'an ninh mạng');
  const lines = page.getByRole('listbox', { name: 'Occurrences' }).getByRole('option');
  await expect(page.locator('.concordance__summary')).toHaveText(
    `${expected.hits.length} occurrences in ${expected.articleCount} articles`,
  );
  await expect(lines.first()).toContainText('an ninh mạng', { ignoreCase: true });

  // Untick the first line from the keyboard, tick it again, then annotate them all.
  await page.getByRole('listbox', { name: 'Occurrences' }).focus();
  await page.keyboard.press('Space');
  await expect(lines.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Space');
  await page.getByRole('combobox', { name: /^Label/ }).selectOption('RISK');
  await page.getByRole('button', { name: `Annotate ${expected.hits.length} occurrences` }).click();
  const review = page.getByRole('region', { name: 'What annotate all did' });
  await expect(review).toContainText(
    `Created ${expected.hits.length} RISK spans in ${expected.articleCount} articles.`,
  );
  await expect(lines.first().locator('.kwic__labels')).toContainText('RISK');
  expect(await storedSpanCount(host, 'RISK')).toBe(expected.hits.length);
  await page.screenshot({ path: join(SCREENSHOTS, 'concordance.png') });

  // The set is the corpus-wide history's newest step (its spans are in several articles).
  const corpusHistory = () => callApi<HistoryState>(host, 'getHistoryState', { articleId: null });
  const description = `Annotate all “an ninh mạng” as RISK (${expected.hits.length})`;
  expect(await corpusHistory()).toMatchObject({ canUndo: true, undoDescription: description });

  // One undo takes back every span; redo makes them again, through that history.
  await page.keyboard.press('Control+z');
  await expect(review).toContainText(`Undone: ${expected.hits.length} spans removed.`);
  await expect.poll(() => storedSpanCount(host, 'RISK')).toBe(0);
  expect(await corpusHistory()).toMatchObject({ canUndo: false, canRedo: true, redoDescription: description });
  await page.keyboard.press('Control+Shift+z');
  await expect(review).toContainText(`Created ${expected.hits.length} RISK spans`);
  await expect.poll(() => storedSpanCount(host, 'RISK')).toBe(expected.hits.length);
  expect(await corpusHistory()).toMatchObject({ canUndo: true, canRedo: false, undoDescription: description });

  // A second run skips the identical spans and writes nothing.
  await page.getByRole('button', { name: `Annotate ${expected.hits.length} occurrences` }).click();
  await expect(review).toContainText(`Skipped: ${expected.hits.length} already there`);
  expect(await storedSpanCount(host, 'RISK')).toBe(expected.hits.length);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Concordance' })).toBeVisible();
  expect(await storedSpanCount(host, 'RISK')).toBe(expected.hits.length);
});

test('library: filtering by label and by a partial date range shows the matching articles', async ({ page, host }) => {
  const hits = await callApi<ConcordanceResult>(host, 'concordance', {
    query: { kind: 'text', query: 'an ninh mạng' },
  });
  await callApi(host, 'annotateAll', {
    labelKey: 'RISK',
    query: 'an ninh mạng',
    hits: hits.hits.map(({ articleId, startU16, endU16 }) => ({ articleId, startU16, endU16 })),
  });
  const withRisk = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { labels: ['RISK'] } });
  const riskUndated = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { labels: ['RISK'], undated: true } });
  const inRange = await callApi<LibraryPage>(host, 'queryLibrary', {
    filter: { published: { from: '2019', to: '2022' } },
  });
  expect(withRisk.total).toBe(hits.articleCount);
  expect(inRange.total).toBeGreaterThan(0);

  await page.goto(host.url);
  const rows = page.locator('.library__table tbody tr[data-article-id]');
  const shownIds = () =>
    rows.evaluateAll((elements) =>
      elements.map((element) => Number((element as HTMLElement).dataset.articleId)).sort(),
    );
  await expect(rows).toHaveCount(5);
  await page.getByLabel('Has label').selectOption('RISK');
  await expect(rows).toHaveCount(withRisk.total);
  await expect(page.locator('.library__count')).toHaveText(`${withRisk.total} of 5 articles`);
  await page.getByLabel('No publication year').check();
  await expect(rows).toHaveCount(riskUndated.total);
  expect(await shownIds()).toEqual(riskUndated.rows.map((row) => row.id).sort());

  // A partial date range, without the label: 2019 to the end of 2022.
  await page.getByLabel('Has label').selectOption('');
  await page.getByLabel('No publication year').uncheck();
  await page.getByLabel('From').fill('2019');
  await page.getByLabel('to', { exact: true }).fill('2022');
  await page.getByLabel('to', { exact: true }).press('Enter');
  await expect(rows).toHaveCount(inRange.total);
  expect(await shownIds()).toEqual(inRange.rows.map((row) => row.id).sort());
  // A malformed date is named, and does not filter.
  await page.getByLabel('From').fill('2019-13');
  await expect(page.getByRole('alert')).toContainText('A date is a year, a month or a day');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const found = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { text: 'an ninh mang' } });
  await page.getByLabel('Search articles').fill('an ninh mang');
  await expect(rows).toHaveCount(found.total);
  await expect(page.locator('.library__table .snippet mark').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'library.png') });

  // Sorting by title asks SQLite and repaints in Vietnamese order.
  await page.getByLabel('Search articles').fill('');
  await expect(rows).toHaveCount(5);
  await page.getByRole('button', { name: 'Title' }).click();
  const sorted = await callApi<LibraryPage>(host, 'queryLibrary', { sort: { key: 'title', direction: 'ascending' } });
  await expect(page.locator('.library__table tbody tr[data-article-id] .library__title > button')).toHaveText(
    sorted.rows.map((row) => row.displayTitle),
  );
});

test('dashboard: a bar opens the concordance of the spans behind it', async ({ page, host }) => {
  const hits = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'text', query: 'an ninh' } });
  await callApi(host, 'annotateAll', {
    labelKey: 'RISK',
    query: 'an ninh',
    hits: hits.hits.map(({ articleId, startU16, endU16 }) => ({ articleId, startU16, endU16 })),
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Spans by author' })).toBeVisible();
  await expect(page.locator('.dashboard__header')).toContainText(`${hits.hits.length} spans`);
  const chart = page.locator('[data-chart="progress-author"] .chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });

  // The author chart has one bar (every span is by this profile): find it by the pointer cursor.
  const box = (await chart.boundingBox())!;
  let clicked = false;
  for (let x = 0.15; x < 0.95 && !clicked; x += 0.05) {
    const point = { x: box.x + box.width * x, y: box.y + box.height / 2 };
    await page.mouse.move(point.x, point.y);
    const cursor = await chart.evaluate((element) => getComputedStyle(element.firstElementChild!).cursor);
    if (cursor === 'pointer') {
      await page.mouse.click(point.x, point.y);
      clicked = true;
    }
  }
  expect(clicked).toBe(true);
  await expect(page.getByRole('heading', { name: 'Concordance' })).toBeVisible();
  await expect(page.locator('.concordance__caption')).toHaveText(/^Spans by /);
  await expect(page.locator('.concordance__summary')).toHaveText(
    `${hits.hits.length} occurrences in ${hits.articleCount} articles`,
  );
  await expect(
    page.getByRole('listbox', { name: 'Occurrences' }).getByRole('option').first().locator('.kwic__labels'),
  ).toContainText('RISK');

  // Live: a change applied elsewhere updates the dashboard without a reload.
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.locator('.dashboard__header')).toContainText(`${hits.hits.length} spans`);
  const first = hits.hits[0]!;
  const stored = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'spans', labelKey: 'RISK' } });
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      { kind: 'annotation.delete', id: stored.hits.find((hit) => hit.articleId === first.articleId)!.annotationId },
    ],
  });
  await expect(page.locator('.dashboard__header')).toContainText(`${hits.hits.length - 1} spans`);
});

test('Ctrl+F finds in the open article with the concordance rules, highlights every hit and steps with Enter', async ({
  page,
  host,
}) => {
  const text = canonicalize(
    readFileSync(join(__dirname, '..', '..', 'seeds', '002_092580baaaa6c308.txt'), 'utf8'),
  ).text;
  const expected = findOccurrences(text, parsePhraseQuery('bo cong an')).map((hit) =>
    text.slice(hit.startU16, hit.endU16),
  );
  expect(expected.length).toBeGreaterThan(1);
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await page.getByLabel('Article text').focus();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Find in the article' });
  await expect(field).toBeFocused();
  await field.fill('bo cong an');
  const count = page.locator('.reader__find-count');
  await expect(count).toHaveText(`1 of ${expected.length}`);
  // A highlight of its own: every hit near the viewport, and the one shown.
  const painted = await paintedTexts(page);
  expect(painted['m-find-current']).toEqual([expected[0]]);
  expect(painted['m-find']?.length).toBeGreaterThan(0);
  for (const hit of painted['m-find'] ?? []) expect(expected).toContain(hit);
  await page.screenshot({ path: join(SCREENSHOTS, 'find-in-article.png') });

  await field.press('Enter');
  await expect(count).toHaveText(`2 of ${expected.length}`);
  expect((await paintedTexts(page))['m-find-current']).toEqual([expected[1]]);
  await field.press('Shift+Enter');
  await expect(count).toHaveText(`1 of ${expected.length}`);
  // Accents typed must match: "bộ công an" finds the same, "bổ công an" nothing.
  await field.fill('bổ công an');
  await expect(count).toHaveText('Not found');
  await field.press('Escape');
  await expect(field).toBeHidden();
  expect((await paintedTexts(page))['m-find']).toBeUndefined();
});

test('library: the entity page shows its articles, combined with an attribute value filter; the list matches the API', async ({
  page,
  host,
}) => {
  const annotate = async (labelKey: string, query: string) => {
    const hits = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'text', query } });
    return callApi<AnnotateAllResult>(host, 'annotateAll', {
      labelKey,
      query,
      hits: hits.hits.map(({ articleId, startU16, endU16 }) => ({ articleId, startU16, endU16 })),
    });
  };
  const risks = await annotate('RISK', 'an ninh mạng');
  const people = await annotate('PER', 'Tô Lâm');
  // Severity high on the risks of the first two articles that have one.
  const riskArticles = [...new Set(risks.created.map((span) => span.articleId))];
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: risks.created
      .filter((span) => riskArticles.slice(0, 2).includes(span.articleId))
      .map((span) => ({ kind: 'annotation.update', id: span.id, patch: { attributes: { severity: 'high' } } })),
  });
  // One entity for every "Tô Lâm" span.
  const linked = await callApi<{ createdIds: Record<string, number> }>(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      { kind: 'entity.create', ref: 'e', entity: { name: 'Tô Lâm', typeLabelKey: 'PER' } },
      ...people.created.map((span) => ({ kind: 'entityLink.set', annotationId: span.id, entityRef: 'e' })),
    ],
  });
  const entityId = linked.createdIds.e;
  const attribute = { label: 'RISK', key: 'severity', value: 'high' };
  const byEntity = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { entity: entityId } });
  const byAttribute = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { attribute } });
  const both = await callApi<LibraryPage>(host, 'queryLibrary', { filter: { entity: entityId, attribute } });
  // The seeds make the combination narrower than either filter alone.
  expect(byEntity.total).toBe(new Set(people.created.map((span) => span.articleId)).size);
  expect(byAttribute.total).toBe(2);
  expect(both.total).toBeGreaterThan(0);
  expect(both.total).toBeLessThan(Math.min(byEntity.total, byAttribute.total));

  await page.goto(`${host.url}#/entity/${entityId}`);
  await page.getByRole('button', { name: 'Show its articles in the library' }).click();
  const rows = page.locator('.library__table tbody tr[data-article-id]');
  const shownIds = () =>
    rows.evaluateAll((elements) =>
      elements.map((element) => Number((element as HTMLElement).dataset.articleId)).sort(),
    );
  await expect(page.getByText('Mentions Tô Lâm')).toBeVisible();
  await expect(rows).toHaveCount(byEntity.total);
  expect(await shownIds()).toEqual(byEntity.rows.map((row) => row.id).sort());
  await page.getByLabel('Attribute', { exact: true }).selectOption({ label: 'Risk › Severity' });
  await page.getByLabel('Value of the attribute').selectOption('high');
  await expect(rows).toHaveCount(both.total);
  expect(await shownIds()).toEqual(both.rows.map((row) => row.id).sort());
  await page.screenshot({ path: join(SCREENSHOTS, 'library-entity-attribute.png') });
  // Removing the entity chip leaves the attribute filter.
  await page.getByRole('button', { name: 'Remove the entity filter' }).click();
  await expect(rows).toHaveCount(byAttribute.total);
});

test('concordance: "mạng" looked for within the quotes of RISK spans lists only the covered occurrences', async ({
  page,
  host,
}) => {
  const hits = await callApi<ConcordanceResult>(host, 'concordance', {
    query: { kind: 'text', query: 'an ninh mạng' },
  });
  await callApi(host, 'annotateAll', {
    labelKey: 'RISK',
    query: 'an ninh mạng',
    hits: hits.hits.map(({ articleId, startU16, endU16 }) => ({ articleId, startU16, endU16 })),
  });
  const everywhere = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'text', query: 'mạng' } });
  const inRisks = await callApi<ConcordanceResult>(host, 'concordance', {
    query: { kind: 'quotes', query: 'mạng', labelKey: 'RISK' },
  });
  expect(inRisks.hits.length).toBe(hits.hits.length);
  expect(everywhere.hits.length).toBeGreaterThan(inRisks.hits.length);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Concordance', exact: true }).click();
  await page.getByLabel('Look in').selectOption('quotes');
  await page.getByLabel('Spans of label').selectOption('RISK');
  await page.getByLabel('Phrase to find in every article').fill('mạng');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.locator('.concordance__summary')).toHaveText(
    `${inRisks.hits.length} occurrences in ${inRisks.articleCount} articles`,
  );
  await expect(page.locator('.kwic__match')).toHaveText(inRisks.hits.map(() => 'mạng'));
});

test('dashboard: label pairs per sentence beside per article, from the stored counters', async ({ page, host }) => {
  for (const [labelKey, query] of [
    ['RISK', 'an ninh'],
    ['LOC', 'Việt Nam'],
  ] as const) {
    const hits = await callApi<ConcordanceResult>(host, 'concordance', { query: { kind: 'text', query } });
    await callApi(host, 'annotateAll', {
      labelKey,
      query,
      hits: hits.hits.map(({ articleId, startU16, endU16 }) => ({ articleId, startU16, endU16 })),
    });
  }
  const dashboard = await callApi<Dashboard>(host, 'corpusDashboard', {});
  const pair = dashboard.coOccurrence.find((row) => row.a === 'LOC' && row.b === 'RISK')!;
  // Sentences sharing both outnumber the articles, but not every sentence of those articles has both.
  expect(pair.sentences).toBeGreaterThan(pair.articles);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Labels found in the same article (articles)' })).toBeVisible();
  await page.getByLabel('Count label pairs by').selectOption('sentence');
  await expect(page.getByRole('heading', { name: 'Labels found in the same sentence (sentences)' })).toBeVisible();
  const card = page.locator('[data-chart="label-pairs-sentences"]');
  await expect(card.locator('canvas').first()).toBeVisible();
  await card.screenshot({ path: join(SCREENSHOTS, 'dashboard-sentence-pairs.png') });
  // The CSV behind it carries both counts.
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(`LOC,RISK,${pair.articles},${pair.sentences}`);
});
