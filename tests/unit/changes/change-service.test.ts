import { Worker } from 'node:worker_threads';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppliedChanges, Change, ChangeSet } from '../../../shared/domain/changes';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openWorkbench } from '../../../electron/services/workbench';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const TEXT = 'Thứ trưởng Lương Tam Quang làm việc với Bộ Ngoại giao tại Hà Nội ngày 10/1.';

let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
  articleId = addArticle(workbench, TEXT, 'Làm việc');
});

function create(ref: string, labelKey: string, quote: string, article = articleId): Change {
  const start = workbench.articles.getText(article).indexOf(quote);
  return {
    kind: 'annotation.create',
    ref,
    annotation: { articleId: article, labelKey, start, end: start + quote.length, quote },
  };
}

/** The same span with another quote: it no longer matches the text. */
function withQuote(change: Change, quote: string): Change {
  if (change.kind !== 'annotation.create') throw new Error('a create was expected');
  return { ...change, annotation: { ...change.annotation, quote } };
}

const manual = (changes: Change[], extra: Partial<ChangeSet> = {}): ChangeSet => ({
  origin: 'manual',
  changes,
  ...extra,
});

const stored = () => workbench.annotations.list(articleId).map((a) => `${a.labelKey}:${a.quote}`);

describe('ChangeService.apply', () => {
  it('applies a set of several changes as one history entry that one undo reverts', () => {
    const first = workbench.changes.apply(manual([create('per', 'PER', 'Lương Tam Quang')]));
    const perId = first.createdIds.per!;

    const applied = workbench.changes.apply(
      manual([
        create('org', 'ORG', 'Bộ Ngoại giao'),
        create('loc', 'LOC', 'Hà Nội'),
        { kind: 'annotation.update', id: perId, patch: { labelKey: 'TITLE', note: 'kiểm tra' } },
      ]),
    );

    expect(applied).toMatchObject({
      articleId,
      description: '3 edits',
      removed: [],
      history: { canUndo: true, canRedo: false, undoDescription: '3 edits' },
      summary: { id: articleId, status: 'in_progress', annotationCount: 3 },
    });
    expect(Object.keys(applied.createdIds)).toEqual(['org', 'loc']);
    expect(applied.upserted.map((a) => a.id).sort()).toEqual(
      [applied.createdIds.org, applied.createdIds.loc, perId].sort(),
    );
    expect(workbench.history.listForArticle(articleId)).toHaveLength(2);
    expect(stored()).toEqual(['TITLE:Lương Tam Quang', 'ORG:Bộ Ngoại giao', 'LOC:Hà Nội']);

    const undone = workbench.changes.undo(articleId);
    expect(undone?.removed.sort()).toEqual([applied.createdIds.org, applied.createdIds.loc].sort());
    expect(undone?.upserted).toMatchObject([{ id: perId, labelKey: 'PER', note: '' }]);
    expect(undone?.history).toMatchObject({ canUndo: true, canRedo: true, redoDescription: '3 edits' });
    expect(stored()).toEqual(['PER:Lương Tam Quang']);

    workbench.changes.redo(articleId);
    expect(stored()).toEqual(['TITLE:Lương Tam Quang', 'ORG:Bộ Ngoại giao', 'LOC:Hà Nội']);
  });

  it('is all or nothing: one invalid change stores nothing of the set and names the change', () => {
    const set = manual([
      create('org', 'ORG', 'Bộ Ngoại giao'),
      withQuote(create('loc', 'LOC', 'Hà Nội'), 'Huế'),
      create('per', 'PER', 'Lương Tam Quang'),
    ]);
    expect(() => workbench.changes.apply(set)).toThrow(
      /^Change 2 of 3 \(annotation\.create\): The span was not saved: the quote does not match/,
    );
    expect(workbench.annotations.list(articleId)).toEqual([]);
    expect(workbench.history.listForArticle(articleId)).toEqual([]);
    expect(workbench.articles.getSummary(articleId)).toMatchObject({ status: 'new', annotationCount: 0 });
  });

  it('refuses a change outside the set’s article, an unknown label and a duplicate ref, storing nothing', () => {
    const other = addArticle(workbench, 'Hà Nội mùa thu.');
    expect(() => workbench.changes.apply(manual([create('loc', 'LOC', 'Hà Nội', other)], { articleId }))).toThrow(
      `it is in article ${other}, not in article ${articleId} of the set.`,
    );
    expect(() => workbench.changes.apply(manual([create('x', 'NOPE', 'Hà Nội')]))).toThrow('There is no label NOPE.');
    expect(() =>
      workbench.changes.apply(manual([create('x', 'LOC', 'Hà Nội'), create('x', 'ORG', 'Bộ Ngoại giao')])),
    ).toThrow(/the ref “x” is used twice/);
    expect(workbench.annotations.list(articleId)).toEqual([]);
    expect(workbench.annotations.list(other)).toEqual([]);
  });

  it('fills in the author from the profile, keeps a given author, and records origin and author in the history', () => {
    const byProfile = workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')]));
    expect(byProfile.upserted[0]).toMatchObject({ author: 'Lan', origin: 'manual' });
    const byModel = workbench.changes.apply({
      origin: 'model',
      author: 'ner-v2',
      changes: [create('b', 'LOC', 'Hà Nội')],
    });
    expect(byModel.upserted[0]).toMatchObject({ author: 'ner-v2', origin: 'model' });
    expect(workbench.annotations.list(articleId).map((a) => [a.author, a.origin])).toEqual([
      ['Lan', 'manual'],
      ['ner-v2', 'model'],
    ]);
    expect(workbench.history.listForArticle(articleId).map((e) => [e.author, e.origin])).toEqual([
      ['Lan', 'manual'],
      ['ner-v2', 'model'],
    ]);
  });

  it('refuses imported provenance in a manual set', () => {
    const change = create('a', 'PER', 'Lương Tam Quang');
    if (change.kind !== 'annotation.create') throw new Error('a create was expected');
    const imported = {
      id: 7,
      author: 'X',
      origin: 'manual' as const,
      createdAt: '2020-01-01',
      updatedAt: '2020-01-01',
    };
    const forged: Change = { ...change, annotation: { ...change.annotation, imported } };
    expect(() => workbench.changes.apply(manual([forged]))).toThrow(/only import and merge sets/);
    expect(workbench.annotations.list(articleId)).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('validate like new changes: undo of a delete whose label was removed meanwhile is refused and changes nothing', () => {
    const { createdIds } = workbench.changes.apply(manual([create('per', 'PER', 'Lương Tam Quang')]));
    workbench.changes.apply(manual([{ kind: 'annotation.delete', id: createdIds.per! }]));
    // Stands in for a label removed from the schema (a later change kind); no PER span is left.
    workbench.db.prepare(`UPDATE labels SET hotkey = NULL WHERE key = 'PER'`).run();
    workbench.db.prepare(`DELETE FROM labels WHERE key = 'PER'`).run();

    expect(() => workbench.changes.undo(articleId)).toThrow(
      'Cannot undo “Delete PER “Lương Tam Quang””: there is no label PER.',
    );
    expect(workbench.annotations.list(articleId)).toEqual([]);
    expect(workbench.changes.historyState(articleId)).toMatchObject({
      canUndo: true,
      canRedo: false,
      undoDescription: 'Delete PER “Lương Tam Quang”',
    });
  });

  it('roll back every step of a set when a later step cannot be undone', () => {
    const { createdIds } = workbench.changes.apply(
      manual([create('loc', 'LOC', 'Hà Nội'), create('org', 'ORG', 'Bộ Ngoại giao')]),
    );
    workbench.changes.apply(
      manual([
        { kind: 'annotation.delete', id: createdIds.loc! },
        { kind: 'annotation.delete', id: createdIds.org! },
      ]),
    );
    workbench.db.prepare(`UPDATE labels SET hotkey = NULL WHERE key = 'LOC'`).run();
    workbench.db.prepare(`DELETE FROM labels WHERE key = 'LOC'`).run();
    // Undo re-creates ORG first (reverse order), then fails on LOC: ORG must not stay.
    expect(() => workbench.changes.undo(articleId)).toThrow(/there is no label LOC/);
    expect(workbench.annotations.list(articleId)).toEqual([]);
  });

  it('a new set discards the article’s undone sets (the redo branch), and only that article’s', () => {
    const other = addArticle(workbench, 'Hà Nội mùa thu.');
    workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')]));
    workbench.changes.apply(manual([create('b', 'LOC', 'Hà Nội', other)]));
    workbench.changes.undo(articleId);
    workbench.changes.undo(other);
    expect(workbench.changes.historyState(articleId).canRedo).toBe(true);

    workbench.changes.apply(manual([create('c', 'ORG', 'Bộ Ngoại giao')]));
    expect(workbench.changes.historyState(articleId)).toMatchObject({ canRedo: false, canUndo: true });
    expect(workbench.changes.redo(articleId)).toBeNull();
    expect(stored()).toEqual(['ORG:Bộ Ngoại giao']);
    expect(workbench.changes.historyState(other).canRedo).toBe(true);
  });

  it('a set over several articles is recorded in the corpus-wide stack, and undo(null) reverts it whole', () => {
    const otherId = addArticle(workbench, 'Bộ Ngoại giao họp tại Hà Nội.', 'Họp');
    const applied = workbench.changes.apply(
      manual([create('a', 'ORG', 'Bộ Ngoại giao'), create('b', 'ORG', 'Bộ Ngoại giao', otherId)]),
    );
    expect(applied).toMatchObject({ articleId: null, history: null, description: 'Tag 2 spans' });
    expect(workbench.changes.historyState(null)).toMatchObject({ canUndo: true, undoDescription: 'Tag 2 spans' });
    expect(workbench.changes.historyState(articleId).canUndo).toBe(false);

    const undone = workbench.changes.undo(null);
    expect(undone?.removed.sort()).toEqual(Object.values(applied.createdIds).sort());
    expect(workbench.annotations.list(articleId)).toEqual([]);
    expect(workbench.annotations.list(otherId)).toEqual([]);
    expect(workbench.changes.historyState(null)).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('undo refuses to overwrite a span changed since by a set of another stack (stale undo clobbered later edits)', () => {
    const otherId = addArticle(workbench, 'Bộ Ngoại giao họp tại Hà Nội.', 'Họp');
    const perId = workbench.changes.apply(manual([create('per', 'PER', 'Lương Tam Quang')])).createdIds.per!;
    workbench.changes.apply(manual([{ kind: 'annotation.update', id: perId, patch: { note: 'một' } }]));
    // A corpus-wide set (two articles) edits the same span again; it is not on the article's stack.
    workbench.changes.apply(
      manual([
        { kind: 'annotation.update', id: perId, patch: { note: 'hai' } },
        create('b', 'ORG', 'Bộ Ngoại giao', otherId),
      ]),
    );

    expect(() => workbench.changes.undo(articleId)).toThrow(/annotation \d+ was changed since/);
    expect(workbench.annotations.list(articleId)).toMatchObject([{ id: perId, note: 'hai' }]);
    expect(workbench.changes.historyState(articleId).canUndo).toBe(true);
  });

  it('answer not_found for a missing article, through the contract too', async () => {
    expect(() => workbench.changes.undo(9999)).toThrow(/Article 9999 does not exist/);
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    for (const name of ['undo', 'redo', 'getHistoryState'] as const) {
      const result = await dispatchCall(handlers, name, { articleId: 9999 }, () => undefined);
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'not_found',
          message: 'Article 9999 does not exist.',
          ref: { key: 'articleNotFound', params: { id: 9999 } },
        },
      });
    }
  });
});

describe('applyChanges through the contract', () => {
  it('refuses malformed sets as invalid_input and answers a stored set in the AppliedChanges shape', async () => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const call = (payload: unknown) => dispatchCall(handlers, 'applyChanges', payload, () => {});
    for (const payload of [
      { origin: 'manual', changes: [] },
      { origin: 'robot', changes: [create('a', 'PER', 'Lương Tam Quang')] },
      { origin: 'manual', changes: [{ kind: 'annotation.move', id: 1 }] },
      { origin: 'manual', changes: [{ kind: 'annotation.delete', id: 1, extra: true }] },
    ]) {
      expect(await call(payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(workbench.annotations.list(articleId)).toEqual([]);

    const result = await call({ articleId, origin: 'manual', changes: [create('a', 'PER', 'Lương Tam Quang')] });
    expect(result).toMatchObject({
      ok: true,
      value: { articleId, createdIds: { a: 1 }, upserted: [{ id: 1, author: 'Lan' }], summary: { annotationCount: 1 } },
    });
    expect(workbench.annotations.list(articleId)).toMatchObject([{ id: 1, quote: 'Lương Tam Quang', author: 'Lan' }]);
  });
});

describe('onApplied', () => {
  it('fires after commit with what was applied, never for a refused set', () => {
    const second = openWorkbench(workbench.databasePath);
    const seen: { applied: AppliedChanges; visibleElsewhere: number }[] = [];
    const unsubscribe = workbench.changes.onApplied((applied) => {
      // Another connection sees the rows only once the transaction has committed.
      seen.push({ applied, visibleElsewhere: second.annotations.list(articleId).length });
    });
    try {
      workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')]));
      expect(() => workbench.changes.apply(manual([create('b', 'NOPE', 'Hà Nội')]))).toThrow();
      workbench.changes.undo(articleId);
      expect(seen.map(({ applied, visibleElsewhere }) => [applied.description, visibleElsewhere])).toEqual([
        ['Tag PER “Lương Tam Quang”', 1],
        ['Tag PER “Lương Tam Quang”', 0],
      ]);
      unsubscribe();
      workbench.changes.apply(manual([create('c', 'LOC', 'Hà Nội')]));
      expect(seen).toHaveLength(2);
    } finally {
      second.close();
    }
  });

  it('inside a batch, fires only once the batch commits, and not at all when it rolls back', () => {
    const listener = vi.fn();
    workbench.changes.onApplied(listener);
    workbench.changes.batch(() => {
      workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')]));
      workbench.changes.apply(manual([create('b', 'LOC', 'Hà Nội')]));
      expect(listener).not.toHaveBeenCalled();
    });
    expect(listener).toHaveBeenCalledTimes(2);

    expect(() =>
      workbench.changes.batch(() => {
        workbench.changes.apply(manual([create('c', 'ORG', 'Bộ Ngoại giao')]));
        throw new Error('the file turned out to be broken');
      }),
    ).toThrow('the file turned out to be broken');
    expect(listener).toHaveBeenCalledTimes(2);
    expect(stored()).toEqual(['PER:Lương Tam Quang', 'LOC:Hà Nội']);
  });

  it('refuses a write inside a transaction it did not open, since it could not say when it commits', () => {
    expect(() =>
      workbench.db.transaction(() => workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')])))(),
    ).toThrow(/changes\.batch/);
    expect(workbench.annotations.list(articleId)).toEqual([]);
  });
});

/** Another process (the CLI, an import worker) holding the write lock for `holdMs`, then committing. */
function holdWriteLock(path: string, holdMs: number): { locked: Promise<void>; finished: Promise<string[]> } {
  const holder = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require('better-sqlite3');
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("UPDATE articles SET title = 'Sửa từ tiến trình khác' WHERE id = ?").run(workerData.articleId);
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('COMMIT');
    db.close();
    parentPort.postMessage('committed');
    `,
    { eval: true, workerData: { path, articleId, holdMs } },
  );
  const messages: string[] = [];
  const locked = new Promise<void>((resolve) => holder.once('message', () => resolve()));
  const finished = new Promise<string[]>((resolve, reject) => {
    holder.on('message', (message: string) => messages.push(message));
    holder.on('error', reject);
    holder.on('exit', () => resolve(messages));
  });
  return { locked, finished };
}

describe('two connections on one file', () => {
  it('a write waits for another connection’s write transaction instead of failing (IMMEDIATE, no SQLITE_BUSY_SNAPSHOT)', async () => {
    const { locked, finished } = holdWriteLock(workbench.databasePath, 300);
    await locked;

    // Blocks in the busy handler until the other connection commits, then succeeds.
    const applied = workbench.changes.apply(manual([create('a', 'PER', 'Lương Tam Quang')]));

    expect(await finished).toEqual(['locked', 'committed']);
    expect(applied.upserted).toHaveLength(1);
    const reader = openWorkbench(workbench.databasePath);
    try {
      expect(reader.annotations.list(articleId).map((a) => a.quote)).toEqual(['Lương Tam Quang']);
      expect(reader.articles.getSummary(articleId).title).toBe('Sửa từ tiến trình khác');
    } finally {
      reader.close();
    }
  });
});
