/**
 * Briefs (issue 16): a brief is created, Vietnamese is typed through IME composition, two spans
 * are dragged in from the reader's span list, a span edited in the reader updates its citation,
 * after a reload the brief is as it was, in the page and in the store, and its DOCX export reads
 * back with mammoth.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import type { Brief } from '../../shared/brief/brief';
import type { SerializedCitationNode } from '../../shared/brief/citation';
import { citationsOf } from '../../shared/brief/brief';
import { expect, test, type RunningHost } from './fixtures';
import { openSeed } from './reader-helpers';
import { articleIdByTitle, callApi } from './stored-state';

const SEED_TITLE = '3 đề xuất của Bộ Công an';
const NAME = 'Lương Tam Quang';
const SCREENSHOTS = 'test-results/briefs';

async function createSpan(host: RunningHost, articleId: number, labelKey: string, quote: string): Promise<number> {
  const { text } = await callApi<{ text: string }>(host, 'getArticle', { id: articleId });
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in article ${articleId}`);
  const applied = await callApi<{ createdIds: Record<string, number> }>(host, 'applyChanges', {
    origin: 'manual',
    changes: [
      {
        kind: 'annotation.create',
        ref: 's',
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      },
    ],
  });
  return applied.createdIds.s!;
}

/**
 * Types `word` as an IME does (Telex, VNI): a composition that shows the partial syllables, then
 * commits the finished word. CDP drives Chromium's real IME path, so the editor sees
 * compositionstart/update/end and beforeinput as from a Vietnamese keyboard.
 */
async function composeWord(page: Page, steps: string[], word: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const partial of steps) {
    await cdp.send('Input.imeSetComposition', {
      text: partial,
      selectionStart: partial.length,
      selectionEnd: partial.length,
    });
  }
  await cdp.send('Input.insertText', { text: word });
  await cdp.detach();
}

async function storedBrief(host: RunningHost, id: number): Promise<Brief> {
  return callApi<Brief>(host, 'getBrief', { id });
}

test('a brief: Vietnamese by composition, two spans dragged in, a citation follows its span, a reload keeps it', async ({
  page,
  host,
}) => {
  const articleId = await articleIdByTitle(host, SEED_TITLE);
  const person = await createSpan(host, articleId, 'PER', NAME);
  const org = await createSpan(host, articleId, 'ORG', 'Bộ Công an');
  const remoteRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin) && !request.url().startsWith('data:'))
      remoteRequests.push(request.url());
  });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).click();
  const editor = page.getByRole('textbox', { name: 'Text of the brief' });
  await editor.waitFor();
  const briefId = Number(/#\/brief\/(\d+)/.exec(page.url())?.[1]);
  expect(briefId).toBeGreaterThan(0);

  // A heading, then a paragraph typed through composition ("Việt Nam" in Telex: V-i-e-e-j-t).
  await editor.click();
  await page.keyboard.press('Control+Alt+1');
  await page.keyboard.type('Rủi ro chính');
  await page.keyboard.press('Enter');
  await composeWord(page, ['V', 'Vi', 'Vie', 'Viê', 'Việ'], 'Việt');
  await page.keyboard.type(' ');
  await composeWord(page, ['N', 'Na'], 'Nam');
  await page.keyboard.type(' cần lưu ý: ');
  await expect(editor.locator('h1')).toHaveText('Rủi ro chính');
  await expect(editor).toContainText('Việt Nam cần lưu ý:');

  // Keep the brief beside the reader and drag two spans in from the span list.
  await page.getByLabel(/Keep open beside the reader/).check();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await openSeed(page, /^3 đề xuất của Bộ Công an/);
  const dock = page.locator('.brief-dock');
  const dockText = dock.getByRole('textbox', { name: 'Text of the brief' });
  await expect(dockText).toContainText('Việt Nam cần lưu ý:');
  // The suggestions arrive after the article paints and push the span list down: drag once the
  // sidebar has settled, or the drag starts where a row was a moment before.
  await expect(page.getByText(/^\d+ suggestions/)).toBeVisible();
  await page.locator(`.spans__row[data-span-id="${person}"]`).dragTo(dockText);
  await expect(dock.locator('.citation')).toHaveCount(1);
  await page.locator(`.spans__row[data-span-id="${org}"]`).dragTo(dockText);
  await expect(dock.locator('.citation')).toHaveCount(2);
  await expect(dock.locator(`.citation[data-annotation-id="${person}"] .citation__quote`)).toHaveText(NAME);

  // The span is widened in the reader's article (a write through the pipeline): the citation follows.
  const { text } = await callApi<{ text: string }>(host, 'getArticle', { id: articleId });
  const wider = `Thứ trưởng ${NAME}`;
  const start = text.indexOf(wider);
  expect(start).toBeGreaterThanOrEqual(0);
  await callApi(host, 'applyChanges', {
    origin: 'manual',
    changes: [{ kind: 'annotation.update', id: person, patch: { start, end: start + wider.length, quote: wider } }],
  });
  await expect(dock.locator(`.citation[data-annotation-id="${person}"] .citation__quote`)).toHaveText(wider);
  await expect(dock.locator('.brief-toolbar__status')).toHaveText('Saved');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/brief-beside-reader.png` });

  // Read back: the store holds the text and both citations, the edited one with its new quote.
  const stored = await storedBrief(host, briefId);
  const citations: SerializedCitationNode[] = citationsOf(stored.content);
  expect(citations.map((citation) => [citation.annotationId, citation.quote])).toEqual(
    expect.arrayContaining([
      [person, wider],
      [org, 'Bộ Công an'],
    ]),
  );
  expect(JSON.stringify(stored.content)).toContain('Việt Nam cần lưu ý:');

  // A reload shows the brief as it was.
  await page.goto(`${host.url}#/brief/${briefId}`);
  await page.reload();
  const reopened = page.locator('.briefs--open').getByRole('textbox', { name: 'Text of the brief' });
  await expect(reopened.locator('h1')).toHaveText('Rủi ro chính');
  await expect(reopened).toContainText('Việt Nam cần lưu ý:');
  await expect(reopened.locator('.citation')).toHaveCount(2);
  await expect(reopened.locator(`.citation[data-annotation-id="${person}"] .citation__quote`)).toHaveText(wider);
  await page.screenshot({ path: `${SCREENSHOTS}/brief-with-citations.png`, fullPage: true });

  // Exported as Word (a download in the browser host) and read back with mammoth: the typed
  // Vietnamese, the edited citation's quote, and its footnote naming the article.
  const downloading = page.waitForEvent('download');
  await page.locator('.briefs--open').getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('menuitem', { name: 'Word (DOCX), citations as footnotes' }).click();
  const docx = await downloading;
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const { value: html } = await mammoth.convertToHtml({ path: await docx.path() });
  expect(html).toContain('Việt Nam cần lưu ý:');
  expect(html).toContain(wider);
  expect(html).toMatch(/<li id="footnote-\d+">.*3 đề xuất của Bộ Công an/s);

  // Deleting a span orphans its citation: the last text stays, marked.
  await callApi(host, 'applyChanges', { origin: 'manual', changes: [{ kind: 'annotation.delete', id: org }] });
  const orphan = reopened.locator(`.citation[data-annotation-id="${org}"]`);
  await expect(orphan).toHaveAttribute('data-state', 'orphaned');
  await expect(orphan.locator('.citation__quote')).toHaveText('Bộ Công an');
  await expect(orphan).toContainText('span deleted');

  // Clicking a live citation opens its article with the span selected.
  await reopened.locator(`.citation[data-annotation-id="${person}"]`).click();
  await page.getByLabel('Article text').waitFor();
  await expect(page.locator(`.spans__row.is-selected[data-span-id="${person}"]`)).toHaveCount(1);
  expect(remoteRequests).toEqual([]);
});

test('pasted HTML keeps its formatting but no script, no remote image, no event handler', async ({ page, host }) => {
  const remoteRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin) && !request.url().startsWith('data:'))
      remoteRequests.push(request.url());
  });
  const brief = await callApi<{ createdIds: Record<string, number> }>(host, 'applyChanges', {
    origin: 'manual',
    changes: [{ kind: 'brief.create', ref: 'b', brief: { title: 'Dán' } }],
  });
  const briefId = brief.createdIds.b!;
  await page.goto(`${host.url}#/brief/${briefId}`);
  const editor = page.getByRole('textbox', { name: 'Text of the brief' });
  await editor.click();
  await page.evaluate(() => {
    (window as unknown as { pwned?: boolean }).pwned = false;
    const html =
      '<p onclick="window.pwned = true"><b>Đậm</b> và <i>nghiêng</i> ' +
      '<span style="color: red; background-image: url(http://tracker.example/bg.png)">màu</span></p>' +
      '<script>window.pwned = true</script><img src="http://tracker.example/pixel.png" onerror="window.pwned = true">' +
      '<ul><li>một</li><li>hai</li></ul><a href="javascript:window.pwned = true">liên kết</a>';
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Đậm và nghiêng màu');
    const target = document.querySelector('.brief-editor__text')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.locator('strong, b, .brief__bold').first()).toHaveText('Đậm');
  await expect(editor.locator('em, i, .brief__italic').first()).toHaveText('nghiêng');
  await expect(editor.locator('li')).toHaveCount(2);
  await expect(editor.locator('img, script, [onclick], [onerror], [style*="url"]')).toHaveCount(0);
  await expect(page.locator('.brief-toolbar__status')).toHaveText('Saved');
  const stored = JSON.stringify((await storedBrief(host, briefId)).content);
  expect(stored).toContain('Đậm');
  expect(stored).not.toMatch(/tracker\.example|script|onclick|onerror|javascript:|color: red/);
  await editor.locator('p').first().click();
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBe(false);
  expect(remoteRequests).toEqual([]);
});

test('the citation palette finds a span by its quote without accents and inserts it', async ({ page, host }) => {
  const articleId = await articleIdByTitle(host, SEED_TITLE);
  const person = await createSpan(host, articleId, 'PER', NAME);
  const brief = await callApi<{ createdIds: Record<string, number> }>(host, 'applyChanges', {
    origin: 'manual',
    changes: [{ kind: 'brief.create', ref: 'b', brief: { title: 'Bảng trích dẫn' } }],
  });
  const briefId = brief.createdIds.b!;
  await page.goto(`${host.url}#/brief/${briefId}`);
  const editor = page.getByRole('textbox', { name: 'Text of the brief' });
  await editor.click();
  await page.keyboard.type('Người phát biểu: ');
  await page.keyboard.press('Control+Shift+P');
  await page.getByRole('searchbox', { name: 'Search spans by quote, label or entity' }).fill('luong tam');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(editor.locator(`.citation[data-annotation-id="${person}"]`)).toHaveCount(1);
  await expect(page.locator('.brief-toolbar__status')).toHaveText('Saved');
  const stored = await storedBrief(host, briefId);
  expect(citationsOf(stored.content).map((citation) => citation.quote)).toEqual([NAME]);
  expect(JSON.stringify(stored.content)).toContain('Người phát biểu: ');
});
