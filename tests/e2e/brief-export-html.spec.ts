import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeBriefHtml } from '../../shared/brief/export/html-writer';
import { HOSTILE, sampleDocument } from '../unit/briefs/sample-brief';

const OUT = join(__dirname, '..', '..', 'test-results', 'brief-export');

test('an exported HTML brief opens offline in Chromium, hostile text inert, notes linked', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'brief.html');
  writeFileSync(file, writeBriefHtml(sampleDocument('vi')));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('blockquote')).toHaveText(HOSTILE);
  await page.locator('sup a[href="#note-3"]').click();
  await expect(page.locator('#note-3')).toContainText('Bài báo (số 2) đã bị xoá');
  await page.screenshot({ path: join(OUT, 'brief-html.png'), fullPage: true });
  // Nothing but the file itself was loaded, and no script ran.
  expect(requested).toEqual([pathToFileURL(file).href]);
  expect(dialogs).toEqual([]);
});
