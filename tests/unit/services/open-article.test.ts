import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { decodeSpans, encodeSpans, type OpenedArticle } from '../../../shared/contract/reader';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openTempWorkbench, seededArticle } from '../../helpers/temp-workbench';

describe('openArticle', () => {
  let workbench: ReturnType<typeof openTempWorkbench>;
  let articleId: number;
  let text: string;
  const create = (quote: string, labelKey: string, note?: string) => {
    const start = text.indexOf(quote);
    return workbench.annotations.create({ articleId, labelKey, start, end: start + quote.length, quote, note });
  };
  const open = async (id: number) => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const result = await dispatchCall(handlers, 'openArticle', { id }, () => {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value as OpenedArticle;
  };

  beforeEach(async () => {
    workbench = openTempWorkbench();
    ({ articleId, text } = await seededArticle(workbench));
  });
  afterEach(() => workbench.dispose());

  it('returns the article, its history and every stored span, quotes rebuilt from the text', async () => {
    create('Bộ Công an', 'ORG');
    create('Lương Tam Quang', 'PER', 'Thứ trưởng');
    create('Thượng tướng Lương Tam Quang', 'TITLE');
    const opened = await open(articleId);
    expect(opened.article).toEqual(workbench.articles.get(articleId));
    expect(opened.history).toEqual(workbench.changes.historyState(articleId));
    expect(opened.history.canUndo).toBe(true);
    const stored = workbench.annotations.list(articleId);
    expect(decodeSpans(opened.spans, opened.article.text)).toEqual(
      stored.map(({ id, labelKey, start, end, quote, note }) => ({ id, labelKey, start, end, quote, note })),
    );
    expect(JSON.stringify(opened.spans)).not.toContain('Lương');
  });

  it('answers not_found for a missing article', async () => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const result = await dispatchCall(handlers, 'openArticle', { id: 999_999 }, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('encodes nothing for no spans, and refuses spans out of text order', () => {
    expect(decodeSpans(encodeSpans([]), text)).toEqual([]);
    expect(() =>
      encodeSpans([
        { id: 2, labelKey: 'PER', start: 10, end: 12, note: '' },
        { id: 1, labelKey: 'PER', start: 5, end: 12, note: '' },
      ]),
    ).toThrow(/text order/);
  });
});
