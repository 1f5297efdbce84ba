/**
 * Attribute values and document fields go through the DocumentSync's one ordered queue, like
 * every other span edit (issue 11): shown at once, sent in the user's order, undone in order.
 */
import { describe, expect, it } from 'vitest';
import { DocumentSync, type FieldValues, type Span } from '../../../renderer/src/reader/sync/document-sync';
import { FakeBackend } from './fake-backend';

const ARTICLE_ID = 1;
const TEXT = 'Bộ trưởng cảnh báo nguy cơ tấn công mạng ngày càng tăng.';
const RISK = { start: TEXT.indexOf('nguy cơ'), end: TEXT.indexOf(' ngày') };
const seed: Span[] = [{ id: 7, labelKey: 'RISK', ...RISK, quote: TEXT.slice(RISK.start, RISK.end), note: '' }];

function setUp() {
  const backend = new FakeBackend(ARTICLE_ID, seed);
  backend.fields.set('doc_type', 'news');
  const sync = new DocumentSync(ARTICLE_ID, seed, backend, [], { doc_type: 'news' });
  const fieldEvents: FieldValues[] = [];
  sync.onFields((fields) => fieldEvents.push(fields));
  return { backend, sync, fieldEvents };
}

describe('DocumentSync: attributes and fields', () => {
  it('an attribute set while the relabel before it is in flight is shown at once and sent after it', async () => {
    const { backend, sync } = setUp();
    backend.hold();
    void sync.update(7, { note: 'xem lại' });
    void sync.setAttributes(7, { severity: 'high', domain: ['cyber'] });
    void sync.setAttributes(7, { domain: null });
    expect(sync.spans.get(7)?.attributes).toEqual({ severity: 'high' });
    expect(backend.outstanding).toHaveLength(1);
    // Completions are answered one at a time, in order: the queue sends the next only then.
    while (backend.outstanding.length > 0) {
      backend.completeAt(0);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    await sync.whenIdle();
    expect(backend.committed).toEqual([
      'update 7 {"note":"xem lại"}',
      'update 7 {"attributes":{"severity":"high","domain":["cyber"]}}',
      'update 7 {"attributes":{"domain":null}}',
    ]);
    expect(backend.stored.get(7)?.attributes).toEqual({ severity: 'high' });
    expect(sync.spans.get(7)?.attributes).toEqual({ severity: 'high' });
  });

  it('a refused attribute step is rolled back alone; a no-op patch queues nothing', async () => {
    const { backend, sync } = setUp();
    await sync.setAttributes(7, { severity: 'low' });
    backend.refuseNext((request) => request.call === 'apply', 'The attribute severity was not saved');
    await sync.setAttributes(7, { severity: 'extreme' as never });
    await sync.setAttributes(7, { time_ref: 'future' });
    expect(sync.spans.get(7)?.attributes).toEqual({ severity: 'low', time_ref: 'future' });
    const committed = backend.committed.length;
    await sync.setAttributes(7, { severity: 'low' });
    expect(backend.committed).toHaveLength(committed);
  });

  it('field edits are shown at once, undone in the same order as span edits, and follow the answers', async () => {
    const { backend, sync, fieldEvents } = setUp();
    void sync.setField('topics', ['security']);
    expect(sync.fields).toEqual({ doc_type: 'news', topics: ['security'] });
    void sync.setAttributes(7, { severity: 'medium' });
    void sync.setField('doc_type', null);
    await sync.whenIdle();
    expect([...backend.fields]).toEqual([['topics', ['security']]]);

    void sync.undo(); // the doc_type clear
    void sync.undo(); // the severity
    await sync.whenIdle();
    expect(sync.fields).toEqual({ topics: ['security'], doc_type: 'news' });
    expect(sync.spans.get(7)?.attributes).toBeUndefined();
    expect(backend.fields.get('doc_type')).toBe('news');
    expect(fieldEvents.at(-1)).toEqual(sync.fields);

    void sync.redo();
    await sync.whenIdle();
    expect(sync.spans.get(7)?.attributes).toEqual({ severity: 'medium' });
    expect(sync.fields).toEqual({ topics: ['security'], doc_type: 'news' });
  });
});
