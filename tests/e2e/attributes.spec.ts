/**
 * Issue 11, parts 3 and 4, through the browser host: typed attributes set by keyboard and
 * document fields filled in the reader, each read back from the store and after a reload.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type RunningHost } from './fixtures';
import { dragAcross, openSeedArticle } from './reader-helpers';
import { callApi } from './stored-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'attributes');
const SEED_TITLE = '3 đề xuất của Bộ Công an';
const RISK_QUOTE = 'giảm thiểu nguy cơ thách thức';

interface StoredAnnotation {
  labelKey: string;
  quote: string;
  note: string;
  attributes?: Record<string, unknown>;
}

/**
 * Holds the page's next write (`applyChanges`) until the returned function is called: the create
 * answers late, as on a loaded machine.
 */
async function holdNextWrite(page: Page): Promise<() => void> {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route(
    '**/api/applyChanges',
    async (route) => {
      await answered;
      await route.continue();
    },
    { times: 1 },
  );
  return answer;
}

const storedRisk = async (host: RunningHost, articleId: number) =>
  (await callApi<StoredAnnotation[]>(host, 'listAnnotations', { articleId })).find((a) => a.labelKey === 'RISK');

test('(3) a severity is set on a RISK by keyboard: A, then H; undo and redo; it survives a reload', async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await dragAcross(page, RISK_QUOTE);
  await page.keyboard.press('1');
  const panel = page.getByRole('region', { name: 'Selected span', exact: true });
  const severity = panel.getByRole('group', { name: 'Severity' });
  await expect(severity).toBeVisible();
  // Required and unset: shown as missing.
  await expect(panel.getByText('1 required attribute missing')).toBeVisible();

  await page.keyboard.press('a');
  await expect(severity.locator('kbd')).toHaveText(['l', 'm', 'h']);
  await page.keyboard.press('h');
  await expect(severity.getByRole('button', { name: /High/ })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await storedRisk(host, articleId))?.attributes).toEqual({ severity: 'high' });

  // The next attribute by A A, then a multi-valued one toggles: domain = cyber.
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await storedRisk(host, articleId))?.attributes)
    .toEqual({ severity: 'high', domain: ['cyber'] });

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedRisk(host, articleId))?.attributes).toEqual({ severity: 'high' });
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(async () => (await storedRisk(host, articleId))?.attributes)
    .toEqual({ severity: 'high', domain: ['cyber'] });

  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await page.locator('.spans__quote', { hasText: RISK_QUOTE }).click();
  await expect(severity.getByRole('button', { name: /High/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('group', { name: 'Domain' }).getByRole('button', { name: 'Cyber' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(panel.getByText(/required attribute missing/)).toHaveCount(0);
  await panel.getByLabel('Time reference').getByRole('button', { name: 'Future' }).click();
  await expect
    .poll(async () => (await storedRisk(host, articleId))?.attributes)
    .toEqual({ severity: 'high', domain: ['cyber'], time_ref: 'future' });
  await page.keyboard.press('a');
  await panel.screenshot({ path: join(SCREENSHOTS, 'span-panel-risk.png') });
  // The whole reader: the panel beside the relations and suggestions of the merged sidebar.
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-risk-attributes.png') });
});

test("the attribute keys turned off when the new span's create was confirmed after A: they stay on for that span", async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  // The create answers late, as on a loaded machine (CI lost the A press this way): A comes first.
  const answer = await holdNextWrite(page);
  await dragAcross(page, RISK_QUOTE);
  await page.keyboard.press('1');
  const severity = page
    .getByRole('region', { name: 'Selected span', exact: true })
    .getByRole('group', { name: 'Severity' });
  await expect(severity).toBeVisible();
  await page.keyboard.press('a');
  await expect(severity.locator('kbd')).toHaveText(['l', 'm', 'h']);
  answer();
  await expect.poll(async () => (await storedRisk(host, articleId))?.quote).toBe(RISK_QUOTE);
  await expect(severity.locator('kbd')).toHaveText(['l', 'm', 'h']);
  await page.keyboard.press('h');
  await expect.poll(async () => (await storedRisk(host, articleId))?.attributes).toEqual({ severity: 'high' });
});

test("a value and a note typed in the new span's panel before its create was confirmed were dropped by the confirmation: they are kept and saved", async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  // The create answers late, as on a loaded machine (CI lost a typed value this way).
  const answer = await holdNextWrite(page);
  await dragAcross(page, RISK_QUOTE);
  await page.keyboard.press('1');
  const panel = page.getByRole('region', { name: 'Selected span', exact: true });
  const timeRef = panel.getByRole('group', { name: 'Time reference' });
  await expect(timeRef).toBeVisible();
  await panel.getByRole('textbox', { name: 'Note' }).fill('nguy cơ chính');
  answer();
  await expect.poll(async () => (await storedRisk(host, articleId))?.quote).toBe(RISK_QUOTE);
  await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue('nguy cơ chính');
  await panel.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
  await expect.poll(async () => (await storedRisk(host, articleId))?.note).toBe('nguy cơ chính');
});

test('(4) a document field is filled in the reader, undone and redone, and the library filters by it', async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  const fields = page.getByRole('region', { name: 'Document fields' });
  await fields.getByRole('group', { name: 'Document type' }).getByRole('button', { name: 'Speech' }).click();
  await fields.getByRole('group', { name: 'Topics' }).getByRole('button', { name: 'Diplomacy' }).click();
  await fields.getByRole('group', { name: 'Topics' }).getByRole('button', { name: 'Security' }).click();
  await fields.getByLabel('Analyst summary').fill('Bộ Công an đề xuất ba hướng hợp tác quốc tế.');
  await fields.getByLabel('Country focus').click();
  await fields.getByLabel('Country focus').fill('Việt Nam');
  await page.getByLabel('Article text').click();
  const storedFields = async () =>
    (await callApi<{ fields: Record<string, unknown> }>(host, 'openArticle', { id: articleId })).fields;
  await expect.poll(storedFields).toEqual({
    doc_type: 'speech',
    topics: ['diplomacy', 'security'],
    summary: 'Bộ Công an đề xuất ba hướng hợp tác quốc tế.',
    country_focus: 'Việt Nam',
  });

  // The country was the last step: undo clears it, redo brings it back (the article's own stack).
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedFields()).country_focus).toBeUndefined();
  await expect(fields.getByLabel('Country focus')).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await storedFields()).country_focus).toBe('Việt Nam');

  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await expect(
    fields.getByRole('group', { name: 'Document type' }).getByRole('button', { name: 'Speech' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(fields.getByLabel('Analyst summary')).toHaveValue('Bộ Công an đề xuất ba hướng hợp tác quốc tế.');
  await page.locator('.reader__header').screenshot({ path: join(SCREENSHOTS, 'fields-header.png') });

  await page.getByRole('button', { name: '← Library' }).click();
  const rows = page.locator('.library__table tbody tr');
  await expect(rows).toHaveCount(5);
  const filter = page.getByRole('group', { name: 'Filter by document field' });
  await filter.getByLabel('Field', { exact: true }).selectOption({ label: 'Document type' });
  await filter.getByLabel('Value of the document field').selectOption({ label: 'Speech' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('3 đề xuất của Bộ Công an');
  await filter.getByLabel('Value of the document field').selectOption({ label: 'News' });
  await expect(rows).toHaveCount(0);
  await filter.getByLabel('Field', { exact: true }).selectOption({ label: 'Analyst summary' });
  await filter.getByLabel('Value of the document field').fill('hợp tác');
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'library-filter.png') });
});

test('bad input: a number out of range is refused with the attribute named, and nothing is stored', async ({
  page,
  host,
}) => {
  const articleId = await openSeedArticle(page, host, SEED_TITLE);
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      {
        kind: 'attributeDef.create',
        def: {
          labelKey: 'RISK',
          key: 'likelihood',
          nameVi: 'Khả năng xảy ra',
          nameEn: 'Likelihood',
          required: false,
          sortOrder: 9,
          spec: { type: 'number', min: 0, max: 100, integer: true },
        },
      },
    ],
  });
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await dragAcross(page, RISK_QUOTE);
  await page.keyboard.press('1');
  const likelihood = page.getByRole('region', { name: 'Selected span', exact: true }).getByLabel('Likelihood');
  await likelihood.fill('250');
  await likelihood.press('Enter');
  await expect(
    page.getByText(/likelihood \(Likelihood\) of RISK was not saved: 250 is above the maximum 100/),
  ).toBeVisible();
  await expect.poll(async () => (await storedRisk(host, articleId))?.attributes).toBeUndefined();
  await likelihood.fill('70');
  await likelihood.press('Enter');
  await expect.poll(async () => (await storedRisk(host, articleId))?.attributes).toEqual({ likelihood: 70 });
});
