/**
 * Issue 15, end to end: a colleague's package (built by the team fixture) imported through the
 * UI as her layer beside mine, the agreement table, three disagreements adjudicated by keyboard
 * (with undo and redo), the gold layer read back from the API after a reload, the layered
 * reader, and gold exported as JSONL through the export dialog's layer choice.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DisagreementList } from '../../shared/contract/adjudication';
import {
  buildTeamPackage,
  FIXTURE_ARTICLE_TITLE,
  FIXTURE_AUTHOR,
  mySpansChangeSet,
  type BuiltTeamPackage,
} from '../helpers/team-package';
import { expect, test } from './fixtures';
import { paintedTexts } from './reader-helpers';
import { articleIdByTitle, callApi } from './stored-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'adjudication');
mkdirSync(SCREENSHOTS, { recursive: true });

const ME = 'E2E tester';
const COLLEAGUE = FIXTURE_AUTHOR;

let pkg: BuiltTeamPackage;
test.beforeAll(async () => {
  pkg = await buildTeamPackage();
});
test.afterAll(() => pkg.dispose());

test('adjudication: a colleague’s package, the agreement table, three disagreements decided by keyboard, gold after a reload and in JSONL', async ({
  page,
  host,
}) => {
  // Five steps through four views on a shared machine: more than the default minute.
  test.setTimeout(180_000);
  // (1) My layer (the fixture's other side, through the API as the reader would store it), then
  // Bình's package imported through the UI.
  const articleId = await articleIdByTitle(host, FIXTURE_ARTICLE_TITLE);
  const { text } = await callApi<{ text: string }>(host, 'getArticle', { id: articleId });
  await callApi(host, 'applyChanges', mySpansChangeSet(articleId, text));
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import package…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import a colleague’s package' });
  await importing.getByLabel('Package file').setInputFiles(pkg.path);
  await importing.getByRole('button', { name: `Import ${COLLEAGUE}’s layer` }).click();
  await expect(importing.getByRole('status')).toContainText(`Imported ${COLLEAGUE}’s layer`);
  await importing.getByRole('button', { name: 'Close', exact: true }).first().click();

  // (2) The agreement table of the two layers, and from its article row into adjudication.
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const agreement = page.getByRole('region', { name: 'Agreement between annotators' });
  await agreement.getByRole('checkbox', { name: new RegExp(`^${ME}`) }).check();
  await agreement.getByRole('checkbox', { name: new RegExp(`^${COLLEAGUE}`) }).check();
  await agreement.getByRole('button', { name: 'Compute' }).click();
  const articles = agreement.getByRole('table', { name: 'Agreement per article' });
  const row = articles.getByRole('row', { name: /3 đề xuất/ });
  await expect(row.getByText('4 of 4 open')).toBeVisible();
  await row.getByRole('button', { name: 'Adjudicate' }).click();

  // (3) Three disagreements decided by keyboard, in text order; each moves on to the next open one.
  const view = page.getByRole('region', { name: 'Adjudication' });
  const remaining = view.getByTestId('adjudication-remaining');
  const current = view.getByRole('article');
  await expect(remaining).toContainText('4 of 4 disagreements remain');
  await expect(current.getByRole('heading')).toContainText('Disagreement 1 of 4');
  await expect(current.getByRole('figure').first()).toContainText(ME);
  await expect(current.getByRole('figure').nth(1)).toContainText(COLLEAGUE);
  await page.screenshot({ path: join(SCREENSHOTS, 'adjudication-view.png'), fullPage: true });
  await expect(current.getByRole('figure').nth(1)).toContainText('Thứ trưởng Bộ Công an');
  await page.keyboard.press('m'); // Thứ trưởng (boundaries): accept mine
  await expect(remaining).toContainText('3 of 4 disagreements remain');
  await expect(current.getByRole('heading')).toContainText('Disagreement 2 of 4');
  await expect(current).toContainText('Bộ Ngoại giao');
  await page.keyboard.press('t'); // Bộ Ngoại giao (ORG / LOC): accept theirs
  await expect(remaining).toContainText('2 of 4 disagreements remain');
  await expect(current).toContainText('Phạm Minh Chính');
  await page.keyboard.press('x'); // Phạm Minh Chính: reject both
  await expect(remaining).toContainText('1 of 4 disagreements remain');
  await expect(current.getByRole('heading')).toContainText('Disagreement 4 of 4');

  // Ctrl+Z takes the last decision back (and goes to it); Ctrl+Shift+Z makes it again.
  await page.keyboard.press('Control+z');
  await expect(remaining).toContainText('2 of 4 disagreements remain');
  await expect(current.getByRole('heading')).toContainText('Disagreement 3 of 4');
  await page.keyboard.press('Control+Shift+z');
  await expect(remaining).toContainText('1 of 4 disagreements remain');
  await expect(current.getByTestId('adjudication-decided')).toContainText('rejected both');

  // E opens the editor on the last one; Escape leaves it undecided.
  await page.keyboard.press('j');
  await expect(current.getByRole('heading')).toContainText('Disagreement 4 of 4');
  await page.keyboard.press('e');
  await expect(current.getByRole('group', { name: 'Edited version:' })).toBeVisible();
  await expect(current.locator('.adjudication__edited')).toHaveText('Bùi Thanh Sơn');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(current.locator('.adjudication__edited')).toHaveText('Thanh Sơn');
  await page.screenshot({ path: join(SCREENSHOTS, 'adjudication-edit.png'), fullPage: true });
  await page.keyboard.press('Escape');
  await expect(remaining).toContainText('1 of 4 disagreements remain');

  // (4) After a reload the decisions and the gold layer are still there: asked of the API.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Adjudication' }).getByTestId('adjudication-remaining')).toContainText(
    '1 of 4 disagreements remain',
  );
  const stored = await callApi<DisagreementList>(host, 'listDisagreements', {
    articleId,
    layers: { mine: ME, theirs: COLLEAGUE },
  });
  expect(stored.disagreements.map((d) => d.decision)).toEqual(['mine', 'theirs', 'rejected', null]);
  const spans = await callApi<{ author: string; labelKey: string; quote: string }[]>(host, 'listAnnotations', {
    articleId,
  });
  expect(
    spans
      .filter((span) => span.author === 'gold')
      .map((span) => `${span.labelKey} ${span.quote}`)
      .sort(),
  ).toEqual(['LOC Bộ Ngoại giao', 'TITLE Thứ trưởng']);

  // The layered reader: mine and Bình's compared, the three kinds painted, the legend beside.
  await view.getByRole('button', { name: 'Open in the reader' }).click();
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers.getByRole('combobox')).toHaveValue(`compare:${COLLEAGUE}`);
  await expect(layers.getByTestId('layer-remaining')).toHaveText('Disagreements left to adjudicate: 1');
  await expect
    .poll(async () => {
      const painted = await paintedTexts(page);
      return [painted['m-diff-mine'], painted['m-diff-theirs'], painted['m-diff-both']];
    })
    .toEqual([['Phạm Minh Chính'], ['Bùi Thanh Sơn'], ['Thứ trưởng Bộ Công an', 'Bộ Ngoại giao']]);
  await page.screenshot({ path: join(SCREENSHOTS, 'layered-reader.png') });
  // Gold alone: its two spans, read-only.
  await layers.getByRole('combobox').selectOption('gold');
  await expect
    .poll(async () =>
      Object.entries(await paintedTexts(page))
        .filter(([name]) => /^m-[A-Z_]+-\d$/.test(name)) // the span painter's label highlights
        .flatMap(([, texts]) => texts)
        .sort(),
    )
    .toEqual(['Bộ Ngoại giao', 'Thứ trưởng']);
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-gold-layer.png') });

  // The agreement view lists gold as an author, so agreement with gold is reported per author.
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  // The page was reloaded since the first report: the choices start empty again.
  for (const author of [ME, COLLEAGUE, 'gold']) {
    await agreement.getByRole('checkbox', { name: new RegExp(`^${author}`) }).check();
  }
  await agreement.getByRole('button', { name: 'Compute' }).click();
  const withGold = agreement.getByRole('table', { name: 'Agreement with gold, per annotator' });
  await expect(withGold.getByRole('row', { name: new RegExp(`^${ME}`) })).toBeVisible();
  await expect(withGold.getByRole('row', { name: new RegExp(`^${COLLEAGUE}`) })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'agreement-with-gold.png'), fullPage: true });

  // (5) Gold as JSONL, through the export dialog's layer choice.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: 'Only these authors' }).check();
  await dialog.getByRole('checkbox', { name: /^Gold/ }).check();
  await dialog.getByRole('radio', { name: /^JSONL / }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const path = join(host.dir, 'gold.jsonl');
  await (await downloading).saveAs(path);
  const records = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { spans: { label: string; text: string; author: string }[] });
  expect(records).toHaveLength(1);
  expect(records[0]!.spans.map((span) => `${span.author} ${span.label} ${span.text}`).sort()).toEqual([
    'gold LOC Bộ Ngoại giao',
    'gold TITLE Thứ trưởng',
  ]);
});
