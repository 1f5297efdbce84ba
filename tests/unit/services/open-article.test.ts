import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
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

  describe('reopenArticle: "unchanged" exactly while nothing was written since the version held', () => {
    const reopen = async (id: number, version: string) => {
      const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
      const result = await dispatchCall(handlers, 'reopenArticle', { id, version }, () => {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value as OpenedArticle | { unchanged: true };
    };

    it('unchanged after reads only; the whole answer, with the write, after a write through the pipeline', async () => {
      const opened = await open(articleId);
      await open(articleId); // reads (another open, the library) change nothing
      workbench.articles.list();
      expect(await reopen(articleId, opened.version)).toEqual({ unchanged: true });
      const span = create('Bộ Công an', 'ORG');
      const fresh = await reopen(articleId, opened.version);
      expect('unchanged' in fresh).toBe(false);
      const reread = fresh as OpenedArticle;
      expect(reread.spans.ids).toContain(span.id);
      expect(reread.version).not.toBe(opened.version);
      expect(reread).toEqual(await open(articleId));
      expect(await reopen(articleId, reread.version)).toEqual({ unchanged: true });
    });

    it('a write to another article, or the schema, also counts (the answer holds the schema history and relation types)', async () => {
      const opened = await open(articleId);
      workbench.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'label.update', key: 'PER', patch: { nameEn: 'Person (renamed)' } }],
      });
      expect('unchanged' in (await reopen(articleId, opened.version))).toBe(false);
    });

    it("another connection's commit (the command line, a worker) counts too", async () => {
      const opened = await open(articleId);
      const other = new BetterSqlite3(join(workbench.dir, 'marginalia.db'));
      try {
        other.prepare(`UPDATE articles SET title = 'Đổi tên' WHERE id = ?`).run(articleId);
      } finally {
        other.close();
      }
      const fresh = await reopen(articleId, opened.version);
      expect((fresh as OpenedArticle).article.title).toBe('Đổi tên');
    });

    it('the host gives its last answer again only while nothing was written (one host, article opened twice)', async () => {
      const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
      const openHere = async () => {
        const result = await dispatchCall(handlers, 'openArticle', { id: articleId }, () => {});
        if (!result.ok) throw new Error(result.error.message);
        return result.value as OpenedArticle;
      };
      const first = await openHere();
      expect(await openHere()).toEqual(first);
      const span = create('Bộ Công an', 'ORG');
      const second = await openHere();
      expect(second.spans.ids).toContain(span.id);
      expect(second.history.canUndo).toBe(true);
      const other = new BetterSqlite3(join(workbench.dir, 'marginalia.db'));
      try {
        other.prepare(`DELETE FROM annotations WHERE id = ?`).run(span.id);
      } finally {
        other.close();
      }
      expect((await openHere()).spans.ids).not.toContain(span.id);
    });

    it('a version from another host run never matches', async () => {
      const opened = await open(articleId);
      const [, ...rest] = opened.version.split('.');
      expect('unchanged' in (await reopen(articleId, ['someoneElse', ...rest].join('.')))).toBe(false);
    });
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
