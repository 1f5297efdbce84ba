import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { openDatabase } from '../../../electron/services/store/database';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench } from '../../../electron/services/workbench';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { decodeRelations, decodeSpans } from '../../../shared/contract/reader';
import type { AppliedChanges, Change, ChangeSet } from '../../../shared/domain/changes';
import { ancestryLookup } from '../../../shared/domain/label-tree';
import { DEFAULT_RELATION_TYPES, labelFits, relationAllowed } from '../../../shared/domain/relations';
import { addArticle } from '../export/fixtures';
import { seededArticle, tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
let workbench: ReturnType<typeof freshWorkbench>;
let articleId: number;
let text: string;

const PROPOSALS = [
  'Thứ nhất, nắm sát diễn biến tình hình',
  'Thứ hai, tiếp tục mở rộng, thúc đẩy hợp tác an ninh',
  'Thứ ba, theo Thứ trưởng, Bộ Công an sẽ thực hiện hiệu quả đối thoại nhân quyền',
];

const manual = (changes: Change[]): ChangeSet => ({ origin: 'manual', changes });

/** Tags the first occurrence of `quote` (after `from`) and returns the saved id. */
function tag(labelKey: string, quote: string, article = articleId, from = 0): number {
  const articleText = workbench.articles.getText(article);
  const start = articleText.indexOf(quote, from);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const applied = workbench.changes.apply(
    manual([
      {
        kind: 'annotation.create',
        ref: 's',
        annotation: { articleId: article, labelKey, start, end: start + quote.length, quote },
      },
    ]),
  );
  return applied.createdIds.s!;
}

const relate = (typeKey: string, headId: number, tailId: number, ref = 'r'): Change => ({
  kind: 'relation.create',
  ref,
  relation: { articleId, typeKey, headId, tailId },
});

const storedRelations = () =>
  workbench.relations
    .listForArticle(articleId)
    .map((relation) => `${relation.headId} ${relation.typeKey} ${relation.tailId}`);

beforeEach(async () => {
  workbench = freshWorkbench();
  ({ articleId, text } = await seededArticle(workbench, '3 đề xuất'));
});

describe('relation types', () => {
  it('start with the defaults of issue 12, in schema order', () => {
    expect(workbench.relationTypes.list().map((type) => type.key)).toEqual([
      'proposed_by',
      'attributed_to',
      'holds_title',
      'addresses',
      'member_of',
      'located_in',
    ]);
    expect(workbench.relationTypes.get('holds_title')).toMatchObject({
      headLabels: ['PER'],
      tailLabels: ['TITLE'],
      directed: true,
    });
  });

  it('count a label’s descendants as the label (POLITICIAN under PER fits PER, PERSON does not)', () => {
    const ancestry = ancestryLookup([
      { key: 'PER', parentKey: null, sortOrder: 0 },
      { key: 'POLITICIAN', parentKey: 'PER', sortOrder: 1 },
      { key: 'PERSON', parentKey: null, sortOrder: 2 },
      { key: 'MINISTRY', parentKey: 'ORG', sortOrder: 3 },
    ]);
    expect(labelFits('PER', 'PER', ancestry)).toBe(true);
    expect(labelFits('POLITICIAN', 'PER', ancestry)).toBe(true);
    expect(labelFits('PERSON', 'PER', ancestry)).toBe(false);
    const proposedBy = DEFAULT_RELATION_TYPES[0]!;
    expect(relationAllowed(proposedBy, 'PROPOSAL', 'MINISTRY', ancestry)).toBe(true);
    expect(relationAllowed(proposedBy, 'PER', 'PROPOSAL', ancestry)).toBe(false);
    expect(relationAllowed({ ...proposedBy, directed: false }, 'PER', 'PROPOSAL', ancestry)).toBe(true);
  });

  it('regression: a proposed_by from a sub-label of PROPOSAL was refused (keys are flat since the label tree)', () => {
    expect(workbench.labels.get('COOPERATION')?.parentKey).toBe('PROPOSAL');
    const proposal = tag('COOPERATION', PROPOSALS[0]!);
    const person = tag('PER', 'Lương Tam Quang');
    workbench.changes.apply(manual([relate('proposed_by', proposal, person)]));
    expect(workbench.relations.listForArticle(articleId).map((relation) => relation.typeKey)).toEqual(['proposed_by']);
  });

  it('are edited on the corpus-wide stack; a new rule that stored relations break is refused naming it', () => {
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    const person = tag('PER', 'Lương Tam Quang');
    workbench.changes.apply(manual([relate('proposed_by', proposal, person)]));

    expect(() =>
      workbench.changes.apply(
        manual([{ kind: 'relationType.update', key: 'proposed_by', patch: { tailLabels: ['ORG'] } }]),
      ),
    ).toThrow(/1 stored proposed_by relations would break the rule proposed_by: PROPOSAL → ORG/);
    expect(() => workbench.changes.apply(manual([{ kind: 'relationType.delete', key: 'proposed_by' }]))).toThrow(
      /used by 1 relations/,
    );

    const renamed = workbench.changes.apply(
      manual([
        { kind: 'relationType.update', key: 'holds_title', patch: { nameEn: 'held the title', color: '#000000' } },
      ]),
    );
    expect(renamed.articleId).toBeNull();
    expect(renamed.relationTypes?.upserted[0]).toMatchObject({ key: 'holds_title', nameEn: 'held the title' });
    expect(workbench.changes.undo(null)?.relationTypes?.upserted[0]?.nameEn).toBe('holds title');
    expect(workbench.relationTypes.get('holds_title').nameEn).toBe('holds title');
    expect(() =>
      workbench.changes.apply(
        manual([
          { kind: 'relationType.create', type: { ...DEFAULT_RELATION_TYPES[0]!, key: 'cites', headLabels: ['NOPE'] } },
        ]),
      ),
    ).toThrow(/names the label NOPE, which does not exist/);
  });
});

describe('relations', () => {
  it('link the three proposals of seed 002 to Lương Tam Quang, and openArticle sends them with the spans', () => {
    const person = tag('PER', 'Lương Tam Quang');
    const proposals = PROPOSALS.map((quote) => tag('PROPOSAL', quote));
    const applied = workbench.changes.apply(
      manual(proposals.map((proposal, index) => relate('proposed_by', proposal, person, `r${index}`))),
    );
    expect(applied.description).toBe('Add 3 relations');
    expect(applied.relations?.upserted).toHaveLength(3);
    expect(applied.articleId).toBe(articleId);
    expect(storedRelations()).toEqual(proposals.map((proposal) => `${proposal} proposed_by ${person}`));

    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    const opened = handlers.openArticle({ id: articleId }) as Awaited<ReturnType<typeof handlers.openArticle>>;
    const spans = decodeSpans(opened.spans, text);
    expect(decodeRelations(opened.relations, spans)).toEqual(
      proposals.map((proposal, index) => ({
        id: applied.createdIds[`r${index}`],
        typeKey: 'proposed_by',
        headId: proposal,
        tailId: person,
      })),
    );
    expect(opened.relationTypes[0]?.key).toBe('proposed_by');
  });

  it('that break the type’s allowed labels are refused with the rule named, and nothing is written', () => {
    const risk = tag('RISK', 'an ninh phi truyền thống');
    const person = tag('PER', 'Lương Tam Quang');
    expect(() => workbench.changes.apply(manual([relate('proposed_by', risk, person)]))).toThrow(
      'A proposed_by relation goes PROPOSAL → PER/ORG; not RISK → PER.',
    );
    // Directed: the person is not the head of proposed_by.
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    expect(() => workbench.changes.apply(manual([relate('proposed_by', person, proposal)]))).toThrow(
      /not PER → PROPOSAL/,
    );
    expect(storedRelations()).toEqual([]);
  });

  it('to a span of another article, to itself, or twice, are refused with a message', () => {
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    const person = tag('PER', 'Lương Tam Quang');
    const otherArticle = addArticle(workbench, 'Bộ trưởng Tô Lâm làm việc tại Hà Nội.', 'Khác');
    const elsewhere = tag('PER', 'Tô Lâm', otherArticle);

    expect(() => workbench.changes.apply(manual([relate('proposed_by', proposal, elsewhere)]))).toThrow(
      /is in article \d+, not \d+: a relation stays within one article/,
    );
    expect(() => workbench.changes.apply(manual([relate('proposed_by', proposal, proposal)]))).toThrow(
      'A relation joins two different spans, not a span to itself.',
    );
    workbench.changes.apply(manual([relate('proposed_by', proposal, person)]));
    expect(() => workbench.changes.apply(manual([relate('proposed_by', proposal, person)]))).toThrow(
      /are already related by proposed_by \(relation \d+\)/,
    );
    expect(() => workbench.changes.apply(manual([relate('no_such_type', proposal, person)]))).toThrow(
      'There is no relation type no_such_type.',
    );
    expect(storedRelations()).toEqual([`${proposal} proposed_by ${person}`]);
  });

  it('refuse a relabel that would break one of the span’s relations, naming the rule', () => {
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    const person = tag('PER', 'Lương Tam Quang');
    workbench.changes.apply(manual([relate('proposed_by', proposal, person)]));
    expect(() =>
      workbench.changes.apply(manual([{ kind: 'annotation.update', id: person, patch: { labelKey: 'TITLE' } }])),
    ).toThrow('A proposed_by relation goes PROPOSAL → PER/ORG; not PROPOSAL → TITLE.');
    workbench.changes.apply(manual([{ kind: 'annotation.update', id: person, patch: { labelKey: 'ORG' } }]));
    expect(workbench.annotationRows.get(person).labelKey).toBe('ORG');
  });

  it('cascade: deleting a span deletes its relations in the same change set, and one undo restores both', () => {
    const person = tag('PER', 'Lương Tam Quang');
    const title = tag('TITLE', 'Thứ trưởng Bộ Công an');
    const proposals = PROPOSALS.map((quote) => tag('PROPOSAL', quote));
    workbench.changes.apply(
      manual([
        ...proposals.map((proposal, index) => relate('proposed_by', proposal, person, `r${index}`)),
        relate('holds_title', person, title, 'title'),
      ]),
    );
    const kept = `${proposals[0]} proposed_by ${person}`;
    const before = storedRelations();

    const deleted = workbench.changes.apply(manual([{ kind: 'annotation.delete', id: person }]));
    expect(deleted.removed).toEqual([person]);
    expect(deleted.relations?.removed).toHaveLength(4);
    expect(storedRelations()).toEqual([]);
    expect(
      workbench.history
        .listForArticle(articleId)
        .at(-1)
        ?.transitions.map((step) => step.kind),
    ).toEqual(['relation.delete', 'relation.delete', 'relation.delete', 'relation.delete', 'annotation.delete']);

    const undone = workbench.changes.undo(articleId)!;
    expect(undone.upserted.map((span) => span.id)).toEqual([person]);
    expect(undone.relations?.upserted).toHaveLength(4);
    expect(storedRelations()).toEqual(before);
    expect(storedRelations()).toContain(kept);

    workbench.changes.redo(articleId);
    expect(storedRelations()).toEqual([]);
    expect(workbench.annotationRows.find(person)).toBeNull();
    workbench.changes.undo(articleId);
    expect(storedRelations()).toEqual(before);
  });

  it('undo of a relation’s creation removes only the relation; its type can be changed to another allowed one', () => {
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    const ministry = tag('ORG', 'Bộ Ngoại giao');
    const created = workbench.changes.apply(manual([relate('proposed_by', proposal, ministry)]));
    const id = created.createdIds.r!;
    expect(created.description).toBe('Relate “Thứ nhất, nắm sát diễn biến t…” proposed_by “Bộ Ngoại giao”');
    workbench.changes.apply(manual([{ kind: 'relation.update', id, patch: { typeKey: 'addresses' } }]));
    expect(workbench.relations.get(id).typeKey).toBe('addresses');
    expect(() =>
      workbench.changes.apply(manual([{ kind: 'relation.update', id, patch: { typeKey: 'holds_title' } }])),
    ).toThrow(/holds_title relation goes PER → TITLE/);
    workbench.changes.undo(articleId);
    workbench.changes.undo(articleId);
    expect(storedRelations()).toEqual([]);
    expect(workbench.annotationRows.find(proposal)).not.toBeNull();
  });
});

const failOnInternalError = (name: string, error: unknown) => {
  throw new Error(`${name} crashed: ${String(error)}`);
};

describe('hostile payloads on the relation calls', () => {
  const hostile: unknown[] = [
    {
      origin: 'manual',
      changes: [
        {
          kind: 'relation.create',
          ref: 'r',
          relation: { articleId: 1, typeKey: 'proposed_by', headId: -1, tailId: 2 },
        },
      ],
    },
    {
      origin: 'manual',
      changes: [
        {
          kind: 'relation.create',
          ref: 'r',
          relation: { articleId: 1, typeKey: "x'; DROP TABLE relations;--", headId: 1, tailId: 2 },
        },
      ],
    },
    {
      origin: 'manual',
      changes: [
        {
          kind: 'relation.create',
          ref: 'r',
          relation: { articleId: 1, typeKey: 'proposed_by', headId: 1, tailId: 2, id: 7 },
        },
      ],
    },
    { origin: 'manual', changes: [{ kind: 'relation.update', id: 1, patch: { headId: 3 } }] },
    {
      origin: 'manual',
      changes: [
        {
          kind: 'relationType.create',
          type: {
            key: 'x',
            nameVi: ' ',
            nameEn: 'x',
            directed: true,
            headLabels: [],
            tailLabels: [],
            color: '#000000',
            sortOrder: 0,
          },
        },
      ],
    },
    { origin: 'manual', changes: [{ kind: 'relationType.update', key: 'proposed_by', patch: { key: 'other' } }] },
    { origin: 'manual', changes: [{ kind: 'relationType.update', key: 'proposed_by', patch: { color: 'red' } }] },
    { origin: 'manual', changes: [{ kind: 'relation.delete', id: '1 OR 1=1' }] },
  ];

  it('are rejected by zod and nothing is written', async () => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    const proposal = tag('PROPOSAL', PROPOSALS[0]!);
    tag('PER', 'Lương Tam Quang');
    const historyBefore = workbench.history.listForArticle(articleId).length;
    for (const payload of hostile) {
      const answer = await dispatchCall(handlers, 'applyChanges', payload, failOnInternalError);
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    for (const payload of [{ articleId: 'x' }, { articleId: 1, extra: true }, null]) {
      expect(await dispatchCall(handlers, 'listRelations', payload, failOnInternalError)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await dispatchCall(handlers, 'listRelationTypes', { all: true }, failOnInternalError)).toMatchObject({
      ok: false,
    });
    expect(storedRelations()).toEqual([]);
    expect(workbench.relationTypes.list()).toHaveLength(DEFAULT_RELATION_TYPES.length);
    expect(workbench.history.listForArticle(articleId)).toHaveLength(historyBefore);
    expect(workbench.annotationRows.find(proposal)).not.toBeNull();
  });
});

describe('migration 007', () => {
  it('adds relations and the default types to a database built by migrations 001–004, keeping its spans', () => {
    const { dir, dispose } = tempDir();
    try {
      const path = join(dir, 'v4.db');
      const old = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
      expect(old.pragma('user_version', { simple: true })).toBe(4);
      old.close();
      const upgraded = openWorkbench(path);
      try {
        const id = addArticle(upgraded, 'Thứ trưởng Lương Tam Quang đề xuất hợp tác.', 'Cũ');
        const quote = 'Lương Tam Quang';
        const start = upgraded.articles.getText(id).indexOf(quote);
        const person = upgraded.changes.apply(
          manual([
            {
              kind: 'annotation.create',
              ref: 'p',
              annotation: { articleId: id, labelKey: 'PER', start, end: start + quote.length, quote },
            },
          ]),
        ).createdIds.p!;
        const titleEnd = 'Thứ trưởng'.length;
        const title = upgraded.changes.apply(
          manual([
            {
              kind: 'annotation.create',
              ref: 't',
              annotation: { articleId: id, labelKey: 'TITLE', start: 0, end: titleEnd, quote: 'Thứ trưởng' },
            },
          ]),
        ).createdIds.t!;
        const applied: AppliedChanges = upgraded.changes.apply(
          manual([
            {
              kind: 'relation.create',
              ref: 'r',
              relation: { articleId: id, typeKey: 'holds_title', headId: person, tailId: title },
            },
          ]),
        );
        expect(upgraded.relations.get(applied.createdIds.r!)).toMatchObject({
          headId: person,
          tailId: title,
          origin: 'manual',
        });
        expect(upgraded.relationTypes.list()).toHaveLength(DEFAULT_RELATION_TYPES.length);
        expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
      } finally {
        upgraded.close();
      }
    } finally {
      dispose();
    }
  });
});
