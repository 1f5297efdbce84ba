/**
 * DocumentSync against a fake backend that can hold, reorder and refuse requests. The first
 * five tests pin bugs of the reader's write path (issue 8); each checks both what the reader
 * shows (the sync's spans) and what the backend stored.
 */
import { describe, expect, it } from 'vitest';
import {
  DocumentSync,
  type Settled,
  type Span,
  type SpanChange,
} from '../../../renderer/src/reader/sync/document-sync';
import type { AppliedChanges } from '../../../shared/domain/changes';
import { FakeBackend } from './fake-backend';

const ARTICLE_ID = 1;
const TEXT = 'Thượng tướng Lương Tam Quang, Thứ trưởng Bộ Công an, nêu bật ba điểm.';
const quoteOf = (start: number, end: number) => TEXT.slice(start, end);
const NAME = { start: TEXT.indexOf('Lương'), end: TEXT.indexOf(',') };
const MINISTRY = { start: TEXT.indexOf('Bộ Công an'), end: TEXT.indexOf(', nêu') };

function setUp(seed: Span[] = [{ id: 7, labelKey: 'PER', ...NAME, quote: quoteOf(NAME.start, NAME.end), note: '' }]) {
  const backend = new FakeBackend(ARTICLE_ID, seed);
  const sync = new DocumentSync(ARTICLE_ID, seed, backend);
  const settled: Settled[] = [];
  const changes: SpanChange[] = [];
  sync.onSettled((result) => settled.push(result));
  sync.onSpans((change) => changes.push(change));
  /** What the reader shows, as [id, label, quote, note]. */
  const shown = () => sync.spans.all().map((span) => [span.id, span.labelKey, span.quote, span.note]);
  const failures = () => settled.filter((result) => !result.ok);
  return { backend, sync, settled, changes, shown, failures };
}

/** Lets queued microtasks and the sync's queue run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const newSpan = (labelKey: string, range: { start: number; end: number }) => ({
  labelKey,
  ...range,
  quote: quoteOf(range.start, range.end),
  note: '',
});

describe('DocumentSync', () => {
  it('lost edits: a relabel, a note, an edge move and a delete are all sent, not only creates', async () => {
    const { backend, sync, shown } = setUp([
      { id: 7, labelKey: 'PER', ...NAME, quote: quoteOf(NAME.start, NAME.end), note: '' },
      { id: 8, labelKey: 'ORG', ...MINISTRY, quote: quoteOf(MINISTRY.start, MINISTRY.end), note: '' },
    ]);
    void sync.update(7, { labelKey: 'TITLE' });
    void sync.update(7, { note: 'Thứ trưởng' });
    const shorter = { start: NAME.start, end: NAME.end - ' Quang'.length };
    void sync.update(7, { ...shorter, quote: quoteOf(shorter.start, shorter.end) });
    void sync.delete(8);
    await sync.whenIdle();
    expect(backend.rows()).toEqual([[7, 'TITLE', 'Lương Tam', 'Thứ trưởng']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('edit to a span whose create is still in flight reaches the saved id', async () => {
    const { backend, sync, shown } = setUp([]);
    backend.hold();
    const { id: temporaryId } = sync.create(newSpan('PER', NAME));
    void sync.update(temporaryId, { labelKey: 'TITLE' });
    void sync.update(temporaryId, { note: 'Thứ trưởng' });
    expect(shown()).toEqual([[temporaryId, 'TITLE', 'Lương Tam Quang', 'Thứ trưởng']]);
    await flush();
    expect(backend.outstanding).toHaveLength(1); // the edits wait for the saved id
    while (backend.outstanding.length) {
      backend.completeAt(0);
      await flush();
    }
    await sync.whenIdle();
    expect(backend.committed).toEqual([
      'create 100 PER',
      'update 100 {"labelKey":"TITLE"}',
      'update 100 {"note":"Thứ trưởng"}',
    ]);
    expect(backend.rows()).toEqual([[100, 'TITLE', 'Lương Tam Quang', 'Thứ trưởng']]);
    expect(shown()).toEqual(backend.rows());
    expect(sync.savedIdOf(temporaryId)).toBe(100);
  });

  it('confirmation arriving after the span was deleted does not resurrect it', async () => {
    const { backend, sync, shown } = setUp([]);
    backend.hold();
    const { id: temporaryId } = sync.create(newSpan('PER', NAME));
    void sync.delete(temporaryId);
    expect(shown()).toEqual([]);
    await flush();
    backend.completeAt(0); // the create's confirmation, after the delete was made
    await flush();
    expect(shown()).toEqual([]);
    backend.completeAt(0);
    await sync.whenIdle();
    expect(backend.committed).toEqual(['create 100 PER', 'delete 100']);
    expect(backend.rows()).toEqual([]);
    expect(shown()).toEqual([]);
  });

  it('a failed write rolls back exactly the failed step; later successful steps stay', async () => {
    const { backend, sync, shown, failures } = setUp();
    backend.refuseNext((request) => request.call === 'apply' && JSON.stringify(request.changeSet).includes('TITLE'));
    void sync.update(7, { labelKey: 'TITLE' }); // refused
    void sync.update(7, { note: 'Thứ trưởng' }); // accepted, made while the relabel was pending
    await sync.whenIdle();
    expect(failures()).toHaveLength(1);
    expect(backend.rows()).toEqual([[7, 'PER', 'Lương Tam Quang', 'Thứ trưởng']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('a failed create drops the edits queued on its span, which does not come back', async () => {
    const { backend, sync, shown, failures } = setUp([]);
    backend.refuseNext((request) => request.call === 'apply');
    const { id: temporaryId } = sync.create(newSpan('PER', NAME));
    void sync.update(temporaryId, { labelKey: 'TITLE' });
    void sync.update(temporaryId, { note: 'Thứ trưởng' });
    await sync.whenIdle();
    expect(backend.rows()).toEqual([]);
    expect(shown()).toEqual([]);
    expect(failures()).toHaveLength(1); // one message for the create, none for the edits on it
  });

  it('undo during a pending write runs after the pending write, in order', async () => {
    const { backend, sync, shown } = setUp([]);
    backend.hold();
    sync.create(newSpan('PER', NAME));
    void sync.undo();
    await flush();
    expect(backend.outstanding.map((outstanding) => outstanding.request.call)).toEqual(['apply']);
    backend.completeAt(0);
    await flush();
    expect(backend.outstanding.map((outstanding) => outstanding.request.call)).toEqual(['undo']);
    backend.completeAt(0);
    await sync.whenIdle();
    expect(backend.committed).toEqual(['create 100 PER', 'undo']);
    expect(backend.rows()).toEqual([]);
    expect(shown()).toEqual([]);
  });

  it("writes are sent in the user's order even when completions are reordered", async () => {
    const { backend, sync, shown } = setUp();
    backend.hold();
    const { id: organisation } = sync.create(newSpan('ORG', MINISTRY));
    void sync.update(7, { labelKey: 'TITLE' });
    void sync.update(organisation, { note: 'bộ' });
    void sync.delete(7);
    void sync.redo();
    // Always complete the newest outstanding request first.
    for (let round = 0; round < 20; round++) {
      await flush();
      if (backend.outstanding.length) backend.completeAt(backend.outstanding.length - 1);
    }
    await sync.whenIdle();
    expect(backend.committed).toEqual([
      'create 100 ORG',
      'update 7 {"labelKey":"TITLE"}',
      'update 100 {"note":"bộ"}',
      'delete 7',
    ]);
    expect(backend.rows()).toEqual([[100, 'ORG', 'Bộ Công an', 'bộ']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('a new span takes its saved id in one change that names the rename', async () => {
    const { sync, changes } = setUp([]);
    const { id: temporaryId, settled } = sync.create(newSpan('PER', NAME));
    await settled;
    const rename = changes.find((change) => change.renamed.size > 0);
    expect(rename?.renamed.get(temporaryId)).toBe(100);
    expect(rename?.removed.map((span) => span.id)).toEqual([temporaryId]);
    expect(rename?.upserted.map((span) => span.id)).toEqual([100]);
    expect(sync.spans.get(temporaryId)).toBeUndefined();
  });

  it('a view still holding the temporary id after the save finds the span, under the id it was first shown with', async () => {
    const { sync } = setUp([]);
    const { id: temporaryId, settled } = sync.create(newSpan('PER', NAME));
    expect(sync.firstIdOf(temporaryId)).toBe(temporaryId);
    await settled;
    expect(sync.spanOf(temporaryId)?.id).toBe(100);
    expect(sync.firstIdOf(100)).toBe(temporaryId);
    expect(sync.firstIdOf(7)).toBe(7);
  });

  it('a step settles with what the backend answered (history for the buttons)', async () => {
    const { sync, settled } = setUp();
    await sync.update(7, { labelKey: 'ORG' });
    await sync.undo();
    await sync.undo(); // nothing left
    expect(
      settled.map((result) => (result.ok ? [result.kind, result.applied?.history?.canUndo ?? null] : 'failed')),
    ).toEqual([
      ['write', true],
      ['undo', false],
      ['undo', null],
    ]);
    expect(sync.spans.get(7)?.labelKey).toBe('PER');
  });

  it('changes made elsewhere show under the pending steps, which still win', async () => {
    const { backend, sync, shown } = setUp();
    backend.hold();
    void sync.update(7, { labelKey: 'TITLE' });
    void sync.update(7, { note: 'của tab này' });
    await flush();
    // Another tab commits before our first step reaches the backend.
    backend.writeElsewhere({ changes: [{ kind: 'annotation.update', id: 7, patch: { labelKey: 'ORG' } }] });
    sync.receive(backend.events[0] as AppliedChanges);
    expect(shown()).toEqual([[7, 'TITLE', 'Lương Tam Quang', 'của tab này']]);
    while (backend.outstanding.length) {
      backend.completeAt(0);
      await flush();
    }
    await sync.whenIdle();
    expect(backend.rows()).toEqual([[7, 'TITLE', 'Lương Tam Quang', 'của tab này']]);
    expect(shown()).toEqual(backend.rows());
    sync.receive({ ...backend.events[0]!, articleId: ARTICLE_ID + 1, removed: [7], upserted: [] });
    expect(shown()).toHaveLength(1); // another article's change
  });

  it('a change made in another tab shows here, with its history, when nothing is pending', () => {
    const { backend, sync, shown } = setUp();
    const external: AppliedChanges[] = [];
    sync.onExternal((applied) => external.push(applied));
    const applied = backend.writeElsewhere({
      changes: [
        { kind: 'annotation.update', id: 7, patch: { note: 'từ tab khác' } },
        { kind: 'annotation.create', ref: 'x', annotation: { articleId: ARTICLE_ID, ...newSpan('ORG', MINISTRY) } },
      ],
    });
    sync.receive(backend.events[0] as AppliedChanges);
    expect(shown()).toEqual([
      [7, 'PER', 'Lương Tam Quang', 'từ tab khác'],
      [100, 'ORG', 'Bộ Công an', ''],
    ]);
    expect(shown()).toEqual(backend.rows());
    expect(external).toEqual([applied]);
  });

  it('own echo arriving before the answer: a new span is shown once, never twice', async () => {
    const { backend, sync, shown } = setUp([]);
    let most = 0;
    sync.onSpans(() => (most = Math.max(most, sync.spans.size)));
    backend.hold();
    sync.create(newSpan('PER', NAME));
    await flush();
    backend.completeAt(0); // committed; the answer's continuation has not run yet
    sync.receive(backend.events[0] as AppliedChanges); // the echo overtakes the answer
    await sync.whenIdle();
    await flush();
    expect(most).toBe(1);
    expect(shown()).toEqual([[100, 'PER', 'Lương Tam Quang', '']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('own echo arriving after a later answer does not bring back the older state', async () => {
    const { backend, sync, shown } = setUp();
    const external: AppliedChanges[] = [];
    sync.onExternal((applied) => external.push(applied));
    await sync.update(7, { labelKey: 'TITLE' });
    await sync.update(7, { labelKey: 'ORG' });
    for (const echo of backend.events) sync.receive(echo);
    expect(shown()).toEqual([[7, 'ORG', 'Lương Tam Quang', '']]);
    expect(shown()).toEqual(backend.rows());
    expect(external).toEqual([]);
  });

  it("another tab's older change arriving after our answer does not overwrite it", async () => {
    const { backend, sync, shown } = setUp();
    backend.writeElsewhere({ changes: [{ kind: 'annotation.update', id: 7, patch: { note: 'từ tab khác' } }] });
    await sync.update(7, { labelKey: 'TITLE' }); // answered before the other tab's event arrives
    sync.receive(backend.events[0] as AppliedChanges);
    expect(shown()).toEqual([[7, 'TITLE', 'Lương Tam Quang', 'từ tab khác']]);
    sync.receive(backend.events[1] as AppliedChanges); // our echo
    backend.undoElsewhere(); // newer than everything we sent: applied in full
    sync.receive(backend.events[2] as AppliedChanges);
    expect(shown()).toEqual([[7, 'PER', 'Lương Tam Quang', 'từ tab khác']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('an answer whose echo was lost stops shielding its spans once a later echo arrives', async () => {
    const { backend, sync, shown } = setUp();
    await sync.update(7, { labelKey: 'TITLE' });
    await sync.update(7, { note: 'một' });
    sync.receive(backend.events[1] as AppliedChanges); // the first echo never came
    backend.writeElsewhere({ changes: [{ kind: 'annotation.update', id: 7, patch: { note: 'hai' } }] });
    sync.receive(backend.events[2] as AppliedChanges);
    expect(shown()).toEqual([[7, 'TITLE', 'Lương Tam Quang', 'hai']]);
    expect(shown()).toEqual(backend.rows());
  });

  it('accepted suggestions are one step with origin model, and one undo takes them all back', async () => {
    const { backend, sync, shown } = setUp([]);
    const { ids } = sync.createMany([newSpan('PER', NAME), newSpan('ORG', MINISTRY)], 'model');
    expect(ids).toHaveLength(2);
    await sync.whenIdle();
    expect(backend.origins).toEqual(['model']);
    expect(backend.rows().map(([, label]) => label)).toEqual(['PER', 'ORG']);
    void sync.undo();
    await sync.whenIdle();
    expect(backend.rows()).toEqual([]);
    expect(shown()).toEqual([]);
  });

  it('changes of other families are sent in order with span edits', async () => {
    const { backend, sync } = setUp();
    void sync.update(7, { labelKey: 'TITLE' });
    void sync.applyOthers([
      {
        kind: 'assist.reject',
        suggestion: {
          articleId: ARTICLE_ID,
          labelKey: 'ORG',
          ...MINISTRY,
          quote: quoteOf(MINISTRY.start, MINISTRY.end),
        },
      },
    ]);
    void sync.delete(7);
    await sync.whenIdle();
    expect(backend.committed).toEqual(['update 7 {"labelKey":"TITLE"}', 'assist.reject', 'delete 7']);
  });

  it('refuses an empty range before queueing anything', () => {
    const { sync, backend } = setUp();
    expect(() => sync.update(7, { end: NAME.start })).toThrow(RangeError);
    expect(backend.outstanding).toHaveLength(0);
    expect(sync.spans.get(7)?.end).toBe(NAME.end);
  });
});
