/**
 * DocumentSync owns relation writes too: one ordered queue with the spans, temporary ids that
 * follow their saved ids, a span's relations deleted with it and brought back by one undo.
 * Each test checks what the reader shows and what the (fake) backend stored.
 */
import { describe, expect, it } from 'vitest';
import {
  DocumentSync,
  type RelationChange,
  type Settled,
  type Span,
} from '../../../renderer/src/reader/sync/document-sync';
import { FakeBackend, relationRows } from './fake-backend';

const ARTICLE_ID = 1;
const TEXT = 'Thượng tướng Lương Tam Quang nêu bật ba điểm: Thứ nhất, nắm sát tình hình. Thứ hai, mở rộng hợp tác.';
const spanOf = (id: number, labelKey: string, quote: string): Span => {
  const start = TEXT.indexOf(quote);
  return { id, labelKey, start, end: start + quote.length, quote, note: '' };
};
const withoutId = ({ id: _id, ...fields }: Span): Omit<Span, 'id'> => fields;
const PERSON = spanOf(7, 'PER', 'Lương Tam Quang');
const FIRST = spanOf(8, 'PROPOSAL', 'Thứ nhất, nắm sát tình hình');
const SECOND_QUOTE = 'Thứ hai, mở rộng hợp tác';

function setUp() {
  const backend = new FakeBackend(ARTICLE_ID, [PERSON, FIRST]);
  const sync = new DocumentSync(ARTICLE_ID, [PERSON, FIRST], backend);
  const settled: Settled[] = [];
  const relationChanges: RelationChange[] = [];
  sync.onSettled((result) => settled.push(result));
  sync.onRelations((change) => relationChanges.push(change));
  const shownRelations = () =>
    [...sync.relations.all()].sort((a, b) => a.id - b.id).map((r) => `${r.headId} ${r.typeKey} ${r.tailId}`);
  return { backend, sync, settled, relationChanges, shownRelations };
}

describe('DocumentSync relations', () => {
  it('shows a new relation at once under a temporary id, then under its saved id', async () => {
    const { backend, sync, relationChanges, shownRelations } = setUp();
    backend.hold();
    const { id } = sync.createRelation({ typeKey: 'proposed_by', headId: FIRST.id, tailId: PERSON.id });
    expect(id).toBeLessThan(0);
    expect(sync.relations.touching(PERSON.id).map((relation) => relation.id)).toEqual([id]);
    expect(relationChanges).toHaveLength(1);
    backend.completeAt(0);
    await sync.whenIdle();
    const savedId = sync.savedRelationIdOf(id);
    expect(savedId).toBeGreaterThan(0);
    expect(sync.relations.get(savedId)).toEqual({ id: savedId, typeKey: 'proposed_by', headId: 8, tailId: 7 });
    expect(sync.relations.get(id)).toBeUndefined();
    expect(relationRows(backend)).toEqual(['8 proposed_by 7']);
    expect(shownRelations()).toEqual(relationRows(backend));
  });

  it('a relation to a span still being created waits for the span’s saved id, in order', async () => {
    const { backend, sync, shownRelations } = setUp();
    backend.hold();
    const second = sync.create(withoutId(spanOf(0, 'PROPOSAL', SECOND_QUOTE)));
    const relation = sync.createRelation({ typeKey: 'proposed_by', headId: second.id, tailId: PERSON.id });
    expect(shownRelations()).toEqual([`${second.id} proposed_by 7`]);
    expect(backend.outstanding).toHaveLength(1); // one request at a time
    backend.completeAt(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    backend.completeAt(0);
    await sync.whenIdle();
    const savedSpan = sync.savedIdOf(second.id);
    expect(relationRows(backend)).toEqual([`${savedSpan} proposed_by 7`]);
    expect(sync.relations.get(sync.savedRelationIdOf(relation.id))?.headId).toBe(savedSpan);
    expect(sync.relations.touching(second.id)).toEqual([]);
    expect(shownRelations()).toEqual(relationRows(backend));
  });

  it('a refused relation leaves the view, and the refusal reaches onSettled', async () => {
    const { backend, sync, settled, shownRelations } = setUp();
    backend.refuseNext(
      (request) => request.call === 'apply',
      'A proposed_by relation goes PROPOSAL → PER/ORG; not PER → PROPOSAL.',
    );
    sync.createRelation({ typeKey: 'proposed_by', headId: PERSON.id, tailId: FIRST.id });
    await sync.whenIdle();
    expect(shownRelations()).toEqual([]);
    expect(settled.at(-1)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('PROPOSAL → PER/ORG') },
    });
  });

  it('relations on a span whose creation was refused are dropped, never sent', async () => {
    const { backend, sync, shownRelations } = setUp();
    backend.hold();
    const second = sync.create(withoutId(spanOf(0, 'PROPOSAL', SECOND_QUOTE)));
    sync.createRelation({ typeKey: 'proposed_by', headId: second.id, tailId: PERSON.id });
    backend.refuseNext(() => true);
    backend.completeAt(0);
    await sync.whenIdle();
    expect(backend.outstanding).toHaveLength(0);
    expect(relationRows(backend)).toEqual([]);
    expect(shownRelations()).toEqual([]);
  });

  it('deleting a span deletes its relations in the same step; one undo brings both back', async () => {
    const { backend, sync, shownRelations } = setUp();
    sync.createRelation({ typeKey: 'proposed_by', headId: FIRST.id, tailId: PERSON.id });
    await sync.whenIdle();
    const before = relationRows(backend);

    void sync.delete(PERSON.id);
    expect(shownRelations()).toEqual([]); // at once, not after the answer
    await sync.whenIdle();
    expect(backend.committed.slice(-2)).toEqual([expect.stringMatching(/^relation\.delete \d+$/), 'delete 7']);
    expect(relationRows(backend)).toEqual([]);
    expect(sync.spans.get(PERSON.id)).toBeUndefined();

    void sync.undo();
    await sync.whenIdle();
    expect(relationRows(backend)).toEqual(before);
    expect(shownRelations()).toEqual(before);
    expect(sync.spans.get(PERSON.id)?.quote).toBe('Lương Tam Quang');
  });

  it('retype and delete of a relation still pending follow its saved id', async () => {
    const { backend, sync, shownRelations } = setUp();
    backend.hold();
    const { id } = sync.createRelation({ typeKey: 'proposed_by', headId: FIRST.id, tailId: PERSON.id });
    void sync.retypeRelation(id, 'addresses');
    expect(shownRelations()).toEqual([`8 addresses 7`]);
    void sync.deleteRelation(id);
    expect(shownRelations()).toEqual([]);
    for (let step = 0; step < 3; step++) {
      backend.completeAt(0);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await sync.whenIdle();
    expect(backend.committed).toEqual([
      expect.stringMatching(/^relate \d+ 8 proposed_by 7$/),
      expect.stringMatching(/^relation\.update \d+$/),
      expect.stringMatching(/^relation\.delete \d+$/),
    ]);
    expect(relationRows(backend)).toEqual([]);
  });

  it('relations changed elsewhere (another window) arrive through receive', () => {
    const { sync, shownRelations } = setUp();
    sync.receive({
      articleId: ARTICLE_ID,
      description: 'elsewhere',
      upserted: [],
      removed: [],
      relations: {
        upserted: [
          {
            id: 9,
            articleId: ARTICLE_ID,
            typeKey: 'proposed_by',
            headId: 8,
            tailId: 7,
            note: '',
            author: 'Minh',
            origin: 'manual',
            createdAt: 'x',
            updatedAt: 'x',
          },
        ],
        removed: [],
      },
      createdIds: {},
      history: null,
      summary: null,
    });
    expect(shownRelations()).toEqual(['8 proposed_by 7']);
  });
});
