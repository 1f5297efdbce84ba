import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { canonicalize } from '../../shared/text/canonical';
import { expect, test } from './fixtures';
import { dragAcross, openSeed, paintedTexts, pointsInText } from './reader-helpers';

// The reader shows canonical text (the seed's no-break spaces become plain spaces).
const SEED_TEXT = canonicalize(
  readFileSync(join(__dirname, '..', '..', 'seeds', '002_092580baaaa6c308.txt'), 'utf8'),
).text;

const PROPOSAL_SENTENCE_START = 'Thứ hai, tiếp tục mở rộng';
const spanRows = (page: Page) => page.locator('.spans__row');

test('tagging, overlap, persistence, undo/redo, relabel and delete, all by mouse and keyboard', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);

  // 1. Drag-select a name and press the PER hotkey (3).
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await expect(spanRows(page)).toHaveCount(1);
  await expect(spanRows(page).first()).toContainText('Lương Tam Quang');

  // 2. Tag the "Thứ hai…" sentence as PROPOSAL, then an organisation inside it: nested spans.
  const sentence = SEED_TEXT.split('\n').find((line) => line.startsWith(PROPOSAL_SENTENCE_START)) ?? '';
  expect(sentence).toMatch(/lĩnh vực khác\.$/);
  await dragAcross(page, sentence);
  await page.keyboard.press('2');
  await dragAcross(page, 'cơ quan thực thi pháp luật');
  await page.keyboard.press('5');
  await expect(spanRows(page)).toHaveCount(3);

  // The painter registers the spans near the viewport: here the proposal and the organisation.
  const painted = await paintedTexts(page);
  expect(painted['m-PROPOSAL-0']).toEqual([sentence.replace(/\.$/, '')]);
  expect(painted['m-ORG-0']).toEqual(['cơ quan thực thi pháp luật']);
  // Scrolling back up paints the name again.
  await pointsInText(page, 'Lương Tam Quang');
  await expect.poll(async () => (await paintedTexts(page))['m-PER-0']).toEqual(['Lương Tam Quang']);
  await pointsInText(page, 'cơ quan thực thi pháp luật');
  // Hovering the nested organisation shows both labels that cover it.
  const orgBox = await page.evaluate(() => {
    const text = document.querySelector('[aria-label="Article text"]')!;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf('thực thi');
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 4);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error('not found');
  });
  await page.mouse.move(orgBox.x, orgBox.y);
  // The e2e fixture runs the UI in English, label names included.
  await expect(page.getByRole('tooltip')).toContainText('Organisation');
  await expect(page.getByRole('tooltip')).toContainText('Proposal');
  await page.screenshot({ path: 'test-results/annotating-overlap.png' });

  // A click selects the innermost span there, in the text and in the list.
  const [orgPoint] = await pointsInText(page, 'thực thi', 1, 2);
  await page.mouse.click(orgPoint.x, orgPoint.y);
  const selectedLabel = page.getByLabel('Label of the selected span');
  await expect(selectedLabel).toHaveValue('ORG');
  await expect(page.locator('.spans__row.is-selected')).toContainText('cơ quan thực thi pháp luật');
  // Shift+Tab walks out to the enclosing span, Tab back in (past either end Tab leaves the text).
  await page.keyboard.press('Shift+Tab');
  await expect(selectedLabel).toHaveValue('PROPOSAL');
  await page.keyboard.press('Tab');
  await expect(selectedLabel).toHaveValue('ORG');
  await page.keyboard.press('Escape');

  // The list filters by label.
  await page.getByRole('button', { name: /^PER 1$/ }).click();
  await expect(spanRows(page)).toHaveCount(2);
  await page.getByRole('button', { name: /^PER 1$/ }).click();
  await expect(spanRows(page)).toHaveCount(3);

  // 3. Reload: everything was saved without a Save button.
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await expect(spanRows(page)).toHaveCount(3);

  // 4. Undo twice (ORG, PROPOSAL), redo one (PROPOSAL).
  await page.locator('.reader__page').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(spanRows(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(spanRows(page)).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(spanRows(page)).toHaveCount(2);
  await expect(page.locator('.spans__row', { hasText: PROPOSAL_SENTENCE_START })).toHaveCount(1);

  // 5. Click the PER span, relabel it with a hotkey, then delete it from the keyboard.
  const [namePoint] = await pointsInText(page, 'Lương Tam Quang', 1, 2);
  await page.mouse.click(namePoint.x, namePoint.y);
  await expect(page.getByLabel('Label of the selected span')).toHaveValue('PER');
  await page.keyboard.press('4');
  await expect(page.getByLabel('Label of the selected span')).toHaveValue('TITLE');
  await expect.poll(async () => (await paintedTexts(page))['m-TITLE-0']).toEqual(['Lương Tam Quang']);
  await page.keyboard.press('Delete');
  await expect(spanRows(page)).toHaveCount(1);
  await expect(spanRows(page).first()).toContainText(PROPOSAL_SENTENCE_START);
});

test('a drag that starts and ends mid-syllable snaps to whole syllables; Alt keeps it exact', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);

  // From inside "Lư|ơng" to inside "Qu|ang".
  await dragAcross(page, 'Lương Tam Quang', 2, 12);
  await page.keyboard.press('3');
  await expect(spanRows(page)).toHaveCount(1);
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Lương Tam Quang');

  await dragAcross(page, 'Bộ Ngoại giao tổ chức', 1, 7, true);
  await page.keyboard.press('5');
  await expect(spanRows(page)).toHaveCount(2);
  await expect(page.locator('.spans__quote', { hasText: 'ộ Ngoạ' })).toHaveText('ộ Ngoạ');
});

test('Shift+arrows extend a selection from a caret, and the hotkey tags it snapped', async ({ page, host }) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  const [caret] = await pointsInText(page, 'Bộ Ngoại giao tổ chức', 0, 1);
  await page.mouse.click(caret.x - 1, caret.y);
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('5');
  await expect(spanRows(page)).toHaveCount(1);
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Bộ Ngoại giao');

  // Alt+→ grows the selected span's end by a syllable; Alt+Shift+← grows its start.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Bộ Ngoại giao tổ');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Nội, Bộ Ngoại giao tổ');
});

test('a write the service rejects is rolled back in the view and explained', async ({ page, host }) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  // Stand in for a service-side rejection (e.g. the text changed under the span).
  await page.route('**/api/applyChanges', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'rejected', message: 'The span was not saved: the quote does not match the text.' },
      }),
    }),
  );
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await expect(page.getByRole('alert')).toContainText('The span was not saved');
  await expect(spanRows(page)).toHaveCount(0);
  expect((await paintedTexts(page))['m-PER-0']).toBeUndefined();

  await page.unroute('**/api/applyChanges');
  await page.reload();
  await page.getByLabel('Article text').waitFor();
  await expect(spanRows(page)).toHaveCount(0);
});

test('dragging the end grip of a selected span moves its end, snapped to a syllable', async ({ page, host }) => {
  await page.goto(host.url);
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  await dragAcross(page, 'Lương Tam Quang', 0, 9); // "Lương Tam"
  await page.keyboard.press('3');
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Lương Tam');

  const grip = page.getByRole('slider', { name: 'End of the selected span' });
  const box = await grip.boundingBox();
  if (!box) throw new Error('no end grip');
  const [, target] = await pointsInText(page, 'Lương Tam Quang', 10, 13); // inside "Quang"
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x - 6, target.y, { steps: 5 });
  await page.mouse.up();
  await expect(spanRows(page).first().locator('.spans__quote')).toHaveText('Lương Tam Quang');
});
