import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, startHost, test } from './fixtures';
import { dragAcross, openSeed } from './reader-helpers';
import { articleIdByTitle, callApi, storedSpans } from './stored-state';

const SHOTS = 'test-results/schema';
mkdirSync(SHOTS, { recursive: true });

interface StoredLabel {
  key: string;
  nameEn: string;
  hotkey: string | null;
  parentKey: string | null;
  hidden: boolean;
  guideline: string;
}

const openEditor = async (page: Page) => {
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Label schema' })).toBeVisible();
};
const row = (page: Page, key: string) => page.locator(`[data-label-row="${key}"]`);
/** A field of the label form (the attribute and field forms of the view have fields of the same names). */
const field = (page: Page, name: string) => page.locator('form.schema__form').getByLabel(name, { exact: true });

test('(1) a label made in the editor with a letter hotkey tags text in the reader; conflicts are named', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await openEditor(page);
  await page.getByRole('button', { name: '+ New label' }).click();
  await field(page, 'Key').fill('THREAT');
  await field(page, 'Vietnamese name').fill('Đe dọa');
  await field(page, 'English name').fill('Threat');
  await field(page, 'Colour').fill('#c92a2a');
  await field(page, 'Parent').selectOption('RISK');
  // A key another label or the reader uses is refused, naming who has it.
  await field(page, 'Hotkey').fill('3');
  await expect(page.getByRole('alert')).toContainText('Hotkey 3 is already used by PER (Person)');
  await field(page, 'Hotkey').fill('r');
  await expect(page.getByRole('alert')).toContainText('kept for relations (R)');
  await field(page, 'Hotkey').fill('t');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await field(page, 'Guideline').fill('Một mối đe dọa cụ thể, có chủ thể.');
  await page.getByRole('button', { name: 'Create label' }).click();
  await expect(row(page, 'THREAT')).toContainText('Threat');
  await page.screenshot({ path: `${SHOTS}/editor-new-label.png` });

  // The reader's palette and hotkeys read the live labels: no reload.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  // Folded under Risk at first; its hotkey works folded, and unfolding shows it with its key.
  await expect(page.locator('.palette [data-label="THREAT"]')).toHaveCount(0);
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('t');
  await expect(page.locator('.spans__row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Sub-labels of Risk' }).click();
  await expect(page.locator('.palette [data-label="THREAT"]')).toContainText('T');

  const articleId = await articleIdByTitle(host, '3 đề xuất');
  await expect.poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey)).toEqual(['THREAT']);
  await page.reload();
  await expect(page.locator('.spans__row')).toHaveCount(1);
  const labels = await callApi<StoredLabel[]>(host, 'listLabels');
  expect(labels.find((label) => label.key === 'THREAT')).toMatchObject({
    hotkey: 't',
    parentKey: 'RISK',
    guideline: 'Một mối đe dọa cụ thể, có chủ thể.',
  });
});

test('(2) rename a label, merge it into another with the count shown, undo from the editor and the reader', async ({
  page,
  host,
}) => {
  const articleId = await articleIdByTitle(host, '3 đề xuất');
  const article = await callApi<{ text: string }>(host, 'getArticle', { id: articleId });
  const tag = async (labelKey: string, quote: string) => {
    const start = article.text.indexOf(quote);
    await callApi(host, 'applyChanges', {
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey, start, end: start + quote.length, quote },
        },
      ],
    });
  };
  await tag('CYBER', 'Lương Tam Quang');
  await tag('CYBER', 'Bộ Công an');

  await page.goto(host.url);
  await openEditor(page);
  await row(page, 'CYBER').getByRole('button').click();
  await expect(page.getByText('Used by 2 annotations.')).toBeVisible();
  await field(page, 'Key').fill('CYBER_THREAT');
  await field(page, 'English name').fill('Cyber threat');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, 'CYBER_THREAT')).toContainText('Cyber threat');
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey))
    .toEqual(['CYBER_THREAT', 'CYBER_THREAT']);

  await page.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('remove-count')).toHaveText('CYBER_THREAT (Cyber threat) is used by 2 annotations.');
  await dialog.getByLabel('Target label').selectOption('ESPIONAGE');
  await page.screenshot({ path: `${SHOTS}/editor-merge-dialog.png` });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(row(page, 'CYBER_THREAT')).toHaveCount(0);
  await expect(row(page, 'ESPIONAGE').locator('.schema__count')).toHaveText('2');
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey))
    .toEqual(['ESPIONAGE', 'ESPIONAGE']);

  // Undo in the editor: one step brings back the label and both spans.
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(row(page, 'CYBER_THREAT')).toBeVisible();
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey))
    .toEqual(['CYBER_THREAT', 'CYBER_THREAT']);
  // Redo, then undo the merge from the reader with Ctrl+Z: its newest step is the schema's.
  await page.getByRole('button', { name: '↷ Redo' }).click();
  await expect(row(page, 'CYBER_THREAT')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await expect(page.getByRole('button', { name: '↶ Undo' })).toHaveAttribute(
    'title',
    /Merge label CYBER_THREAT into ESPIONAGE/,
  );
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  // Sub-labels are folded under their parent until unfolded (the choice is kept across reloads).
  await expect(page.locator('.palette [data-label="CYBER_THREAT"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sub-labels of Risk' }).click();
  await expect(page.locator('.palette [data-label="CYBER_THREAT"]')).toBeVisible();
  await expect
    .poll(async () => (await storedSpans(host, articleId)).map((span) => span.labelKey))
    .toEqual(['CYBER_THREAT', 'CYBER_THREAT']);
  // After a reload (a restart of the page), the stored state is the same and redo is still offered.
  await page.reload();
  await expect(page.locator('.palette [data-label="CYBER_THREAT"]')).toBeVisible();
  await expect(page.getByRole('button', { name: '↷ Redo' })).toBeEnabled();
});

test('(5) export the schema and import it into a new database, with a preview; a bad file is refused by field', async ({
  page,
  host,
}) => {
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      { kind: 'label.update', key: 'CYBER', patch: { hotkey: 'c', guideline: 'Tấn công mạng.' } },
      { kind: 'label.update', key: 'MISC', patch: { hidden: true } },
    ],
  });
  await page.goto(host.url);
  await openEditor(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export schema…' }).click();
  const download = await downloading;
  const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
  expect(exported).toMatchObject({ format: 'marginalia-schema', version: 2 });

  const second = await startHost();
  try {
    await callApi(second.host, 'setProfile', { displayName: 'E2E tester' });
    await page.goto(second.host.url);
    await openEditor(page);
    await page.getByRole('button', { name: 'Import schema…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Schema file (JSON)').setInputFiles({
      name: 'marginalia-schema.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await expect(dialog.getByTestId('schema-preview')).toContainText('CYBER: Hotkey, Guideline');
    await expect(dialog.getByTestId('schema-preview')).toContainText('MISC: Hidden');
    await page.screenshot({ path: `${SHOTS}/editor-import-preview.png` });
    await dialog.getByRole('button', { name: 'Import as one step' }).click();
    await expect(dialog).toHaveCount(0);
    await page.reload();
    await expect(row(page, 'MISC')).toContainText('hidden');
    const labels = await callApi<StoredLabel[]>(second.host, 'listLabels');
    expect(labels.find((label) => label.key === 'CYBER')).toMatchObject({ hotkey: 'c', guideline: 'Tấn công mạng.' });
    expect(labels.find((label) => label.key === 'MISC')?.hidden).toBe(true);

    // A file with a misspelt field is refused, naming it, and nothing changes.
    await page.getByRole('button', { name: 'Import schema…' }).click();
    const broken = {
      ...exported,
      labels: exported.labels.map((label: object, index: number) =>
        index === 2 ? { ...label, colour: '#000000' } : label,
      ),
    };
    await page
      .getByRole('dialog')
      .getByLabel('Schema file (JSON)')
      .setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
    await expect(page.getByRole('dialog').getByRole('alert')).toContainText('labels[2]: unknown field colour');
    await expect(page.getByRole('button', { name: 'Import as one step' })).toBeDisabled();
  } finally {
    await second.stop();
  }
});

test('(6) attributes and document fields are defined in the schema view, by keyboard; the toolbar has no separate button', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'Attributes…' })).toHaveCount(0);
  await openEditor(page);
  // The document fields sit under the label tree.
  const fields = page.getByRole('region', { name: 'Document fields' });
  await expect(fields).toContainText('topics');
  // A label's attributes sit under its form: reached by keyboard from the label's row.
  await row(page, 'PROPOSAL').getByRole('button').focus();
  await page.keyboard.press('Enter');
  const attributes = page.getByRole('region', { name: 'Attributes of Proposal (PROPOSAL)' });
  await expect(attributes).toContainText('stance');
  await attributes.getByLabel('Key', { exact: true }).focus();
  await page.keyboard.type('urgency');
  await attributes.getByLabel('Vietnamese name', { exact: true }).fill('Mức khẩn');
  await attributes.getByLabel('English name', { exact: true }).fill('Urgency');
  await attributes.getByRole('combobox', { name: /^Type/ }).selectOption('boolean');
  await attributes.getByRole('button', { name: 'Add attribute' }).press('Enter');
  await expect(attributes).toContainText('urgency');
  await page.screenshot({ path: `${SHOTS}/editor-attributes.png`, fullPage: true });

  // Read back after a reload: the definition is stored, and undo in the editor takes it back.
  await page.reload();
  const defs = async () =>
    (await callApi<{ labelKey: string; key: string }[]>(host, 'listAttributeDefs', {})).map(
      (def) => `${def.labelKey}.${def.key}`,
    );
  expect(await defs()).toContain('PROPOSAL.urgency');
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect.poll(defs).not.toContain('PROPOSAL.urgency');
});

test('the editor as an analyst sees it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await openEditor(page);
  await row(page, 'RISK').getByRole('button').click();
  await field(page, 'Guideline').fill('Nguy cơ, thách thức mà văn bản nêu ra. Chọn nhãn con khi rõ lĩnh vực.');
  await page.screenshot({ path: `${SHOTS}/editor-risk.png` });
  await page
    .getByRole('button', { name: 'VI' })
    .or(page.getByRole('button', { name: /EN · Language/ }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Bộ nhãn' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/editor-vi.png` });
});
