/**
 * The import review step through the browser host: the analyst sees a TCVN3 conversion before
 * and after, a probable duplicate and the unknown labels of a doccano file, decides in the
 * dialog, and the stored state is read back through the API and after a reload. Screenshots go
 * to test-results/import-review/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import type { Label } from '../../shared/domain/schemas';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/src/i18n/languages';
import { seriousViolations } from './axe';
import { expect, test, type RunningHost } from './fixtures';
import { callApi } from './stored-state';

const SHOTS = 'test-results/import-review';

const TCVN3 = [
  'Bé C«ng an tæng kÕt c«ng t¸c ®èi ngo¹i n¨m 2023',
  '',
  'S¸ng 10/1, t¹i Hµ Néi, Bé C«ng an tæ chøc héi nghÞ tæng kÕt c«ng t¸c ®èi ngo¹i vµ hîp t¸c quèc tÕ.',
].join('\n');
const TCVN3_TITLE = 'Bộ Công an tổng kết công tác đối ngoại năm 2023';

const DOCCANO = JSON.stringify({
  text: 'Thượng tướng Tô Lâm cảnh báo nguy cơ lừa đảo trực tuyến tại Hà Nội.',
  label: [
    [13, 19, 'PERSON'],
    [29, 55, 'THREAT'],
    [60, 66, 'Địa danh'],
  ],
});

interface Summary {
  id: number;
  displayTitle: string;
}
interface StoredSpan {
  labelKey: string;
  quote: string;
}

/** The longest paragraph of a seed, for a file that repeats its body under another title. */
async function seedBody(host: RunningHost): Promise<{ id: number; title: string; paragraph: string }> {
  const [seed] = await callApi<Summary[]>(host, 'listArticles');
  if (!seed) throw new Error('no seed article');
  const article = await callApi<{ text: string }>(host, 'getArticle', { id: seed.id });
  const paragraph = article.text
    .split(/\n\s*\n/)
    .reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
  return { id: seed.id, title: seed.displayTitle, paragraph };
}

async function openImport(page: Page, folder: string, buttonName: RegExp | string) {
  await page.getByRole('button', { name: buttonName }).click();
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
}

test('the review step: convert a TCVN3 file, skip a probable duplicate, map and skip unknown labels; read back', async ({
  page,
  host,
}) => {
  // Four imports, an axe-core run and a reload: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const seed = await seedBody(host);
  const folder = join(host.dir, 'to-review');
  mkdirSync(folder);
  writeFileSync(join(folder, 'cu-tcvn3.txt'), iconv.encode(TCVN3, 'windows-1252'));
  writeFileSync(join(folder, 'ban-sao.md'), `# Bản sao từ trang khác\n\n${seed.paragraph}\n`);
  writeFileSync(join(folder, 'doccano.jsonl'), DOCCANO);
  writeFileSync(
    join(folder, 'binh-thuong.txt'),
    'Hợp tác an ninh biên giới\n\nHai bên thống nhất tăng cường trao đổi thông tin, phối hợp bảo vệ an ninh biên giới.',
  );
  const before = await callApi<Summary[]>(host, 'listArticles');

  await page.goto(host.url);
  await openImport(page, folder, 'Import…');
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  const review = dialog.getByRole('region', { name: 'Decisions before import' });
  await expect(review.getByRole('heading', { name: '3 files need your decision' })).toBeVisible();
  // The file that needed no decision is already in; the held ones are not.
  expect((await callApi<Summary[]>(host, 'listArticles')).length).toBe(before.length + 1);

  const legacy = review.getByRole('group', { name: 'cu-tcvn3.txt' });
  await expect(legacy.locator('figure').first()).toContainText('Bé C«ng an tæng kÕt');
  await expect(legacy.locator('figure').nth(1)).toContainText(TCVN3_TITLE);
  const duplicate = review.getByRole('group', { name: 'ban-sao.md' });
  await expect(duplicate).toContainText(`article ${seed.id}, “${seed.title}”`);
  const labels = review.getByRole('table', { name: 'Labels to map' });
  await expect(labels.locator('tr', { hasText: 'THREAT' })).toContainText('doccano.jsonl');
  await expect(review.getByRole('button', { name: 'Import with these decisions' })).toBeDisabled();
  await expect(review.getByText('2 decisions left')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-en.png`, fullPage: true });
  expect(await seriousViolations(page), 'the review step').toEqual([]);
  await labels.scrollIntoViewIfNeeded();
  await dialog.locator('.modal__body').screenshot({ path: `${SHOTS}/review-labels-en.png` });

  await legacy.getByRole('radio', { name: 'Import the converted text' }).check();
  await duplicate.getByRole('radio', { name: 'Skip this one' }).check();
  await labels.getByRole('combobox', { name: 'Label to use for THREAT' }).selectOption('RISK');
  await labels.getByRole('combobox', { name: 'Label to use for Địa danh' }).selectOption({ label: 'Skip these spans' });
  await expect(review.getByText('Every file has a decision.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-decided-en.png`, fullPage: true });
  await review.getByRole('button', { name: 'Import with these decisions' }).click();

  await expect(dialog.getByText(/^Done: 4 files/)).toBeVisible();
  const report = dialog.getByRole('table', { name: 'Import report' });
  await expect(report.locator('tr', { hasText: 'ban-sao.md' })).toContainText('Not imported, as you chose');
  await page.screenshot({ path: `${SHOTS}/report-en.png`, fullPage: true });

  // Read back: the converted article, no copy of the seed, the spans as decided, no new label.
  const after = await callApi<Summary[]>(host, 'listArticles');
  expect(after.length).toBe(before.length + 3);
  expect(after.map((article) => article.displayTitle)).toContain(TCVN3_TITLE);
  expect(after.map((article) => article.displayTitle)).not.toContain('Bản sao từ trang khác');
  const tagged = after.find((article) => article.displayTitle.startsWith('Thượng tướng Tô Lâm'));
  if (!tagged) throw new Error('the doccano article was not stored');
  const spans = await callApi<StoredSpan[]>(host, 'listAnnotations', { articleId: tagged.id });
  expect(spans.map((span) => [span.labelKey, span.quote])).toEqual([
    ['PER', 'Tô Lâm'],
    ['RISK', 'nguy cơ lừa đảo trực tuyến'],
  ]);
  const labelKeys = (await callApi<{ key: string }[]>(host, 'listLabels')).map((label) => label.key);
  expect(labelKeys).not.toContain('THREAT');
  expect(labelKeys).not.toContain('DIA_DANH');

  await page.reload();
  await expect(page.locator('.library__table tbody tr')).toHaveCount(before.length + 3);
  await expect(page.locator('.library__table')).toContainText(TCVN3_TITLE);
});

test('apply to all: "Convert all" answers every conversion at once', async ({ page, host }) => {
  const folder = join(host.dir, 'legacy');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a.txt'), iconv.encode(TCVN3, 'windows-1252'));
  writeFileSync(
    join(folder, 'b.txt'),
    iconv.encode(
      'Hµ Néi t¨ng c­êng hîp t¸c an ninh\n\nHai bªn thèng nhÊt t¨ng c­êng trao ®æi th«ng tin.',
      'windows-1252',
    ),
  );
  const before = (await callApi<Summary[]>(host, 'listArticles')).length;
  await page.goto(host.url);
  await openImport(page, folder, 'Import…');
  const review = page.getByRole('region', { name: 'Decisions before import' });
  await expect(review.getByText('2 decisions left')).toBeVisible();
  await review.getByRole('button', { name: 'Convert all' }).click();
  await expect(review.getByRole('radio', { name: 'Import the converted text' })).toHaveCount(2);
  for (const radio of await review.getByRole('radio', { name: 'Import the converted text' }).all())
    await expect(radio).toBeChecked();
  await review.getByRole('button', { name: 'Import with these decisions' }).click();
  await expect(page.getByText(/^Done: 2 files/)).toBeVisible();
  const titles = (await callApi<Summary[]>(host, 'listArticles')).map((article) => article.displayTitle);
  expect(titles.length).toBe(before + 2);
  expect(titles).toEqual(expect.arrayContaining([TCVN3_TITLE, 'Hà Nội tăng cường hợp tác an ninh']));
});

test('in Vietnamese: cancelling the review writes nothing of the held files', async ({ page, host }) => {
  await page.addInitScript((key) => localStorage.setItem(key, 'vi'), LANGUAGE_STORAGE_KEY);
  const seed = await seedBody(host);
  const folder = join(host.dir, 'huy');
  mkdirSync(folder);
  writeFileSync(join(folder, 'cu-tcvn3.txt'), iconv.encode(TCVN3, 'windows-1252'));
  writeFileSync(join(folder, 'ban-sao.md'), `# Bản sao\n\n${seed.paragraph}\n`);
  writeFileSync(join(folder, 'doccano.jsonl'), DOCCANO);
  const before = await callApi<Summary[]>(host, 'listArticles');
  const labelsBefore = await callApi<unknown[]>(host, 'listLabels');

  await page.goto(host.url);
  await openImport(page, folder, 'Nhập…');
  const review = page.getByRole('region', { name: 'Quyết định trước khi nhập' });
  await expect(review.getByRole('heading', { name: '3 tệp cần bạn quyết định' })).toBeVisible();
  await expect(review).toContainText('Như đọc được (TCVN3)');
  await expect(review).toContainText('Đã chuyển sang Unicode');
  await page.screenshot({ path: `${SHOTS}/review-vi.png`, fullPage: true });
  await review.getByRole('button', { name: 'Huỷ việc nhập' }).click();
  await expect(page.getByText(/^Đã huỷ/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cancelled-vi.png`, fullPage: true });

  expect(await callApi<Summary[]>(host, 'listArticles')).toEqual(before);
  expect(await callApi<unknown[]>(host, 'listLabels')).toEqual(labelsBefore);
  await page.reload();
  await expect(page.locator('.library__table tbody tr')).toHaveCount(before.length);
});

test("a colleague's workbench JSON: label differences shown; keep my label, create the missing one; reject a conversion, keep a duplicate", async ({
  page,
  host,
}) => {
  const seed = await seedBody(host);
  const labelsBefore = await callApi<Label[]>(host, 'listLabels');
  const risk = labelsBefore.find((label) => label.key === 'RISK');
  if (!risk) throw new Error('RISK missing');
  const text =
    'Hội nghị an ninh khu vực\n\nĐại biểu cảnh báo nguy cơ tấn công mạng vào hạ tầng trọng yếu và đề xuất lập nhóm phản ứng chung.';
  const span = (id: number, label: string, quote: string) => ({
    id,
    label,
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
    quote,
    note: '',
    author: 'Lan',
    origin: 'manual',
    createdAt: '2026-01-05T00:00:00.000Z',
    updatedAt: '2026-01-05T00:00:00.000Z',
  });
  const colleague = {
    format: 'marginalia-workbench',
    version: 1,
    appVersion: 'test',
    exportedAt: '2026-01-06T00:00:00.000Z',
    offset_unit: 'utf16',
    normalization: 'NFC, LF',
    labels: [
      ...labelsBefore.map((label) => (label.key === 'RISK' ? { ...label, color: '#ff0000', nameEn: 'Danger' } : label)),
      {
        key: 'THREAT',
        nameVi: 'Đe dọa',
        nameEn: 'Threat',
        color: '#abcdef',
        hotkey: null,
        kind: 'analytic',
        description: '',
        sortOrder: 50,
      },
    ],
    articles: [
      {
        id: 7,
        title: 'Hội nghị an ninh khu vực',
        source: null,
        byline: null,
        url: null,
        publishedAt: null,
        fileName: null,
        status: 'in_progress',
        importedAt: '2026-01-05T00:00:00.000Z',
        updatedAt: '2026-01-05T00:00:00.000Z',
        contentHash: '',
        text,
        trimmedText: null,
        annotations: [span(1, 'RISK', 'nguy cơ tấn công mạng'), span(2, 'THREAT', 'hạ tầng trọng yếu')],
      },
    ],
  };
  const folder = join(host.dir, 'colleague');
  mkdirSync(folder);
  writeFileSync(join(folder, 'lan.json'), JSON.stringify(colleague));
  writeFileSync(join(folder, 'cu-tcvn3.txt'), iconv.encode(TCVN3, 'windows-1252'));
  writeFileSync(join(folder, 'ban-sao.md'), `# Bản sao giữ lại\n\n${seed.paragraph}\n`);
  const before = await callApi<Summary[]>(host, 'listArticles');

  await page.goto(host.url);
  await openImport(page, folder, 'Import…');
  const review = page.getByRole('region', { name: 'Decisions before import' });
  const labels = review.getByRole('table', { name: 'Labels to map' });
  const riskRow = labels.getByRole('row', { name: /^RISK/ });
  await expect(riskRow).toContainText('defined differently here');
  await expect(riskRow).toContainText(`Colour: “${risk.color}” here, “#ff0000” in the file`);
  await expect(riskRow).toContainText(`English name: “${risk.nameEn}” here, “Danger” in the file`);
  // The suggestions: my RISK as it is, the colleague's THREAT created.
  await expect(labels.getByRole('combobox', { name: 'Label to use for RISK' })).toHaveValue('RISK');
  await expect(labels.getByRole('combobox', { name: 'Label to use for THREAT' })).toHaveValue('::create');
  await labels.scrollIntoViewIfNeeded();
  await page.locator('.modal__body').screenshot({ path: `${SHOTS}/colleague-labels-en.png` });

  await review
    .getByRole('group', { name: 'colleague/cu-tcvn3.txt' })
    .getByRole('radio', { name: 'Do not import this file' })
    .check();
  await review.getByRole('group', { name: 'colleague/ban-sao.md' }).getByRole('radio', { name: 'Keep both' }).check();
  await review.getByRole('button', { name: 'Import with these decisions' }).click();
  await expect(page.getByText(/^Done: 3 files/)).toBeVisible();

  const labelsAfter = await callApi<Label[]>(host, 'listLabels');
  expect(labelsAfter.find((label) => label.key === 'RISK')).toEqual(risk);
  expect(labelsAfter.find((label) => label.key === 'THREAT')).toMatchObject({ nameEn: 'Threat', color: '#abcdef' });
  const after = await callApi<Summary[]>(host, 'listArticles');
  const titles = after.map((article) => article.displayTitle);
  expect(after.length).toBe(before.length + 2);
  expect(titles).toContain('Bản sao giữ lại');
  expect(titles).not.toContain(TCVN3_TITLE);
  const merged = after.find((article) => article.displayTitle === 'Hội nghị an ninh khu vực');
  if (!merged) throw new Error("the colleague's article was not stored");
  const spans = await callApi<StoredSpan[]>(host, 'listAnnotations', { articleId: merged.id });
  expect(spans.map((stored) => [stored.labelKey, stored.quote])).toEqual([
    ['RISK', 'nguy cơ tấn công mạng'],
    ['THREAT', 'hạ tầng trọng yếu'],
  ]);
  await page.reload();
  await expect(page.locator('.library__table tbody tr')).toHaveCount(before.length + 2);
});
