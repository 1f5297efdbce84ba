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

  it('sends the stored attribute values of the spans that have some, by position, and the document fields', async () => {
    const risk = create('Bộ Công an', 'RISK');
    create('Lương Tam Quang', 'PER');
    workbench.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'annotation.update', id: risk.id, patch: { attributes: { severity: 'high', domain: ['cyber'] } } },
        { kind: 'fieldValue.set', articleId, key: 'doc_type', value: 'speech' },
      ],
    });
    const opened = await open(articleId);
    const spans = decodeSpans(opened.spans, opened.article.text);
    expect(spans.find((span) => span.id === risk.id)?.attributes).toEqual({ severity: 'high', domain: ['cyber'] });
    expect(spans.filter((span) => span.attributes !== undefined)).toHaveLength(1);
    expect(Object.keys(opened.spans.attributes)).toHaveLength(1);
    expect(opened.fields).toEqual({ doc_type: 'speech' });
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
        [2, 'PER', 10, 12, '', null, 'An'],
        [1, 'PER', 5, 12, '', null, 'An'],
      ]),
    ).toThrow(/text order/);
  });

  it('the wire schema checks every entry of the columns (each checked in one loop, not one schema per entry)', () => {
    const valid = encodeSpans([
      [3, 'PER', 0, 4, '', null, 'An'],
      [4, 'ORG', 2, 9, 'ghi chú', { severity: 'high' }, 'An'],
    ]);
    expect(CompactSpansSchema.safeParse(valid).success).toBe(true);
    expect(valid.layers).toBeUndefined();
    for (const broken of [
      { ...valid, ids: [3, 4.5] },
      { ...valid, ids: [3, 0] },
      { ...valid, lengthsU16: [4, 0] },
      { ...valid, startDeltasU16: [0, -1] },
      { ...valid, labels: [0, '1'] },
      { ...valid, labels: [0, 2] },
      { ...valid, lengthsU16: [4] },
      { ...valid, attributes: { '2': { severity: 'high' } } },
      { ...valid, attributes: { '1': { Severity: 'high' } } },
    ]) {
      expect(CompactSpansSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });

  it('sends who made each span only when the article holds several layers (issue 15)', () => {
    const layered = encodeSpans([
      [3, 'PER', 0, 4, '', null, 'An'],
      [4, 'PER', 0, 4, '', null, 'Bình'],
      [5, 'ORG', 2, 9, '', null, 'gold'],
    ]);
    expect(layered.layers).toEqual({ authorKeys: ['An', 'Bình', 'gold'], authors: [0, 1, 2] });
    expect(CompactSpansSchema.safeParse(layered).success).toBe(true);
    expect(decodeSpans(layered, 'Tô Lâm nói').map((span) => span.author)).toEqual(['An', 'Bình', 'gold']);
    for (const broken of [
      { ...layered, layers: { authorKeys: ['An', 'Bình'], authors: [0, 1, 2] } },
      { ...layered, layers: { authorKeys: ['An', 'Bình', 'gold'], authors: [0, 1] } },
    ]) {
      expect(CompactSpansSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
    }
  });
});
