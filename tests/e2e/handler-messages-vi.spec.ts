/**
 * Issue 10 §7: the change handlers' refusals were English whatever the UI language. In a
 * Vietnamese UI (`?lang=vi`), a span is tagged, then changed by an import set over two articles
 * (corpus-wide history, which the reader's undo leaves alone); undoing the tag is refused by the
 * annotation handler ("changed since"), and the message is read in Vietnamese, the step's name
 * (a history description) and the reason both. The stored span is read back: still there, with the import's note.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, expect, test } from './fixtures';
import { dragAcross } from './reader-helpers';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'backend-messages');

interface StoredSpan {
  id: number;
  labelKey: string;
  quote: string;
  note: string;
}

test('an undo refused by the annotation handler is explained in Vietnamese', async ({ page, host }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(`${host.url}&lang=vi`);
  await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).click();
  await page.getByLabel('Nội dung bài viết').waitFor();
  await dragAcross(page, 'Lương Tam Quang');
  await page.keyboard.press('3');
  await expect(page.locator('.spans__row')).toHaveCount(1);

  const articles = (await callApi(host, 'listArticles', {})) as { id: number; displayTitle: string }[];
  const articleId = articles.find((article) => article.displayTitle.startsWith('3 đề xuất'))?.id as number;
  const other = articles.find((article) => article.id !== articleId)?.id as number;
  const otherText = ((await callApi(host, 'openArticle', { id: other })) as { article: { text: string } }).article.text;
  const [span] = (await callApi(host, 'listAnnotations', { articleId })) as StoredSpan[];
  await expect
    .poll(async () => (await callApi(host, 'getHistoryState', { articleId })) as object)
    .toMatchObject({
      canUndo: true,
    });
  await callApi(host, 'applyChanges', {
    origin: 'import',
    changes: [
      { kind: 'annotation.update', id: span?.id, patch: { note: 'từ tệp nhập' } },
      {
        kind: 'annotation.create',
        ref: 'other',
        annotation: { articleId: other, labelKey: 'MISC', start: 0, end: 1, quote: otherText.slice(0, 1) },
      },
    ],
  });

  await page
    .getByRole('button', { name: /Hoàn tác/ })
    .first()
    .click();
  const status = page.getByRole('status');
  await expect(status).toContainText(
    /Không hoàn tác được “Gắn PER “Lương Tam Quang””: chú thích \d+ đã bị thay đổi sau đó\./,
  );
  await expect(status).not.toContainText('Cannot undo');
  await expect(status).not.toContainText('Tag PER');
  await page.screenshot({ path: join(SCREENSHOTS, 'handler-refusal-vi.png') });

  // Read back: the span is still stored, with the import's note.
  const stored = (await callApi(host, 'listAnnotations', { articleId })) as StoredSpan[];
  expect(stored.map((row) => [row.labelKey, row.quote, row.note])).toEqual([['PER', 'Lương Tam Quang', 'từ tệp nhập']]);
});
