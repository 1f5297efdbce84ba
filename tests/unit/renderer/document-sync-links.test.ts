/**
 * DocumentSync's entity links against the fake backend: a link is shown at once, sent in order
 * with the span's other steps (even on a span whose create is still pending), undone on the
 * article's stack, and a refused link (a type mismatch not confirmed) leaves exactly that step.
 */
import { describe, expect, it } from 'vitest';
import { DocumentSync, type Span } from '../../../renderer/src/reader/sync/document-sync';
import { FakeBackend } from './fake-backend';

const ARTICLE_ID = 1;
const TEXT = 'Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, phát biểu.';
const range = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, quote });
const TO_LAM: Span = { id: 7, labelKey: 'PER', ...range('Tô Lâm'), note: '' };
const PERSON = { id: 40, name: 'Tô Lâm', typeLabelKey: 'PER' };
const MINISTRY = { id: 41, name: 'Bộ Công an', typeLabelKey: 'ORG' };

function setUp() {
  const backend = new FakeBackend(ARTICLE_ID, [TO_LAM]);
  backend.entities.set(PERSON.id, PERSON);
  backend.entities.set(MINISTRY.id, MINISTRY);
  const sync = new DocumentSync(ARTICLE_ID, [TO_LAM], backend);
  const errors: unknown[] = [];
  sync.onSettled((settled) => {
    if (!settled.ok) errors.push(settled.error);
  });
  let linkNotices = 0;
  sync.onLinks(() => linkNotices++);
  return { backend, sync, errors, notices: () => linkNotices };
}

describe('DocumentSync entity links', () => {
  it('shows a link at once, stores it, and undo/redo move it on the article’s stack', async () => {
    const { backend, sync, notices } = setUp();
    backend.hold();
    void sync.link(7, { entity: PERSON });
    expect(sync.linkOf(7)).toEqual({ entityId: 40, name: 'Tô Lâm', typeLabelKey: 'PER' });
    expect(notices()).toBe(1);
    expect(backend.links.size).toBe(0); // not yet answered
    backend.completeAt(0);
    await sync.whenIdle();
    expect([...backend.links]).toEqual([[7, 40]]);
    expect(sync.linkOf(7)?.entityId).toBe(40);

    void sync.undo();
    backend.completeAt(0);
    await sync.whenIdle();
    expect(backend.links.size).toBe(0);
    expect(sync.linkOf(7)).toBeUndefined();

    void sync.redo();
    backend.completeAt(0);
    await sync.whenIdle();
    expect(sync.linkOf(7)?.entityId).toBe(40);
  });

  it('links a span whose create is still pending, once its saved id is known', async () => {
    const { backend, sync } = setUp();
    backend.hold();
    const created = sync.create({ labelKey: 'ORG', ...range('Bộ Công an'), note: '' });
    void sync.link(created.id, { entity: MINISTRY });
    expect(sync.linkOf(created.id)?.name).toBe('Bộ Công an');
    backend.completeAt(0);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    backend.completeAt(0);
    await sync.whenIdle();
    const savedId = sync.savedIdOf(created.id);
    expect(savedId).toBeGreaterThan(0);
    expect([...backend.links]).toEqual([[savedId, 41]]);
    expect(sync.linkOf(savedId)?.entityId).toBe(41);
  });

  it('a new entity from the span shows its name before the answer and its id after', async () => {
    const { backend, sync } = setUp();
    backend.hold();
    void sync.link(7, { newEntity: { name: 'Tô Lâm', typeLabelKey: 'PER' } });
    expect(sync.linkOf(7)).toEqual({ entityId: null, name: 'Tô Lâm', typeLabelKey: 'PER' });
    backend.completeAt(0);
    await sync.whenIdle();
    expect(backend.committed).toEqual(['entity 500 Tô Lâm', 'link 7 500']);
    expect(sync.linkOf(7)).toEqual({ entityId: 500, name: 'Tô Lâm', typeLabelKey: 'PER' });
  });

  it('a refused link (type mismatch not confirmed) leaves only that step; a confirmed one is stored', async () => {
    const { backend, sync, errors } = setUp();
    await sync.link(7, { entity: PERSON });
    await sync.link(7, { entity: MINISTRY });
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('Type mismatch');
    expect(sync.linkOf(7)?.entityId).toBe(40);
    expect([...backend.links]).toEqual([[7, 40]]);

    await sync.link(7, { entity: MINISTRY, allowTypeMismatch: true });
    expect([...backend.links]).toEqual([[7, 41]]);
    expect(sync.linkOf(7)?.entityId).toBe(41);
  });

  it('deleting a linked span drops its link; unlink removes it', async () => {
    const { backend, sync } = setUp();
    await sync.link(7, { entity: PERSON });
    await sync.link(7, null);
    expect(backend.links.size).toBe(0);
    expect(sync.linkOf(7)).toBeUndefined();
    await sync.link(7, { entity: PERSON });
    await sync.delete(7);
    expect(backend.links.size).toBe(0);
    expect(sync.linkOf(7)).toBeUndefined();
  });

  it('takes this article’s links from a corpus-wide set made elsewhere (a merge), and ignores other articles’', () => {
    const { sync } = setUp();
    sync.receive({
      articleId: null,
      description: 'Merge',
      upserted: [],
      removed: [],
      createdIds: {},
      history: null,
      summary: null,
      entities: { upserted: [{ id: 40, name: 'Tô Lâm (Đại tướng)', typeLabelKey: 'PER' }], removed: [] },
      entityLinks: {
        upserted: [
          { annotationId: 7, articleId: ARTICLE_ID, entityId: 40 },
          { annotationId: 9, articleId: 2, entityId: 40 },
        ],
        removed: [],
      },
    });
    expect(sync.linkOf(7)?.name).toBe('Tô Lâm (Đại tướng)');
    expect(sync.linkOf(9)).toBeUndefined();
  });
});
