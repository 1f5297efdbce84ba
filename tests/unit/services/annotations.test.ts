import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { openWorkbench } from '../../../electron/services/workbench';
import { openTempWorkbench, SEEDS_DIR } from '../../helpers/temp-workbench';

describe('annotation service', () => {
  let workbench: ReturnType<typeof openTempWorkbench>;
  let articleId: number;
  let text: string;
  const spanOf = (quote: string) => {
    const start = text.indexOf(quote);
    return { articleId, start, end: start + quote.length, quote };
  };

  beforeEach(async () => {
    workbench = openTempWorkbench();
    await seedIfEmpty(workbench, SEEDS_DIR);
    const article = workbench.articles.list().find((a) => a.displayTitle.startsWith('3 đề xuất'));
    if (!article) throw new Error('seed missing');
    articleId = article.id;
    text = workbench.articles.getText(articleId);
  });
  afterEach(() => workbench.dispose());

  it('stores a valid span, marks the article in progress and counts it', () => {
    const created = workbench.annotations.create({ ...spanOf('Lương Tam Quang'), labelKey: 'PER' });
    expect(created).toMatchObject({ labelKey: 'PER', quote: 'Lương Tam Quang', origin: 'manual', note: '' });
    expect(workbench.articles.getSummary(articleId)).toMatchObject({ status: 'in_progress', annotationCount: 1 });
  });

  it.each([
    ['end past the text', (s: ReturnType<typeof spanOf>) => ({ ...s, end: text.length + 1 }), /past the end/],
    ['start not before end', (s: ReturnType<typeof spanOf>) => ({ ...s, end: s.start }), /must be before/],
    ['a quote that does not match', (s: ReturnType<typeof spanOf>) => ({ ...s, quote: 'Tô Lâm' }), /does not match/],
  ])('rejects %s and stores nothing', (_name, mutate, message) => {
    expect(() => workbench.annotations.create({ ...mutate(spanOf('Lương Tam Quang')), labelKey: 'PER' })).toThrow(
      message,
    );
    expect(workbench.annotations.list(articleId)).toEqual([]);
    expect(workbench.changes.historyState(articleId).canUndo).toBe(false);
  });

  it('rejects an unknown label and a missing article with typed errors', () => {
    const unknownLabel = () => workbench.annotations.create({ ...spanOf('Lương Tam Quang'), labelKey: 'NOPE' });
    expect(unknownLabel).toThrow(ApiError);
    expect(unknownLabel).toThrow(/no label NOPE/);
    try {
      workbench.annotations.create({ ...spanOf('Lương Tam Quang'), articleId: 9999, labelKey: 'PER' });
    } catch (error) {
      expect((error as ApiError).code).toBe('not_found');
    }
  });

  it('requires the new quote when edges move, and checks it', () => {
    const created = workbench.annotations.create({ ...spanOf('Tam Quang'), labelKey: 'PER' });
    const wider = spanOf('Lương Tam Quang');
    expect(() => workbench.annotations.update({ id: created.id, start: wider.start })).toThrow(/needs the new quote/);
    const updated = workbench.annotations.update({
      id: created.id,
      start: wider.start,
      end: wider.end,
      quote: wider.quote,
    });
    expect(updated.quote).toBe('Lương Tam Quang');
  });

  it('undoes and redoes create, update and delete, keeping ids, across a reopen of the database', () => {
    const per = workbench.annotations.create({ ...spanOf('Lương Tam Quang'), labelKey: 'PER' });
    workbench.annotations.update({ id: per.id, labelKey: 'TITLE', note: 'checked' });
    const org = workbench.annotations.create({ ...spanOf('Bộ Ngoại giao'), labelKey: 'ORG' });
    workbench.annotations.delete(org.id);

    // Restart: the log is in SQLite, not in memory.
    workbench.close();
    const reopened = openWorkbench(workbench.databasePath);
    try {
      const service = reopened.changes;
      const list = () => reopened.annotations.list(articleId);
      expect(service.historyState(articleId)).toMatchObject({ canUndo: true, canRedo: false });
      expect(service.undo(articleId)?.upserted.map((a) => a.id)).toEqual([org.id]); // delete undone
      expect(service.undo(articleId)?.removed).toEqual([org.id]); // create undone
      const relabel = service.undo(articleId);
      expect(relabel?.upserted[0]).toMatchObject({ id: per.id, labelKey: 'PER', note: '' });
      expect(list().map((a) => a.labelKey)).toEqual(['PER']);

      expect(service.redo(articleId)?.upserted[0]).toMatchObject({ labelKey: 'TITLE', note: 'checked' });
      // A new action drops the redo branch.
      reopened.annotations.create({ ...spanOf('Hà Nội'), labelKey: 'LOC' });
      expect(service.historyState(articleId).canRedo).toBe(false);
      expect(
        list()
          .map((a) => a.labelKey)
          .sort(),
      ).toEqual(['LOC', 'TITLE']);
    } finally {
      reopened.close();
    }
    // dispose() closes again harmlessly: better-sqlite3's close is idempotent.
  });
});
