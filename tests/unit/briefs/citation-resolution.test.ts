import { beforeEach, describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../../shared/domain/changes';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;

// The emoji before the span makes UTF-16 and code-point offsets differ by one.
const TEXT = '😀 Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao tại Hà Nội ngày 10/1.';

const set = (...changes: Change[]): ChangeSet => ({ origin: 'manual', changes });

function span(labelKey: string, quote: string): number {
  const start = TEXT.indexOf(quote);
  const applied = workbench.changes.apply(
    set({
      kind: 'annotation.create',
      ref: 's',
      annotation: { articleId, labelKey, start, end: start + quote.length, quote },
    }),
  );
  return applied.createdIds.s!;
}

beforeEach(() => {
  workbench = freshWorkbench();
  articleId = addArticle(workbench, TEXT, 'Thứ trưởng làm việc tại Hà Nội');
});

describe('resolveCitations', () => {
  it('answers the live span with its article, in both offset units', () => {
    const id = span('PER', 'Lương Tam Quang');
    const start = TEXT.indexOf('Lương');
    expect(workbench.briefs.resolveCitations([{ annotationId: id, articleId }])).toEqual([
      {
        state: 'live',
        citation: {
          annotationId: id,
          articleId,
          labelKey: 'PER',
          quote: 'Lương Tam Quang',
          articleTitle: 'Thứ trưởng làm việc tại Hà Nội',
          source: 'Báo Nhân Dân',
          publishedAt: '2026-01-10',
          startU16: start,
          endU16: start + 15,
        },
        startCp: start - 1,
        endCp: start + 14,
      },
    ]);
  });

  it('follows an edit of the span (new range, label) and reads it back', () => {
    const id = span('PER', 'Lương Tam Quang');
    const wider = 'Thứ trưởng Lương Tam Quang';
    const start = TEXT.indexOf(wider);
    workbench.changes.apply(
      set({
        kind: 'annotation.update',
        id,
        patch: { start, end: start + wider.length, quote: wider, labelKey: 'TITLE' },
      }),
    );
    const [resolved] = workbench.briefs.resolveCitations([{ annotationId: id, articleId }]);
    expect(resolved).toMatchObject({ state: 'live', citation: { quote: wider, labelKey: 'TITLE', startU16: start } });
  });

  it('is orphaned when the span is deleted, articleMissing when the article is', () => {
    const deleted = span('LOC', 'Hà Nội');
    const kept = span('ORG', 'Bộ Ngoại giao');
    workbench.changes.apply(set({ kind: 'annotation.delete', id: deleted }));
    expect(
      workbench.briefs.resolveCitations([
        { annotationId: deleted, articleId },
        { annotationId: kept, articleId },
      ]),
    ).toEqual([{ state: 'orphaned', annotationId: deleted, articleId }, expect.objectContaining({ state: 'live' })]);

    workbench.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect(workbench.briefs.resolveCitations([{ annotationId: kept, articleId }])).toEqual([
      { state: 'articleMissing', annotationId: kept, articleId },
    ]);
  });
});

describe('searchCitableSpans', () => {
  it('finds spans by folded quote, by label name and by linked entity, newest first', () => {
    const per = span('PER', 'Lương Tam Quang');
    const loc = span('LOC', 'Hà Nội');
    workbench.changes.apply(
      set(
        { kind: 'entity.create', ref: 'e', entity: { name: 'Bộ trưởng Quang', typeLabelKey: 'PER' } },
        { kind: 'entityLink.set', annotationId: per, entityRef: 'e' },
      ),
    );
    const ids = (query: string) => workbench.briefs.searchCitableSpans(query, 50).map((hit) => hit.annotationId);
    expect(ids('ha noi')).toEqual([loc]);
    expect(ids('LOC')).toEqual([loc]);
    expect(ids('bộ trưởng')).toEqual([per]);
    expect(ids('')).toEqual([loc, per]);
    expect(workbench.briefs.searchCitableSpans('', 1)).toHaveLength(1);
  });
});
