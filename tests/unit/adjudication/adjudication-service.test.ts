/**
 * Adjudication (issue 15): the walk over two layers' disagreements and every decision kind, each
 * undone and redone through the change history, read back from the store; and decisions that
 * survive closing and reopening the workbench on the same file.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GOLD_AUTHOR, type Decision } from '../../../shared/adjudication/changes';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { AgreementService } from '../../../electron/services/agreement/agreement-service';
import { AgreementInputSchema } from '../../../shared/contract/agreement';
import { seededArticle, tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';

const LAYERS = { mine: 'An', theirs: 'Bình' };

/** Writes a colleague's or my layer the way a package import or the reader does: a change set by that author. */
function tag(workbench: Workbench, articleId: number, text: string, author: string, spans: [string, string][]): void {
  workbench.changes.apply({
    articleId,
    origin: 'manual',
    author,
    changes: spans.map(([labelKey, phrase], index) => {
      const start = text.indexOf(phrase);
      if (start < 0) throw new Error(`not in the seed: ${phrase}`);
      return {
        kind: 'annotation.create' as const,
        ref: `s${index}`,
        annotation: { articleId, labelKey, start, end: start + phrase.length, quote: phrase },
      };
    }),
  });
}

/** Two layers of the seed article with one agreement and four disagreements, one of each kind. */
async function twoLayers(workbench: Workbench) {
  const { articleId, text } = await seededArticle(workbench);
  tag(workbench, articleId, text, 'An', [
    ['PER', 'Lương Tam Quang'],
    ['TITLE', 'Thượng tướng'],
    ['PER', 'Phạm Minh Chính'],
    ['PER', 'Bùi Thanh Sơn'],
  ]);
  tag(workbench, articleId, text, 'Bình', [
    ['PER', 'Lương Tam Quang'],
    ['PER', 'Thượng tướng'],
    ['ORG', 'Bộ Ngoại giao'],
    ['PER', 'Ngoại giao Bùi Thanh Sơn'],
  ]);
  return { articleId, text };
}

const goldOf = (workbench: Workbench, articleId: number) =>
  workbench.annotationRows
    .listForArticle(articleId)
    .filter((span) => span.author === GOLD_AUTHOR)
    .map((span) => `${span.labelKey} ${span.quote}`);

describe('adjudication', () => {
  const open = useTempWorkbenches();

  it('walks the disagreements in text order, one of each kind, with the agreement left out', async () => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    const list = workbench.adjudication.list({ articleId, layers: LAYERS });
    expect(list.agreed).toBe(1);
    expect(list.remaining).toBe(4);
    expect(list.layers).toEqual(
      expect.arrayContaining([
        { author: 'An', spans: 4 },
        { author: 'Bình', spans: 4 },
      ]),
    );
    expect(list.disagreements.map((d) => [d.kind, d.mine?.quote ?? null, d.theirs?.quote ?? null])).toEqual([
      ['both', 'Thượng tướng', 'Thượng tướng'],
      ['theirs', null, 'Bộ Ngoại giao'],
      ['mine', 'Phạm Minh Chính', null],
      ['both', 'Bùi Thanh Sơn', 'Ngoại giao Bùi Thanh Sơn'],
    ]);
    const starts = list.disagreements.map((d) => d.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const first = list.disagreements[0]!;
    expect(first.context.text).toContain('Thượng tướng');
    expect(first.context.start).toBeLessThanOrEqual(first.start);
  });

  it.each<[Decision, string[]]>([
    ['mine', ['TITLE Thượng tướng']],
    ['theirs', ['PER Thượng tướng']],
    ['both', ['TITLE Thượng tướng', 'PER Thượng tướng']],
    ['rejected', []],
  ])('decides "%s" into gold, undoes and redoes it', async (decision, gold) => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    const [first] = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements;
    workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision });

    const decided = () => workbench.adjudication.list({ articleId, layers: LAYERS });
    expect(goldOf(workbench, articleId).sort()).toEqual([...gold].sort());
    expect(decided().disagreements[0]!.decision).toBe(decision);
    expect(decided().remaining).toBe(3);

    workbench.changes.undo(articleId);
    expect(goldOf(workbench, articleId)).toEqual([]);
    expect(decided().disagreements[0]!.decision).toBeNull();
    expect(decided().remaining).toBe(4);

    workbench.changes.redo(articleId);
    expect(goldOf(workbench, articleId).sort()).toEqual([...gold].sort());
    expect(decided().disagreements[0]!.decision).toBe(decision);
  });

  it('accepts an edited version: its label and range, its quote read from the text', async () => {
    const workbench = open();
    const { articleId, text } = await twoLayers(workbench);
    const boundaries = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements[3]!;
    const start = text.indexOf('Bùi Thanh Sơn');
    workbench.adjudication.decide({
      articleId,
      ...LAYERS,
      key: boundaries.key,
      decision: 'edited',
      edited: { labelKey: 'PER', start: start + 'Bùi '.length, end: start + 'Bùi Thanh Sơn'.length },
    });
    expect(goldOf(workbench, articleId)).toEqual(['PER Thanh Sơn']);
    workbench.changes.undo(articleId);
    expect(goldOf(workbench, articleId)).toEqual([]);
  });

  it('refuses deciding twice, a disagreement that is gone, and comparing a layer with itself or with gold', async () => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    const [first] = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements;
    workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision: 'mine' });
    expect(() => workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision: 'theirs' })).toThrow(
      /decided already/,
    );
    expect(() => workbench.adjudication.decide({ articleId, ...LAYERS, key: 'PER@1-2|-', decision: 'mine' })).toThrow(
      /no longer one/,
    );
    const onlyTheirs = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements[1]!;
    expect(() =>
      workbench.adjudication.decide({ articleId, ...LAYERS, key: onlyTheirs.key, decision: 'mine' }),
    ).toThrow(/has no version of An/);
    expect(() => workbench.adjudication.list({ articleId, layers: { mine: 'An', theirs: 'An' } })).toThrow(
      /with itself/,
    );
    expect(() => workbench.adjudication.list({ articleId, layers: { mine: 'An', theirs: GOLD_AUTHOR } })).toThrow(
      /gold layer/,
    );
    expect(goldOf(workbench, articleId)).toEqual(['TITLE Thượng tướng']);
  });

  it("chooses the profile's layer as mine and another as theirs when none are named; none with one layer", async () => {
    const workbench = open();
    const { articleId, text } = await seededArticle(workbench);
    tag(workbench, articleId, text, 'Bình', [['PER', 'Lương Tam Quang']]);
    expect(workbench.adjudication.list({ articleId })).toMatchObject({ mine: null, theirs: null, remaining: 0 });
    workbench.profile.set('An');
    tag(workbench, articleId, text, 'An', [['PER', 'Phạm Minh Chính']]);
    expect(workbench.adjudication.list({ articleId })).toMatchObject({ mine: 'An', theirs: 'Bình', remaining: 2 });
  });

  it('reports agreement with gold per author once gold holds decisions', async () => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    const [first] = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements;
    workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision: 'mine' });
    const report = await new AgreementService(workbench).compute(
      AgreementInputSchema.parse({ authors: ['An', 'Bình', GOLD_AUTHOR] }),
    );
    // Gold holds An's TITLE “Thượng tướng”: one exact match of An's four spans, none of Bình's.
    expect(report.withGold?.map(({ author, spans, f1Exact }) => ({ author, spans, f1Exact }))).toEqual([
      { author: 'An', spans: [4, 1], f1Exact: 0.4 },
      { author: 'Bình', spans: [4, 1], f1Exact: 0 },
    ]);
  });

  it('copies the agreed spans into gold as one undoable step, once', async () => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    expect(workbench.adjudication.acceptAgreed({ articleId, ...LAYERS })).not.toBeNull();
    expect(goldOf(workbench, articleId)).toEqual(['PER Lương Tam Quang']);
    expect(workbench.adjudication.acceptAgreed({ articleId, ...LAYERS })).toBeNull();
    workbench.changes.undo(articleId);
    expect(goldOf(workbench, articleId)).toEqual([]);
  });

  it('counts total and remaining disagreements per article', async () => {
    const workbench = open();
    const { articleId } = await twoLayers(workbench);
    const [first] = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements;
    workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision: 'rejected' });
    expect(workbench.adjudication.counts({ ...LAYERS, articleIds: [articleId] })).toEqual([
      { articleId, total: 4, remaining: 3 },
    ]);
  });
});

describe('adjudication after a restart', () => {
  const folders: (() => void)[] = [];
  afterEach(() => folders.splice(0).forEach((dispose) => dispose()));

  it('keeps every decision, "reject both" included, and can still undo them', async () => {
    const { dir, dispose } = tempDir();
    folders.push(dispose);
    const path = join(dir, 'marginalia.db');
    let workbench = openWorkbench(path);
    const { articleId } = await twoLayers(workbench);
    const [first, second] = workbench.adjudication.list({ articleId, layers: LAYERS }).disagreements;
    workbench.adjudication.decide({ articleId, ...LAYERS, key: first!.key, decision: 'rejected' });
    workbench.adjudication.decide({ articleId, ...LAYERS, key: second!.key, decision: 'theirs' });
    workbench.close();

    workbench = openWorkbench(path);
    try {
      const list = workbench.adjudication.list({ articleId, layers: LAYERS });
      expect(list.disagreements.map((d) => d.decision)).toEqual(['rejected', 'theirs', null, null]);
      expect(list.remaining).toBe(2);
      expect(goldOf(workbench, articleId)).toEqual(['ORG Bộ Ngoại giao']);
      workbench.changes.undo(articleId);
      workbench.changes.undo(articleId);
      expect(workbench.adjudication.list({ articleId, layers: LAYERS }).remaining).toBe(4);
    } finally {
      workbench.close();
    }
  });
});
