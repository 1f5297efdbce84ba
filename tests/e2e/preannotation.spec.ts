/**
 * Pre-annotating a batch (issue 14): the suggesters run over the seed corpus as a job with
 * progress; the suggestions are stored for review (read back through the API with every live
 * source switched off), nothing is tagged, and an article from the result opens in the reader
 * with its stored suggestions listed.
 */
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { callApi } from './stored-state';

test('suggest in batch over every seed: stored for review, nothing tagged, the top article opens with its suggestions', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Suggest in batch…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Suggest in batch' });
  await dialog.getByRole('radio', { name: /^All articles \(5\)/ }).check();
  await dialog.getByRole('button', { name: 'Find suggestions' }).click();
  await expect(dialog.getByText(/^Done: [\d,]+ suggestions stored in \d of 5 articles\.$/)).toBeVisible();
  const topArticles = dialog.getByRole('listitem');
  await expect(topArticles.first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/assist/preannotate-done.png' });

  // Stored, not applied: with every live source off, the stored suggestions are still listed, and no span exists.
  await callApi(host, 'setAssistSources', { gazetteer: false, learned: false, pattern: false });
  const library = await callApi<{ rows: { id: number; displayTitle: string; annotationCount: number }[] }>(
    host,
    'queryLibrary',
    {},
  );
  expect(library.rows.map((row) => row.annotationCount)).toEqual([0, 0, 0, 0, 0]);
  const topTitle = (await topArticles.first().getByRole('button').textContent()) ?? '';
  const top = library.rows.find((row) => row.displayTitle === topTitle)!;
  const stored = await callApi<{ suggestions: unknown[]; total: number }>(host, 'getSuggestions', {
    articleId: top.id,
  });
  expect(stored.total).toBeGreaterThan(5);

  // The top article opens from the result, its stored suggestions listed in the reader.
  await topArticles.first().getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: topTitle })).toBeVisible();
  await expect(page.locator('.suggestions__hint')).toContainText(`${stored.total} suggestions`);
});
