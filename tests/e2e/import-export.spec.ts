import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { dragAcross, openSeed } from './reader-helpers';

const ARTICLE_WITH_CHROME = [
  'Hợp tác an ninh Việt Nam – Lào trong tình hình mới',
  '',
  'Chiều 12/3, tại Hà Nội, Bộ Công an tổ chức hội đàm với Bộ An ninh Lào về hợp tác phòng, chống tội phạm xuyên quốc gia.',
  '',
  'Hai bên thống nhất tăng cường trao đổi thông tin, phối hợp bảo vệ an ninh biên giới.',
  '',
  'Nguồn: Tạp chí Cộng sản',
  '',
  'Phản hồi',
  '',
  'Các tin khác',
  '',
  'Thư viện Video',
].join('\n');

test('import a folder through the UI: progress, report, open an article, restore its trimmed chrome', async ({
  page,
  host,
}) => {
  const folder = join(host.dir, 'to-import');
  mkdirSync(folder);
  writeFileSync(join(folder, 'hop-tac-lao.txt'), ARTICLE_WITH_CHROME);
  writeFileSync(join(folder, 'ghi-chu.md'), '# Ghi chú\n\nĐề nghị tăng cường phối hợp giữa các lực lượng chức năng.\n');
  writeFileSync(
    join(folder, 'anh.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
  );
  writeFileSync(join(folder, 'trong.txt'), '');

  await page.goto(host.url);
  await expect(page.locator('.library__table tbody tr')).toHaveCount(5);
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a folder').setInputFiles(folder);

  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByText(/^Done: 4 files/)).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '4');
  const report = dialog.getByRole('table', { name: 'Import report' });
  await expect(report.locator('tr', { hasText: 'hop-tac-lao.txt' })).toContainText('Imported');
  await expect(report.locator('tr', { hasText: 'ghi-chu.md' })).toContainText('Imported');
  await expect(report.locator('tr', { hasText: 'ghi-chu.md' }).getByRole('button')).toHaveText('Ghi chú');
  await expect(report.locator('tr', { hasText: 'anh.txt' })).toContainText('Skipped');
  await expect(report.locator('tr', { hasText: 'trong.txt' })).toContainText('Skipped');
  await page.screenshot({ path: 'test-results/import-report.png' });

  await report.locator('tr', { hasText: 'hop-tac-lao.txt' }).getByRole('button').click();
  const text = page.getByLabel('Article text');
  await expect(text).toContainText('Hai bên thống nhất');
  await expect(text).not.toContainText('Các tin khác');
  const trimmed = page.locator('details.trimmed');
  await trimmed.locator('summary').click();
  await expect(trimmed).toContainText('Thư viện Video');
  await trimmed.getByRole('button', { name: 'Restore into the text' }).click();
  await expect(text).toContainText('Các tin khác');
  await expect(page.locator('details.trimmed')).toHaveCount(0);

  await page.getByRole('button', { name: '← Library' }).click();
  await expect(page.locator('.library__table tbody tr')).toHaveCount(7);
});

test('annotate two spans, export CSV and JSONL through the UI, and verify the downloaded files', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await dragAcross(page, 'Bộ Ngoại giao tổ chức', 0, 13);
  await page.keyboard.press('5');
  await expect(page.locator('.spans__row')).toHaveCount(2);

  const exportAs = async (formatName: string, fileName: string) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export annotations' });
    await dialog.getByRole('radio', { name: new RegExp(`^${formatName} `) }).check();
    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloadPromise;
    const path = join(host.dir, fileName);
    await download.saveAs(path);
    await expect(dialog.getByText(/^Exported 5 articles and 2 spans/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return { path, suggested: download.suggestedFilename() };
  };

  const csv = await exportAs('CSV for spreadsheets', 'out.csv');
  expect(csv.suggested).toMatch(/^marginalia-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync(csv.path, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
  const rows = parse(csvText.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(2);
  const quotes = rows.map((row) =>
    Object.values(row).find((value) => value === 'Lương Tam Quang' || value === 'Bộ Ngoại giao'),
  );
  expect(quotes.sort()).toEqual(['Bộ Ngoại giao', 'Lương Tam Quang']);

  const jsonl = await exportAs('JSONL', 'out.jsonl');
  const articles = readFileSync(jsonl.path, 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { text?: string; spans?: { start: number; end: number; label: string; text: string }[] },
    )
    .filter((record) => Array.isArray(record.spans));
  const spans = articles.flatMap((article) =>
    (article.spans ?? []).map((span) => ({ ...span, articleText: article.text ?? '' })),
  );
  expect(spans.map((span) => span.label).sort()).toEqual(['ORG', 'PER']);
  for (const span of spans) {
    // Code points, as Python counts: slice by code points and compare with the quote.
    expect(Array.from(span.articleText).slice(span.start, span.end).join('')).toBe(span.text);
  }
});
