import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { AgreementReport } from '../../shared/contract/agreement';
import type { Article } from '../../shared/domain/schemas';
import { syllableTokens } from '../../shared/text/syllables';
import { seriousViolations } from './axe';
import { expect, test, type RunningHost } from './fixtures';
import { callApi } from './stored-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'agreement');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Spans on whole syllable tokens: [label, first token, last token]. */
type TokenSpan = [labelKey: string, first: number, last: number];

/** One author's layer of an article, written as a colleague's merged spans would be. */
async function layer(host: RunningHost, article: Article, author: string, spans: TokenSpan[]): Promise<void> {
  const tokens = syllableTokens(article.text);
  await callApi(host, 'applyChanges', {
    origin: 'merge',
    author,
    changes: spans.map(([labelKey, first, last], index) => {
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      return {
        kind: 'annotation.create',
        ref: `s${index}`,
        annotation: { articleId: article.id, labelKey, start, end, quote: article.text.slice(start, end) },
      };
    }),
  });
}

const three = (value: number | null) => (value === null ? '—' : (Math.round(value * 1000) / 1000 || 0).toFixed(3));

test('agreement: two annotators’ spans compared per label and per article, by keyboard; the CSV holds the same figures', async ({
  page,
  host,
}) => {
  const listed = await callApi<{ id: number }[]>(host, 'listArticles');
  const [first, second] = await Promise.all(
    listed.slice(0, 2).map((article) => callApi<Article>(host, 'getArticle', { id: article.id })),
  );
  await layer(host, first!, 'Lan', [
    ['PER', 2, 3],
    ['ORG', 8, 10],
    ['RISK', 14, 18],
    ['LOC', 25, 26],
  ]);
  await layer(host, first!, 'Minh', [
    ['PER', 2, 3],
    ['ORG', 8, 9],
    ['RISK', 14, 18],
    ['PER', 30, 31],
  ]);
  await layer(host, second!, 'Lan', [
    ['PROPOSAL', 4, 9],
    ['PER', 12, 13],
  ]);
  await layer(host, second!, 'Minh', [
    ['PROPOSAL', 5, 9],
    ['PER', 12, 13],
  ]);
  // What is stored, asked of the API: the page must show exactly this.
  const stored = await callApi<AgreementReport>(host, 'agreement', { authors: ['Lan', 'Minh'] });
  expect(stored.articles).toHaveLength(2);
  expect(stored.overall.spans).toEqual([6, 6]);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const view = page.getByRole('region', { name: 'Agreement between annotators' });
  await expect(view.getByRole('heading', { name: 'Agreement', exact: true })).toBeVisible();
  await expect(view.getByRole('button', { name: 'Compute' })).toBeDisabled();

  // Keyboard only: tick both annotators with Space, then submit with Enter.
  await view.getByRole('checkbox', { name: /^Lan/ }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(view.getByRole('checkbox', { name: /^Minh/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(view.getByRole('button', { name: 'Compute' })).toBeEnabled();
  await page.keyboard.press('Enter');

  const labels = view.getByRole('table', { name: 'Agreement per label' });
  await expect(labels).toBeVisible();
  await expect(view.getByText('2 articles ·')).toBeVisible();
  const rowCells = async (name: string | RegExp) =>
    labels.getByRole('row', { name }).getByRole('cell').allTextContents();
  const expectedCells = (figures: AgreementReport['overall']) => [
    figures.spans.join(' / '),
    three(figures.f1Exact),
    three(figures.f1Overlap),
    three(figures.cohenKappa),
    three(figures.fleissKappa),
    three(figures.alphaU),
  ];
  expect(await rowCells(/^All labels/)).toEqual(expectedCells(stored.overall));
  const per = stored.labels.find((row) => row.labelKey === 'PER')!;
  expect(per).toMatchObject({ spans: [2, 3], f1Exact: 0.8, f1Overlap: 0.8 });
  expect(await rowCells(/^PER /)).toEqual(expectedCells(per));
  expect(await rowCells(/^RISK /)).toEqual(expectedCells(stored.labels.find((row) => row.labelKey === 'RISK')!));
  await expect(view.getByRole('table', { name: 'Agreement per article' }).getByRole('row')).toHaveCount(3);
  await expect(view.getByRole('term')).toHaveText(['F1 exact', 'F1 overlap', 'Cohen’s κ', 'Fleiss’ κ', 'α_U']);

  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'agreement.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'CSV per label' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('agreement-labels.csv');
  const rows = parse(readFileSync((await download.path()) as string, 'utf8'), {
    bom: true,
    relaxQuotes: false,
  }) as string[][];
  expect(rows[0]).toEqual([
    'label',
    'label_name',
    'spans: Lan',
    'spans: Minh',
    'f1_exact',
    'f1_overlap',
    'cohen_kappa',
    'fleiss_kappa',
    'alpha_u',
  ]);
  const csvNumber = (value: number | null) => (value === null ? '' : String(Math.round(value * 1e4) / 1e4));
  expect(rows[1]).toEqual([
    '(overall)',
    '',
    '6',
    '6',
    csvNumber(stored.overall.f1Exact),
    csvNumber(stored.overall.f1Overlap),
    csvNumber(stored.overall.cohenKappa),
    csvNumber(stored.overall.fleissKappa),
    csvNumber(stored.overall.alphaU),
  ]);
  expect(rows.slice(1).map((row) => row[0])).toEqual(['(overall)', ...stored.labels.map((row) => row.labelKey)]);

  // In Vietnamese the view and its explanations follow the language.
  await page.getByRole('button', { name: /Language/ }).click();
  await expect(page.getByRole('heading', { name: 'Đồng thuận', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Đồng thuận theo nhãn' })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'agreement-vi.png'), fullPage: true });
});
