import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { CompactSpansSchema, decodeSpans, encodeSpans, type OpenedArticle } from '../../../shared/contract/reader';
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
        [2, 'PER', 10, 12, ''],
        [1, 'PER', 5, 12, ''],
      ]),
    ).toThrow(/text order/);
  });

  it('the wire schema checks every entry of the columns (each checked in one loop, not one schema per entry)', () => {
    const valid = encodeSpans([
      [3, 'PER', 0, 4, ''],
      [4, 'ORG', 2, 9, 'ghi chú'],
    ]);
    expect(CompactSpansSchema.safeParse(valid).success).toBe(true);
    for (const broken of [
      { ...valid, ids: [3, 4.5] },
      { ...valid, ids: [3, 0] },
      { ...valid, lengthsU16: [4, 0] },
      { ...valid, startDeltasU16: [0, -1] },
      { ...valid, labels: [0, '1'] },
      { ...valid, labels: [0, 2] },
      { ...valid, lengthsU16: [4] },
    ]) {
      expect(CompactSpansSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });
});
