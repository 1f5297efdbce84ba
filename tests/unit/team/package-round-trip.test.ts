/**
 * The package round trip between two temporary databases with different authors (issue 15):
 * An exports her work, Bình imports it. Bình's database then holds An's layer under An's name
 * (spans, relation, entity link, the article Bình lacked), Bình's own spans are untouched, and
 * importing the same package again changes nothing.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../../electron/services/workbench';
import { exportPackage } from '../../../electron/services/team/package-export';
import { createTeamHandlers } from '../../../electron/services/api/team-handlers';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';
import {
  buildTeamPackage,
  FIXTURE_AUTHOR,
  FIXTURE_UNKNOWN_LABEL,
  MY_SPANS,
  placeSpan,
  spansChangeSet,
  THEIR_SPANS,
} from '../../helpers/team-package';
import { addArticle } from '../export/fixtures';

const openWorkbench = useTempWorkbenches();
const EXTRA_TEXT = 'Một bài chỉ An có: Đại tướng Tô Lâm gặp Bộ trưởng tại Hà Nội.';

/** Everything a layer is made of, as stored, with ids left out (they differ between databases). */
function storedState(workbench: Workbench) {
  return workbench.articles.list().map((article) => ({
    title: article.displayTitle,
    spans: workbench.annotationRows.listForArticle(article.id).map((span) => ({
      id: span.id,
      author: span.author,
      origin: span.origin,
      label: span.labelKey,
      quote: span.quote,
      start: span.start,
      note: span.note,
      entity: workbench.entityRows.findLink(span.id)?.entityId ?? null,
    })),
    relations: workbench.relations.listForArticle(article.id).map((relation) => ({
      type: relation.typeKey,
      head: relation.headId,
      tail: relation.tailId,
      author: relation.author,
    })),
  }));
}

/** The history's shape: the newest corpus-wide step and each article's number of steps. */
function historyShape(workbench: Workbench) {
  return [
    workbench.history.nextUndo(null)?.id ?? null,
    ...workbench.articles.list().map((article) => workbench.history.listForArticle(article.id).length),
  ];
}

async function preparedPair() {
  const an = openWorkbench();
  an.profile.set('An');
  const seed = await seededArticle(an);
  const created = an.changes.apply(spansChangeSet(seed.articleId, seed.text, THEIR_SPANS));
  const id = (quote: string) => {
    const index = THEIR_SPANS.findIndex((span) => span.quote === quote);
    return created.createdIds[`fixture-${index}`] as number;
  };
  an.changes.apply({
    articleId: seed.articleId,
    origin: 'manual',
    changes: [
      {
        kind: 'relation.create',
        ref: 'r',
        relation: {
          articleId: seed.articleId,
          typeKey: 'holds_title',
          headId: id('Lương Tam Quang'),
          tailId: id('Thứ trưởng Bộ Công an'),
        },
      },
      { kind: 'entity.create', ref: 'e', entity: { name: 'Lương Tam Quang', typeLabelKey: 'PER' } },
      { kind: 'entityLink.set', annotationId: id('Lương Tam Quang'), entityRef: 'e' },
    ],
  });
  const extra = addArticle(an, EXTRA_TEXT, 'Bài riêng của An');
  const quote = 'Tô Lâm';
  an.changes.apply({
    articleId: extra,
    origin: 'manual',
    changes: [
      {
        kind: 'annotation.create',
        ref: 'x',
        annotation: { articleId: extra, labelKey: 'PER', ...placeSpan(EXTRA_TEXT, { labelKey: 'PER', quote }), quote },
      },
    ],
  });
  const path = join(an.dir, 'an.mpkg.zip');
  const { manifest } = await exportPackage(an, 'An', path, { appVersion: 'test' });

  const binh = openWorkbench();
  binh.profile.set('Bình');
  const binhSeed = await seededArticle(binh);
  binh.changes.apply(spansChangeSet(binhSeed.articleId, binhSeed.text, MY_SPANS));
  return { an, binh, path, manifest, binhSeedId: binhSeed.articleId };
}

function importFile(workbench: Workbench, path: string) {
  const handlers = createTeamHandlers(workbench, { kind: 'electron', appVersion: 'test' });
  const source = {
    kind: 'uploads' as const,
    files: [{ name: 'an.mpkg.zip', dataBase64: readFileSync(path).toString('base64') }],
  };
  return { handlers, preview: () => handlers.previewPackage({ source }) };
}

describe('annotation packages between two databases', () => {
  it("An's package imported by Bình: An's layer under An's name (her relations too: regression, they took the importer's), Bình's spans untouched, the missing article added", async () => {
    const { binh, path, manifest, binhSeedId } = await preparedPair();
    expect(manifest.counts).toEqual({ articles: 2, annotations: 6, relations: 1, entityLinks: 1 });
    const binhBefore = binh.annotationRows.listForArticle(binhSeedId);

    const { handlers, preview } = importFile(binh, path);
    const previewed = await preview();
    expect(previewed.manifest.author).toBe('An');
    expect(previewed.articles).toEqual({ total: 2, alreadyHere: 1 });
    expect(previewed.questions).toEqual([]);
    const report = await handlers.importPackage({ packageId: previewed.packageId, decisions: {} });
    expect(report).toMatchObject({ author: 'An', articlesAdded: 1, articlesMatched: 1, spansAdded: 6 });

    // Read back from the store: Bình's own spans are as they were…
    const seedSpans = binh.annotationRows.listForArticle(binhSeedId);
    expect(seedSpans.filter((span) => span.author === 'Bình')).toEqual(binhBefore);
    // …and An's are her layer, with her author and origin, never relabelled as Bình's.
    const anSpans = seedSpans.filter((span) => span.author === 'An');
    expect(anSpans.map((span) => [span.labelKey, span.quote, span.origin]).sort()).toEqual(
      THEIR_SPANS.map((span) => [span.labelKey, span.quote, 'manual']).sort(),
    );
    // Her twin of Bình's "Lương Tam Quang" (PER) is agreement, kept beside his.
    expect(
      seedSpans
        .filter((span) => span.quote === 'Lương Tam Quang')
        .map((span) => span.author)
        .sort(),
    ).toEqual(['An', 'Bình']);
    const [relation] = binh.relations.listForArticle(binhSeedId);
    expect(relation?.author).toBe('An');
    const quoteOf = (id: number | undefined) => anSpans.find((span) => span.id === id)?.quote;
    expect([quoteOf(relation?.headId), quoteOf(relation?.tailId)]).toEqual([
      'Lương Tam Quang',
      'Thứ trưởng Bộ Công an',
    ]);
    const linked = anSpans.find((span) => span.quote === 'Lương Tam Quang') as { id: number };
    const link = binh.entityRows.findLink(linked.id);
    expect(binh.entityRows.listAll().find((entity) => entity.id === link?.entityId)?.name).toBe('Lương Tam Quang');
    const added = binh.articles.list().find((article) => article.displayTitle === 'Bài riêng của An');
    expect(added && binh.articles.getText(added.id)).toBe(EXTRA_TEXT);
    expect(binh.annotationRows.listForArticle((added as { id: number }).id).map((span) => span.author)).toEqual(['An']);
  });

  it('regression: importing the same package twice changes nothing (no span, relation, link or article doubled)', async () => {
    const { binh, path } = await preparedPair();
    const { handlers, preview } = importFile(binh, path);
    const first = await preview();
    await handlers.importPackage({ packageId: first.packageId, decisions: {} });
    const afterFirst = storedState(binh);
    const historyAfterFirst = historyShape(binh);

    const second = await preview();
    expect(second.articles).toEqual({ total: 2, alreadyHere: 2 });
    const report = await handlers.importPackage({ packageId: second.packageId, decisions: {} });
    expect(report).toMatchObject({ articlesAdded: 0, articlesMatched: 2, spansAdded: 0, spansAlreadyHere: 6 });
    expect(storedState(binh)).toEqual(afterFirst);
    expect(historyShape(binh)).toEqual(historyAfterFirst);
  });
});

describe('the mapping step', () => {
  it('a label the receiver lacks must be decided; mapped, its spans get my label and keep her name', async () => {
    const built = await buildTeamPackage({ withUnknownLabel: true });
    try {
      const binh = openWorkbench();
      binh.profile.set('Lan');
      const seed = await seededArticle(binh);
      const { handlers, preview } = importFile(binh, built.path);
      const previewed = await preview();
      expect(
        previewed.questions.map((question) => (question.kind === 'label' ? [question.label, question.existing] : [])),
      ).toEqual([[FIXTURE_UNKNOWN_LABEL.key, false]]);
      // Nothing is imported until the question is answered.
      expect(() => handlers.importPackage({ packageId: previewed.packageId, decisions: {} })).toThrow(
        /Decide what to do with the label MEETING/,
      );
      expect(binh.annotationRows.listForArticle(seed.articleId)).toEqual([]);
      const report = await handlers.importPackage({
        packageId: previewed.packageId,
        decisions: { [`label:${FIXTURE_UNKNOWN_LABEL.key}`]: { choice: 'map', labelKey: 'EVENT' } },
      });
      expect(report.spansAdded).toBe(THEIR_SPANS.length + 1);
      expect(binh.labels.exists(FIXTURE_UNKNOWN_LABEL.key)).toBe(false);
      const meeting = binh.annotationRows
        .listForArticle(seed.articleId)
        .find((span) => span.quote === FIXTURE_UNKNOWN_LABEL.quote);
      expect(meeting).toMatchObject({ labelKey: 'EVENT', author: FIXTURE_AUTHOR });
    } finally {
      built.dispose();
    }
  });
});
