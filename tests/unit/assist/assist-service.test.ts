import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { SUGGESTIONS_LISTED_MAX } from '../../../shared/contract/assist';
import type { Change } from '../../../shared/domain/changes';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openWorkbench } from '../../../electron/services/workbench';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const TEXT =
  'Sáng 10/1, Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao. Thứ nhất, tăng cường trao đổi thông tin. Ông Quang gặp Bộ Ngoại giao lần nữa.';

let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
  articleId = addArticle(workbench, TEXT, 'Làm việc');
});

const open = () => workbench.assist.suggest(articleId).suggestions.map((s) => `${s.labelKey}:${s.quote}`);

function accept(labelKey: string, quote: string, nth = 0): number {
  const text = workbench.articles.getText(articleId);
  let start = text.indexOf(quote);
  for (let i = 0; i < nth; i++) start = text.indexOf(quote, start + 1);
  const applied = workbench.changes.apply({
    origin: 'model',
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

function reject(labelKey: string, quote: string): void {
  const start = workbench.articles.getText(articleId).indexOf(quote);
  workbench.changes.apply({
    origin: 'manual',
    changes: [{ kind: 'assist.reject', suggestion: { articleId, labelKey, start, end: start + quote.length, quote } }],
  });
}

describe('AssistService.suggest', () => {
  it('offers names, patterns and dates, in reading order', () => {
    expect(open()).toEqual([
      'DATE:Sáng 10/1',
      'TITLE:Thứ trưởng',
      'PER:Lương Tam Quang',
      'ORG:Bộ Ngoại giao',
      'PROPOSAL:Thứ nhất, tăng cường trao đổi thông tin',
      'ORG:Bộ Ngoại giao',
    ]);
  });

  it('an accepted suggestion is a span with origin model and the analyst as author, and leaves the list', () => {
    const id = accept('ORG', 'Bộ Ngoại giao');
    expect(workbench.annotations.list(articleId).find((a) => a.id === id)).toMatchObject({
      origin: 'model',
      author: 'Lan',
      labelKey: 'ORG',
    });
    expect(open().filter((s) => s === 'ORG:Bộ Ngoại giao')).toHaveLength(1);
  });

  it('learns from accepted spans: a name tagged once is suggested everywhere else', () => {
    expect(open()).not.toContain('PER:Quang');
    accept('PER', 'Quang', 1); // "Ông Quang"
    expect(open()).toContain('PER:Lương Tam Quang');
    // The first "Quang" sits inside the PER suggestion "Lương Tam Quang" (leftmost-longest wins).
    workbench.assist.setSources({ pattern: false });
    expect(open()).toContain('PER:Quang');
  });

  it('a rejected suggestion does not come back for the same text in the same article, and undo brings it back', () => {
    reject('ORG', 'Bộ Ngoại giao');
    expect(open().filter((s) => s.startsWith('ORG:'))).toEqual([]);
    // Rejecting is per article: another article still gets it.
    const other = addArticle(workbench, 'Bộ Ngoại giao họp.', 'Họp');
    expect(workbench.assist.suggest(other).suggestions.map((s) => s.quote)).toContain('Bộ Ngoại giao');

    expect(workbench.changes.historyState(articleId).undoDescription).toBe('Reject ORG “Bộ Ngoại giao”');
    workbench.changes.undo(articleId);
    expect(open().filter((s) => s.startsWith('ORG:'))).toHaveLength(2);
  });

  it('a long article with more matches than a call takes arguments does not overflow the stack (regression: push(...found))', () => {
    // 200,000 matches of one shipped name: push(...array) throws RangeError above ~120k arguments.
    const longId = addArticle(workbench, 'Bộ Ngoại giao. '.repeat(200_000), 'Dài');
    const { suggestions } = workbench.assist.suggest(longId);
    expect(suggestions).toHaveLength(200_000);
    expect(suggestions[0]).toMatchObject({ labelKey: 'ORG', quote: 'Bộ Ngoại giao' });
  });

  it('the contract lists the first SUGGESTIONS_LISTED_MAX in reading order, with the total', async () => {
    const longId = addArticle(workbench, 'Bộ Ngoại giao. '.repeat(5_000), 'Dài');
    const api = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const answer = await dispatchCall(api, 'getSuggestions', { articleId: longId }, () => undefined);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const listed = answer.value as { suggestions: { start: number }[]; total: number };
    expect(listed.total).toBe(5_000);
    expect(listed.suggestions).toHaveLength(SUGGESTIONS_LISTED_MAX);
    expect(listed.suggestions.map((s) => s.start)).toEqual(listed.suggestions.map((_, i) => i * 15));
  });

  it('the contract gives its last answer again only while nothing was written: a write here, one by another connection, or a source switched off gives a fresh one', async () => {
    const api = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const listed = async () => {
      const answer = await dispatchCall(api, 'getSuggestions', { articleId }, () => undefined);
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return (answer.value as { suggestions: { labelKey: string; quote: string }[] }).suggestions.map(
        (s) => `${s.labelKey}:${s.quote}`,
      );
    };
    const first = await listed();
    expect(first).toEqual(open());
    expect(await listed()).toEqual(first);

    accept('PER', 'Lương Tam Quang');
    expect(await listed()).not.toContain('PER:Lương Tam Quang');

    const other = openWorkbench(workbench.databasePath);
    try {
      const start = TEXT.indexOf('Bộ Ngoại giao');
      const quote = 'Bộ Ngoại giao';
      other.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'assist.reject', suggestion: { articleId, labelKey: 'ORG', start, end: start + 13, quote } }],
      });
    } finally {
      other.close();
    }
    expect((await listed()).filter((s) => s.startsWith('ORG:'))).toEqual([]);

    await dispatchCall(api, 'setAssistSources', { pattern: false }, () => undefined);
    expect(await listed()).toEqual(open());
    expect(await listed()).not.toContain('DATE:Sáng 10/1');
  });

  it('entity names and aliases from the registry are suggested as names, and follow registry edits', () => {
    const text = 'Đồng chí Tô Lâm và ông Lâm gặp nhau.';
    const id = addArticle(workbench, text, 'Sổ thực thể');
    const names = () =>
      workbench.assist
        .suggest(id)
        .suggestions.filter((s) => s.labelKey === 'PER')
        .map((s) => s.quote);
    expect(names()).not.toContain('Tô Lâm');
    const applied = workbench.changes.apply({
      origin: 'manual',
      changes: [
        {
          kind: 'entity.create',
          ref: 'e',
          entity: { name: 'Tô Lâm', typeLabelKey: 'PER', aliases: ['Đồng chí Tô Lâm'] },
        },
      ],
    });
    expect(names()).toEqual(['Đồng chí Tô Lâm']);
    expect(workbench.assist.suggest(id).suggestions.find((s) => s.quote === 'Đồng chí Tô Lâm')?.source).toBe(
      'gazetteer',
    );
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'entity.delete', id: applied.createdIds.e! }],
    });
    expect(names()).toEqual([]);
  });

  it('sources can be switched off, and the choice is stored', () => {
    workbench.assist.setSources({ gazetteer: false, pattern: false });
    expect(open()).toEqual([]);
    const reopened = openWorkbench(workbench.databasePath);
    try {
      expect(reopened.assist.sources()).toEqual({ gazetteer: false, learned: true, pattern: false });
    } finally {
      reopened.close();
    }
  });
});

describe('names and patterns are undoable changes', () => {
  const apply = (...changes: Change[]) => workbench.changes.apply({ origin: 'manual', changes });

  it('a name added by the analyst is suggested, and undo removes it', () => {
    apply({ kind: 'assist.addName', name: { labelKey: 'PER', text: 'Ông Quang' } });
    expect(open()).toContain('PER:Ông Quang');
    expect(workbench.assist.addedNames()).toEqual([{ labelKey: 'PER', text: 'Ông Quang' }]);
    workbench.changes.undo(null);
    expect(workbench.assist.addedNames()).toEqual([]);
    expect(open()).not.toContain('PER:Ông Quang');
  });

  it('a shipped pattern can be switched off and reset; a pattern with nested repetitions is refused', async () => {
    const shipped = workbench.assist.patterns().find((p) => p.definition.id === 'proposal-enumeration')!;
    apply({ kind: 'assist.putPattern', pattern: { ...shipped.definition, enabled: false } });
    expect(open().some((s) => s.startsWith('PROPOSAL:'))).toBe(false);
    expect(workbench.assist.patterns().find((p) => p.definition.id === 'proposal-enumeration')).toMatchObject({
      shipped: true,
      edited: true,
    });
    apply({ kind: 'assist.resetPattern', id: 'proposal-enumeration' });
    expect(open().some((s) => s.startsWith('PROPOSAL:'))).toBe(true);

    const api = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const refused = await dispatchCall(
      api,
      'applyChanges',
      {
        origin: 'manual',
        changes: [
          { kind: 'assist.putPattern', pattern: { ...shipped.definition, id: 'mine', regex: '(\\p{L}+ )+đề nghị' } },
        ],
      },
      () => undefined,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(refused)).toMatch(/Pattern “mine” could run in catastrophic time/);
    expect(workbench.assist.patterns().map((p) => p.definition.id)).not.toContain('mine');
  });

  it('hostile payloads are refused by the contract and nothing is written', async () => {
    const api = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    for (const change of [
      { kind: 'assist.addName', name: { labelKey: 'PER', text: ' ' } },
      { kind: 'assist.addName', name: { labelKey: 'per; DROP', text: 'x y' } },
      { kind: 'assist.reject', suggestion: { articleId, labelKey: 'ORG', start: 5, end: 2, quote: 'x' } },
      { kind: 'assist.putPattern', pattern: { id: 'x', regex: 'a' } },
    ]) {
      const answer = await dispatchCall(api, 'applyChanges', { origin: 'manual', changes: [change] }, () => undefined);
      expect(answer).toMatchObject({ ok: false });
    }
    expect(workbench.assist.addedNames()).toEqual([]);
    expect(workbench.changes.historyState(null).canUndo).toBe(false);
  });
});
