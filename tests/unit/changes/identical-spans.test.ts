/**
 * Regression (issue 9): identical spans (same label, same range) could be created twice with no
 * warning, and every export then counted the span twice.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../../shared/domain/changes';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';

describe('identical spans', () => {
  const openWorkbench = useTempWorkbenches();

  it('a second identical span is refused with a message, and only one is stored', async () => {
    const workbench = openWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const start = text.indexOf('Lương Tam Quang');
    const create = (labelKey: string): ChangeSet => ({
      articleId,
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey, start, end: start + 15, quote: 'Lương Tam Quang' },
        },
      ],
    });
    const first = workbench.changes.apply(create('PER'));
    expect(() => workbench.changes.apply(create('PER'))).toThrow(/already a PER span on “Lương Tam Quang”/);
    // Another label on the same range is a different annotation.
    const title = workbench.changes.apply(create('TITLE'));
    // Relabelling it onto the first one's label would make a twin too.
    expect(() =>
      workbench.changes.apply({
        articleId,
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id: title.createdIds.a!, patch: { labelKey: 'PER' } }],
      }),
    ).toThrow(/already a PER span/);

    const stored = workbench.annotationRows.listForArticle(articleId).map((span) => [span.id, span.labelKey]);
    expect(stored).toEqual([
      [first.createdIds.a, 'PER'],
      [title.createdIds.a, 'TITLE'],
    ]);
  });

  it('another author may hold the same span (authors are layers: a twin across them is agreement)', async () => {
    const workbench = openWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const start = text.indexOf('Lương Tam Quang');
    const create = (author: string): ChangeSet => ({
      articleId,
      origin: 'manual',
      author,
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey: 'PER', start, end: start + 15, quote: 'Lương Tam Quang' },
        },
      ],
    });
    workbench.changes.apply(create('An'));
    workbench.changes.apply(create('gold'));
    expect(() => workbench.changes.apply(create('gold'))).toThrow(/already a PER span/);

    const stored = workbench.annotationRows.listForArticle(articleId).map((span) => [span.author, span.labelKey]);
    expect(stored).toEqual([
      ['An', 'PER'],
      ['gold', 'PER'],
    ]);
  });
});
