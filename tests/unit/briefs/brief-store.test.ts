import { beforeEach, describe, expect, it } from 'vitest';
import type { BriefContent } from '../../../shared/brief/brief';
import type { SerializedCitationNode } from '../../../shared/brief/citation';
import type { ApiError } from '../../../shared/contract/errors';
import type { Change, ChangeSet } from '../../../shared/domain/changes';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openWorkbench } from '../../../electron/services/workbench';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
let workbench: ReturnType<typeof freshWorkbench>;

const TEXT = 'Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao tại Hà Nội ngày 10/1.';

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
});

const set = (...changes: Change[]): ChangeSet => ({ origin: 'manual', changes });

function paragraph(text: string, ...extra: object[]): object {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }, ...extra],
  };
}

function contentOf(...children: object[]): BriefContent {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } as BriefContent;
}

function createBrief(title = 'Rủi ro 2019–2024', content?: BriefContent): number {
  const applied = workbench.changes.apply(set({ kind: 'brief.create', ref: 'b', brief: { title, content } }));
  return applied.createdIds.b!;
}

describe('brief.* changes', () => {
  it('creates, renames, saves content and deletes, each read back from the store', () => {
    const id = createBrief();
    expect(workbench.briefs.get(id)).toMatchObject({ id, title: 'Rủi ro 2019–2024', author: 'Lan' });

    workbench.changes.apply(set({ kind: 'brief.rename', id, title: '  Năm rủi ro chính  ' }));
    const content = contentOf(paragraph('Bộ đã nêu năm rủi ro chính.'));
    const applied = workbench.changes.apply(set({ kind: 'brief.setContent', id, content }));

    expect(applied.briefs?.upserted).toEqual([expect.objectContaining({ id, title: 'Năm rủi ro chính' })]);
    expect(applied.briefs?.upserted[0]).not.toHaveProperty('content');
    const stored = workbench.briefs.get(id);
    expect(stored.title).toBe('Năm rủi ro chính');
    expect(stored.content).toEqual(content);
    expect(stored.updatedAt >= stored.createdAt).toBe(true);
    expect(workbench.briefs.list().map((brief) => brief.id)).toEqual([id]);

    const removed = workbench.changes.apply(set({ kind: 'brief.delete', id }));
    expect(removed.briefs?.removed).toEqual([id]);
    expect(workbench.briefs.list()).toEqual([]);
    expect(() => workbench.briefs.get(id)).toThrow(/Brief \d+ does not exist/);
  });

  it('keeps brief sets off every undo stack: content saves do not bury a corpus step (documented rule)', () => {
    workbench.changes.apply(
      set({
        kind: 'label.create',
        label: {
          key: 'RISK2',
          nameVi: 'Rủi ro 2',
          nameEn: 'Risk 2',
          color: '#aa3311',
          hotkey: null,
          kind: 'analytic',
          description: '',
          sortOrder: 99,
          parentKey: null,
          hidden: false,
          guideline: '',
        },
      }),
    );
    const id = createBrief();
    for (const text of ['Một', 'Một hai', 'Một hai ba']) {
      workbench.changes.apply(set({ kind: 'brief.setContent', id, content: contentOf(paragraph(text)) }));
    }

    expect(workbench.changes.historyState(null).undoDescription).toMatch(/RISK2|Rủi ro 2|Risk 2/);
    workbench.changes.undo(null);
    expect(workbench.labels.exists('RISK2')).toBe(false);
    // The brief is as last saved: undoing the corpus step did not touch it.
    expect(workbench.briefs.get(id).content).toEqual(contentOf(paragraph('Một hai ba')));
    // And the redo of the label survived the saves (a recorded set would have discarded it).
    workbench.changes.apply(set({ kind: 'brief.setContent', id, content: contentOf(paragraph('Bốn')) }));
    expect(workbench.changes.historyState(null).canRedo).toBe(true);
  });

  it('refuses a set mixing brief changes with recorded ones, writing nothing', () => {
    const articleId = addArticle(workbench, TEXT, 'Làm việc');
    const start = TEXT.indexOf('Hà Nội');
    expect(() =>
      workbench.changes.apply(
        set(
          { kind: 'brief.create', ref: 'b', brief: { title: 'X' } },
          {
            kind: 'annotation.create',
            ref: 'a',
            annotation: { articleId, labelKey: 'LOC', start, end: start + 6, quote: 'Hà Nội' },
          },
        ),
      ),
    ).toThrow(/cannot share a change set/);
    expect(workbench.briefs.list()).toEqual([]);
    expect(workbench.annotations.list(articleId)).toEqual([]);
  });

  it('refuses bad input naming the field: an empty title, a malformed citation', async () => {
    const api = createApiHandlers(workbench, { name: 'test' } as never);
    const empty = await dispatchCall(
      api,
      'applyChanges',
      set({ kind: 'brief.create', ref: 'b', brief: { title: '  ' } }),
      () => undefined,
    );
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(empty)).toMatch(/title cannot be empty/);

    const id = createBrief();
    const broken = { type: 'citation', version: 1, annotationId: 1, articleId: 1, labelKey: 'PER', quote: 'x' };
    expect(() =>
      workbench.changes.apply(set({ kind: 'brief.setContent', id, content: contentOf(paragraph('a', broken)) })),
    ).toThrow(/citation at root\.children\[0\]\.children\[1\]\.articleTitle is not valid/);
    // By catalogue key too: the problem is a message inside the message, shown in the UI's language.
    const refused = (() => {
      try {
        workbench.changes.apply(set({ kind: 'brief.setContent', id, content: contentOf(paragraph('a', broken)) }));
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(refused?.ref).toMatchObject({
      key: 'briefContentProblem',
      params: {
        problem: { key: 'briefCitationInvalid', params: { path: 'root.children[0].children[1].articleTitle' } },
      },
    });
    expect(workbench.briefs.get(id).content.root.children).toHaveLength(1);
  });

  it('a brief saved is read back the same through another connection', () => {
    const citation: SerializedCitationNode = {
      type: 'citation',
      version: 1,
      annotationId: 7,
      articleId: 3,
      labelKey: 'RISK',
      quote: 'rủi ro an ninh mạng',
      articleTitle: 'An ninh mạng',
      source: 'VnExpress',
      publishedAt: '2024-05-01',
      startU16: 10,
      endU16: 29,
    };
    const content = contentOf(paragraph('Trích dẫn: ', citation));
    const id = createBrief('Báo cáo', content);
    // A second connection to the file sees what the first committed.
    const reopened = openWorkbench(workbench.databasePath);
    try {
      expect(reopened.briefs.get(id)).toMatchObject({ title: 'Báo cáo', author: 'Lan', content });
    } finally {
      reopened.close();
    }
  });
});
