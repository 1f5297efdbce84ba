import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { openDatabase } from '../../../electron/services/store/database';
import { openWorkbench } from '../../../electron/services/workbench';
import { storeArticle } from '../../../electron/services/import/store-article';
import { ArticleStore } from '../../../electron/services/store/articles';
import { canonicalize } from '../../../shared/text/canonical';
import { dispatchCall } from '../../../shared/contract/dispatch';
import type { Change, ChangeSet } from '../../../shared/domain/changes';
import { addArticle, annotate } from '../export/fixtures';
import { tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const OLD = 'Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, làm việc với Bộ Ngoại giao tại Hà Nội.';
const NEW = 'Đại tướng Tô Lâm phát biểu. Đồng chí To Lam nhấn mạnh vai trò của Bộ Công an.';

let workbench: ReturnType<typeof freshWorkbench>;
let oldArticle: number;
let newArticle: number;

beforeEach(() => {
  workbench = freshWorkbench();
  oldArticle = addArticle(workbench, OLD, 'Năm 2017');
  newArticle = addArticle(workbench, NEW, 'Năm 2024');
});

const manual = (changes: Change[], extra: Partial<ChangeSet> = {}): ChangeSet => ({
  origin: 'manual',
  changes,
  ...extra,
});

function newEntity(name: string, typeLabelKey = 'PER', aliases: string[] = []): number {
  const applied = workbench.changes.apply(
    manual([{ kind: 'entity.create', ref: 'e', entity: { name, typeLabelKey, aliases } }]),
  );
  return applied.createdIds.e!;
}

const link = (annotationId: number, entityId: number, allowTypeMismatch?: boolean): Change => ({
  kind: 'entityLink.set',
  annotationId,
  entityId,
  ...(allowTypeMismatch ? { allowTypeMismatch } : {}),
});

const relate = (articleId: number, typeKey: string, headId: number, tailId: number): Change => ({
  kind: 'relation.create',
  ref: `${typeKey}-${headId}-${tailId}`,
  relation: { articleId, typeKey, headId, tailId },
});

const linkedTo = (entityId: number) => workbench.entityRows.linksOf(entityId).map((row) => row.annotationId);

describe('entities: create, search with folding, refusals', () => {
  it('finds “Tô Lâm” by “to lam”, by a word prefix and by an alias, folded as the library search folds', () => {
    const toLam = newEntity('Tô Lâm', 'PER', ['Bộ trưởng Tô Lâm']);
    newEntity('Bộ Công an', 'ORG', ['BCA']);
    const names = (query: string) => workbench.entities.list(query, { limit: 10 }).map((entity) => entity.name);
    expect(names('to lam')).toEqual(['Tô Lâm']);
    expect(names('TÔ LÂM')).toEqual(['Tô Lâm']);
    expect(names('lam')).toEqual(['Tô Lâm']);
    expect(names('bo truong')).toEqual(['Tô Lâm']); // through the alias
    expect(names('bca')).toEqual(['Bộ Công an']);
    expect(names('cong an')).toEqual(['Bộ Công an']);
    expect(names('')).toEqual(['Bộ Công an', 'Tô Lâm']);
    expect(workbench.entities.list('', { typeLabelKey: 'ORG', limit: 10 }).map((entity) => entity.name)).toEqual([
      'Bộ Công an',
    ]);
    // A stored entity reads back with its aliases in order.
    expect(workbench.entityRows.get(toLam)).toMatchObject({ name: 'Tô Lâm', aliases: ['Bộ trưởng Tô Lâm'] });
  });

  it('refuses an empty or whitespace-only name through the contract, and writes nothing', async () => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    for (const name of ['', '   ', '\u00a0\u200b ']) {
      const result = await dispatchCall(
        handlers,
        'applyChanges',
        {
          origin: 'manual',
          changes: [{ kind: 'entity.create', ref: 'e', entity: { name, typeLabelKey: 'PER' } }],
        },
        () => {},
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(result)).toContain('empty or only whitespace');
    }
    expect(workbench.entityRows.listAll()).toEqual([]);
  });

  it('refuses an empty name at the handler too (a set built inside the backend) and an unknown type', () => {
    expect(() =>
      workbench.changes.apply(manual([{ kind: 'entity.update', id: newEntity('Tô Lâm'), patch: { name: ' \t' } }])),
    ).toThrow('empty or only whitespace');
    expect(() =>
      workbench.changes.apply(
        manual([{ kind: 'entity.create', ref: 'x', entity: { name: 'A', typeLabelKey: 'NOPE' } }]),
      ),
    ).toThrow('There is no label NOPE');
  });

  it('rejects hostile payloads on the new calls with invalid_input and writes nothing', async () => {
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
    const hostile: [string, unknown][] = [
      ['listEntities', { query: 'x'.repeat(201) }],
      ['listEntities', { query: 'a', extra: 1 }],
      ['getEntityPage', { id: -1 }],
      ['getEntityPage', { id: '1; DROP TABLE entities' }],
      ['getLinkSuggestions', { articleId: { toString: null } }],
      ['applyChanges', { origin: 'manual', changes: [{ kind: 'entity.merge', fromId: 1 }] }],
      ['applyChanges', { origin: 'manual', changes: [{ kind: 'entityLink.set', annotationId: 1 }] }],
      [
        'applyChanges',
        { origin: 'manual', changes: [{ kind: 'entityLink.set', annotationId: 1, entityId: 1, entityRef: 'e' }] },
      ],
      [
        'applyChanges',
        {
          origin: 'manual',
          changes: [
            { kind: 'entity.create', ref: 'e', entity: { name: 'A', typeLabelKey: 'PER', externalId: 'not an id' } },
          ],
        },
      ],
      [
        'applyChanges',
        {
          origin: 'manual',
          changes: [
            { kind: 'entity.create', ref: 'e', entity: { name: 'A', typeLabelKey: 'PER', __proto__: { x: 1 }, id: 5 } },
          ],
        },
      ],
    ];
    for (const [name, input] of hostile) {
      const result = await dispatchCall(handlers, name, input, () => {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(workbench.entityRows.listAll()).toEqual([]);
    expect(workbench.entityRows.allLinks()).toEqual([]);
  });

  it('accepts a Wikidata QID or scheme:value as the external id', () => {
    const id = newEntity('Tô Lâm');
    workbench.changes.apply(manual([{ kind: 'entity.update', id, patch: { externalId: 'Q10800853' } }]));
    expect(workbench.entityRows.get(id).externalId).toBe('Q10800853');
  });
});

describe('entity links', () => {
  it('links a span (an article-scope step) and undoes it on that article’s stack', () => {
    const toLam = newEntity('Tô Lâm');
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const applied = workbench.changes.apply(manual([link(span.id, toLam)], { articleId: oldArticle }));
    expect(applied.articleId).toBe(oldArticle);
    expect(applied.entityLinks?.upserted).toEqual([{ annotationId: span.id, articleId: oldArticle, entityId: toLam }]);
    expect(linkedTo(toLam)).toEqual([span.id]);
    workbench.changes.undo(oldArticle);
    expect(linkedTo(toLam)).toEqual([]);
    workbench.changes.redo(oldArticle);
    expect(linkedTo(toLam)).toEqual([span.id]);
  });

  it('warns on a type mismatch: refused until the user confirms', () => {
    const ministry = newEntity('Bộ Công an', 'ORG');
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    expect(() => workbench.changes.apply(manual([link(span.id, ministry)]))).toThrow(
      /Type mismatch: the span “Tô Lâm” is PER but “Bộ Công an” is ORG; confirm/,
    );
    expect(linkedTo(ministry)).toEqual([]);
    workbench.changes.apply(manual([link(span.id, ministry, true)]));
    expect(linkedTo(ministry)).toEqual([span.id]);
  });

  it('creates an entity from a span and links it in one step (the reader’s “new entity from this span”)', () => {
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const applied = workbench.changes.apply(
      manual(
        [
          { kind: 'entity.create', ref: 'new', entity: { name: span.quote, typeLabelKey: 'PER' } },
          { kind: 'entityLink.set', annotationId: span.id, entityRef: 'new' },
        ],
        { articleId: oldArticle },
      ),
    );
    const entityId = applied.createdIds.new!;
    expect(applied.entities?.upserted).toEqual([{ id: entityId, name: 'Tô Lâm', typeLabelKey: 'PER' }]);
    expect(linkedTo(entityId)).toEqual([span.id]);
    workbench.changes.undo(oldArticle);
    expect(workbench.entityRows.find(entityId)).toBeNull();
  });

  it('deleting a linked span deletes its link in the same set; undo restores both', () => {
    const toLam = newEntity('Tô Lâm');
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    workbench.changes.apply(manual([link(span.id, toLam)]));
    const applied = workbench.changes.apply(manual([{ kind: 'annotation.delete', id: span.id }]));
    expect(applied.entityLinks?.removed).toEqual([{ annotationId: span.id, articleId: oldArticle }]);
    expect(linkedTo(toLam)).toEqual([]);
    workbench.changes.undo(oldArticle);
    expect(linkedTo(toLam)).toEqual([span.id]);
  });

  it('deleting a span with a link and relations cascades both in one set; undo restores them, redo takes them again', () => {
    const toLam = newEntity('Tô Lâm');
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const title = annotate(workbench, oldArticle, 'TITLE', 'Thượng tướng');
    workbench.changes.apply(
      manual([link(span.id, toLam), relate(oldArticle, 'holds_title', span.id, title.id)], { articleId: oldArticle }),
    );
    const relationsHere = () =>
      workbench.relations.listForArticle(oldArticle).map((relation) => [relation.typeKey, relation.headId]);
    expect(relationsHere()).toEqual([['holds_title', span.id]]);

    const applied = workbench.changes.apply(
      manual([{ kind: 'annotation.delete', id: span.id }], { articleId: oldArticle }),
    );
    expect(applied.entityLinks?.removed).toEqual([{ annotationId: span.id, articleId: oldArticle }]);
    expect(applied.relations?.removed).toHaveLength(1);
    expect(linkedTo(toLam)).toEqual([]);
    expect(relationsHere()).toEqual([]);
    expect(workbench.entities.page(toLam).titles).toEqual([]);

    // One step back restores the span, its link and its relation, read from the store.
    workbench.changes.undo(oldArticle);
    expect(workbench.annotationRows.listForArticle(oldArticle).map((row) => row.id)).toContain(span.id);
    expect(linkedTo(toLam)).toEqual([span.id]);
    expect(relationsHere()).toEqual([['holds_title', span.id]]);
    expect(workbench.entities.page(toLam).titles.map((row) => row.quote)).toEqual(['Thượng tướng']);

    workbench.changes.redo(oldArticle);
    expect(linkedTo(toLam)).toEqual([]);
    expect(relationsHere()).toEqual([]);
  });

  it('suggests unlinked spans whose folded text is a known name or alias, and links none of them', () => {
    const toLam = newEntity('Tô Lâm', 'PER', ['To Lam']);
    const linked = annotate(workbench, newArticle, 'PER', 'Tô Lâm');
    workbench.changes.apply(manual([link(linked.id, toLam)]));
    const unlinked = annotate(workbench, newArticle, 'PER', 'To Lam');
    annotate(workbench, newArticle, 'ORG', 'Bộ Công an'); // no entity by that name
    expect(workbench.entities.suggestions(newArticle)).toEqual([
      { annotationId: unlinked.id, entity: { id: toLam, name: 'Tô Lâm', typeLabelKey: 'PER' } },
    ]);
    expect(linkedTo(toLam)).toEqual([linked.id]);
  });
});

describe('merge and split', () => {
  it('merge moves every link, unites the aliases, leaves a redirect, and is one corpus-wide undo step', () => {
    const a = newEntity('Tô Lâm', 'PER', ['Bộ trưởng Tô Lâm']);
    const b = newEntity('To Lam', 'PER', ['Đại tướng Tô Lâm']);
    const first = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const second = annotate(workbench, newArticle, 'PER', 'Tô Lâm');
    workbench.changes.apply(manual([link(first.id, a)]));
    workbench.changes.apply(manual([link(second.id, b)]));

    const applied = workbench.changes.apply(manual([{ kind: 'entity.merge', fromId: b, intoId: a }]));
    expect(applied.articleId).toBeNull();
    expect(linkedTo(a)).toEqual([first.id, second.id]);
    expect(linkedTo(b)).toEqual([]);
    // “To Lam” folds like “Tô Lâm”, the canonical name: it is not repeated as an alias.
    expect(workbench.entityRows.get(a).aliases).toEqual(['Bộ trưởng Tô Lâm', 'Đại tướng Tô Lâm']);
    expect(workbench.entityRows.get(b).mergedInto).toBe(a);
    expect(workbench.entities.list('', { limit: 10 }).map((entity) => entity.id)).toEqual([a]);
    expect(workbench.entities.page(b).entity.id).toBe(a); // the old id opens the survivor
    expect(workbench.changes.historyState(null).undoDescription).toBe('Merge entity “To Lam”');

    workbench.changes.undo(null);
    expect(linkedTo(a)).toEqual([first.id]);
    expect(linkedTo(b)).toEqual([second.id]);
    expect(workbench.entityRows.get(a).aliases).toEqual(['Bộ trưởng Tô Lâm']);
    expect(workbench.entityRows.get(b).mergedInto).toBeNull();

    workbench.changes.redo(null);
    expect(linkedTo(a)).toEqual([first.id, second.id]);
    expect(workbench.entityRows.get(b).mergedInto).toBe(a);
  });

  it('refuses to merge an entity into itself or into a redirect', () => {
    const a = newEntity('Tô Lâm');
    const b = newEntity('Lương Tam Quang');
    const c = newEntity('Nguyễn Văn A');
    expect(() => workbench.changes.apply(manual([{ kind: 'entity.merge', fromId: a, intoId: a }]))).toThrow('itself');
    workbench.changes.apply(manual([{ kind: 'entity.merge', fromId: b, intoId: a }]));
    expect(() => workbench.changes.apply(manual([{ kind: 'entity.merge', fromId: c, intoId: b }]))).toThrow(
      'was merged into',
    );
  });

  it('split moves the chosen mentions to a new entity in one undo step', () => {
    const toLam = newEntity('Tô Lâm');
    const first = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const second = annotate(workbench, newArticle, 'PER', 'Tô Lâm');
    const third = annotate(workbench, newArticle, 'PER', 'To Lam');
    workbench.changes.apply(manual([link(first.id, toLam), link(second.id, toLam), link(third.id, toLam)]));

    const applied = workbench.changes.apply(
      manual([
        { kind: 'entity.create', ref: 'split', entity: { name: 'Tô Lâm (2024)', typeLabelKey: 'PER' } },
        { kind: 'entityLink.set', annotationId: second.id, entityRef: 'split' },
        { kind: 'entityLink.set', annotationId: third.id, entityRef: 'split' },
      ]),
    );
    const split = applied.createdIds.split!;
    expect(applied.articleId).toBeNull();
    expect(linkedTo(toLam)).toEqual([first.id]);
    expect(linkedTo(split)).toEqual([second.id, third.id]);

    workbench.changes.undo(null);
    expect(linkedTo(toLam)).toEqual([first.id, second.id, third.id]);
    expect(workbench.entityRows.find(split)).toBeNull();
    workbench.changes.redo(null);
    expect(linkedTo(split)).toEqual([second.id, third.id]);
  });

  it('an undo refuses when a link it would restore was changed since on another stack', () => {
    const a = newEntity('Tô Lâm');
    const b = newEntity('To Lam');
    const span = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    workbench.changes.apply(manual([link(span.id, b)]));
    workbench.changes.apply(manual([{ kind: 'entity.merge', fromId: b, intoId: a }]));
    workbench.changes.apply(manual([{ kind: 'entityLink.delete', annotationId: span.id }], { articleId: oldArticle }));
    expect(() => workbench.changes.undo(null)).toThrow(/Cannot undo .*changed since/);
    expect(workbench.entityRows.get(b).mergedInto).toBe(a); // nothing half-undone
  });
});

describe('entity page', () => {
  it('lists every mention in context with article, date and source, and ranks co-occurring entities', () => {
    const toLam = newEntity('Tô Lâm');
    const ministry = newEntity('Bộ Công an', 'ORG');
    const hanoi = newEntity('Hà Nội', 'LOC');
    const first = annotate(workbench, oldArticle, 'PER', 'Tô Lâm');
    const second = annotate(workbench, newArticle, 'PER', 'Tô Lâm');
    workbench.changes.apply(
      manual([
        link(first.id, toLam),
        link(second.id, toLam),
        link(annotate(workbench, oldArticle, 'ORG', 'Bộ Công an').id, ministry),
        link(annotate(workbench, newArticle, 'ORG', 'Bộ Công an').id, ministry),
        link(annotate(workbench, oldArticle, 'LOC', 'Hà Nội').id, hanoi),
      ]),
    );
    const page = workbench.entities.page(toLam);
    expect(page.mentions.map((mention) => [mention.articleTitle, mention.quote, mention.source])).toEqual([
      ['Năm 2017', 'Tô Lâm', 'Báo Nhân Dân'],
      ['Năm 2024', 'Tô Lâm', 'Báo Nhân Dân'],
    ]);
    expect(page.mentions[0]).toMatchObject({ before: 'Thượng tướng ', publishedAt: '2026-01-10' });
    expect(page.mentions[0]!.after.startsWith(', Bộ trưởng Bộ Công an')).toBe(true);
    expect(page.coOccurring.map((row) => [row.entity.name, row.articles])).toEqual([
      ['Bộ Công an', 2],
      ['Hà Nội', 1],
    ]);
    // No relations yet: no titles, nothing related.
    expect(page.titles).toEqual([]);
    expect(page.related).toEqual([]);
  });

  it('reads titles over time from holds_title relations, dated by their articles, and related proposals', () => {
    // Texts of their own: the same text again would be taken as the article already stored.
    const article2017 = addArticle(workbench, `${OLD} Tháng 8 năm 2017.`, 'Tháng 8 năm 2017', '2017-08-13');
    const article2024 = addArticle(workbench, `${NEW} Tháng 6 năm 2024.`, 'Tháng 6 năm 2024', '2024-06-01');
    const toLam = newEntity('Tô Lâm');
    const oldMention = annotate(workbench, article2017, 'PER', 'Tô Lâm');
    const newMention = annotate(workbench, article2024, 'PER', 'Tô Lâm');
    workbench.changes.apply(manual([link(oldMention.id, toLam), link(newMention.id, toLam)]));
    const oldTitle = annotate(workbench, article2017, 'TITLE', 'Thượng tướng');
    const newTitle = annotate(workbench, article2024, 'TITLE', 'Đại tướng');
    const proposal = annotate(workbench, article2024, 'PROPOSAL', 'nhấn mạnh vai trò của Bộ Công an');
    // The newer article's relations first: the page orders by date, not by when they were made.
    workbench.changes.apply(
      manual([relate(article2024, 'holds_title', newMention.id, newTitle.id)], { articleId: article2024 }),
    );
    workbench.changes.apply(
      manual([relate(article2024, 'proposed_by', proposal.id, newMention.id)], { articleId: article2024 }),
    );
    workbench.changes.apply(
      manual([relate(article2017, 'holds_title', oldMention.id, oldTitle.id)], { articleId: article2017 }),
    );

    const page = workbench.entities.page(toLam);
    expect(page.titles.map((title) => [title.quote, title.publishedAt])).toEqual([
      ['Thượng tướng', '2017-08-13'],
      ['Đại tướng', '2024-06-01'],
    ]);
    expect(page.related.map((span) => [span.relationType, span.labelKey, span.quote])).toEqual([
      ['proposed_by', 'PROPOSAL', 'nhấn mạnh vai trò của Bộ Công an'],
    ]);
  });
});

describe('migration 014', () => {
  it('adds the entity tables to a database made before entities landed (at version 12), keeping its articles', () => {
    const { dir, dispose } = tempDir();
    try {
      const path = join(dir, 'v12.db');
      // As a build without entities left it: every migration up to 12, and an article.
      const v12 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 12) });
      expect(v12.pragma('user_version', { simple: true })).toBe(12);
      const { text } = canonicalize(OLD);
      const articleId = storeArticle(v12, new ArticleStore(v12), {
        rawText: OLD,
        text,
        trimmedText: null,
        title: 'Năm 2017',
        source: null,
        byline: null,
        url: null,
        publishedAt: '2017-08-13',
        fileName: null,
      }).articleId;
      v12.close();

      const reopened = openWorkbench(path);
      expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const span = annotate(reopened, articleId, 'PER', 'Tô Lâm');
      const entity = reopened.changes.apply(
        manual([
          { kind: 'entity.create', ref: 'e', entity: { name: 'Tô Lâm', typeLabelKey: 'PER' } },
          { kind: 'entityLink.set', annotationId: span.id, entityRef: 'e' },
        ]),
      ).createdIds.e!;
      reopened.close();
      const again = openWorkbench(path);
      expect(again.entityRows.linksOf(entity)).toEqual([{ annotationId: span.id, articleId, entityId: entity }]);
      expect(again.db.pragma('foreign_key_check')).toEqual([]);
      again.close();
    } finally {
      dispose();
    }
  });

  it('adds the entity tables to a database built by migrations 001–004, keeping its annotations', () => {
    const { dir, dispose } = tempDir();
    try {
      const path = join(dir, 'v4.db');
      const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
      expect(v4.pragma('user_version', { simple: true })).toBe(4);
      v4.close();
      const before = openWorkbench(path);
      expect(before.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const articleId = addArticle(before, OLD, 'Năm 2017');
      const span = annotate(before, articleId, 'PER', 'Tô Lâm');
      const entity = before.changes.apply(
        manual([
          { kind: 'entity.create', ref: 'e', entity: { name: 'Tô Lâm', typeLabelKey: 'PER' } },
          { kind: 'entityLink.set', annotationId: span.id, entityRef: 'e' },
        ]),
      ).createdIds.e!;
      before.close();
      const reopened = openWorkbench(path);
      expect(reopened.entityRows.linksOf(entity)).toEqual([{ annotationId: span.id, articleId, entityId: entity }]);
      expect(reopened.db.pragma('foreign_key_check')).toEqual([]);
      reopened.close();
    } finally {
      dispose();
    }
  });
});
