/**
 * The agreement call on a real temp SQLite file: two authors' spans written through the change
 * pipeline, read back per article by the service, through the contract's dispatcher.
 */
import { describe, expect, it } from 'vitest';
import { AgreementTally, LabelCodes } from '../../../shared/agreement/agreement-tally';
import type { AgreementInput, AgreementReport } from '../../../shared/contract/agreement';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle } from '../corpus/helpers';

const FIRST = 'Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, cho biết an ninh mạng là nguy cơ lớn tại Hà Nội.';
const SECOND = 'Bộ Tài chính đề xuất giảm thuế để hỗ trợ doanh nghiệp ở Đà Nẵng.';
const THIRD = 'Chỉ Lan đọc bài này về Bộ Y tế.';

/**
 * One author's spans of one article as one change set. Origin `merge`, as a colleague's layer
 * arrives: a manual set refuses a span identical to another author's (annotation-handler's
 * refuseIdentical does not look at the author), which is the very case agreement counts.
 */
function layer(workbench: Workbench, articleId: number, author: string, spans: [labelKey: string, quote: string][]) {
  const text = workbench.articles.getText(articleId);
  workbench.changes.apply({
    origin: 'merge',
    author,
    changes: spans.map(([labelKey, quote], index) => {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`“${quote}” is not in article ${articleId}`);
      return {
        kind: 'annotation.create' as const,
        ref: `s${index}`,
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      };
    }),
  });
}

async function agreement(workbench: Workbench, input: Partial<AgreementInput>): Promise<AgreementReport> {
  const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
  const result = await dispatchCall(handlers, 'agreement', input, () => {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AgreementReport;
}

function corpus(workbench: Workbench) {
  const first = addArticle(workbench, { title: 'An ninh mạng', text: FIRST, source: 'Nhân Dân' });
  const second = addArticle(workbench, { title: 'Thuế', text: SECOND, source: 'VnExpress' });
  const third = addArticle(workbench, { title: 'Y tế', text: THIRD, source: 'Nhân Dân' });
  layer(workbench, first, 'Lan', [
    ['PER', 'Tô Lâm'],
    ['ORG', 'Bộ Công an'],
    ['RISK', 'an ninh mạng là nguy cơ lớn'],
  ]);
  layer(workbench, first, 'Minh', [
    ['PER', 'Thượng tướng Tô Lâm'],
    ['ORG', 'Bộ Công an'],
    ['RISK', 'an ninh mạng'],
    ['LOC', 'Hà Nội'],
  ]);
  layer(workbench, second, 'Lan', [
    ['ORG', 'Bộ Tài chính'],
    ['PROPOSAL', 'giảm thuế để hỗ trợ doanh nghiệp'],
  ]);
  layer(workbench, second, 'Minh', [
    ['ORG', 'Bộ Tài chính'],
    ['PROPOSAL', 'giảm thuế'],
    ['LOC', 'Đà Nẵng'],
  ]);
  layer(workbench, third, 'Lan', [['ORG', 'Bộ Y tế']]);
  // Someone not compared: never read into the figures.
  layer(workbench, first, 'Khoa', [['LOC', 'Hà Nội']]);
  return { first, second, third };
}

describe('agreement service', () => {
  const openTemp = useTempWorkbenches();

  it('compares two authors per label, per article and overall, as the shared tally does on the same spans', async () => {
    const workbench = openTemp();
    const { first, second } = corpus(workbench);
    const report = await agreement(workbench, { authors: ['Lan', 'Minh'] });

    // Recomputed from the stored spans, read back through the API, with the shared tally.
    const codes = new LabelCodes();
    const expected = new AgreementTally(2, codes);
    for (const articleId of [first, second]) {
      const stored = workbench.annotations.list(articleId);
      const byAuthor = ['Lan', 'Minh'].map((author) =>
        stored
          .filter((span) => span.author === author)
          .map((span) => ({ labelKey: span.labelKey, startU16: span.start, endU16: span.end })),
      );
      const one = new AgreementTally(2, codes);
      one.addArticle({ text: workbench.articles.getText(articleId), spansByCoder: byAuthor });
      expected.merge(one);
    }
    expect(report.overall).toEqual(expected.figures().overall);
    expect(report.authors).toEqual(['Lan', 'Minh']);
    expect(report.articles.map((row) => [row.articleId, row.displayTitle, row.spans])).toEqual([
      [first, 'An ninh mạng', [3, 4]],
      [second, 'Thuế', [2, 3]],
    ]);
    expect(report.labels.map((row) => row.labelKey)).toEqual(['LOC', 'ORG', 'PER', 'PROPOSAL', 'RISK']);
    const org = report.labels.find((row) => row.labelKey === 'ORG')!;
    expect(org).toMatchObject({ spans: [2, 2], f1Exact: 1, f1Overlap: 1, cohenKappa: 1, alphaU: 1 });
    const loc = report.labels.find((row) => row.labelKey === 'LOC')!;
    expect(loc).toMatchObject({ spans: [0, 2], f1Exact: 0, f1Overlap: 0 });
    expect(report.overall.f1Exact).toBeCloseTo((2 * 2) / 12, 12);
    expect(report.overall.f1Overlap).toBeCloseTo((2 * 5) / 12, 12);
  });

  it('takes the articles annotated by any author when asked, and a library filter', async () => {
    const workbench = openTemp();
    const { first, third } = corpus(workbench);
    const any = await agreement(workbench, { authors: ['Lan', 'Minh'], articles: 'annotatedByAny' });
    expect(any.articles).toHaveLength(3);
    expect(any.articles[2]).toMatchObject({ articleId: third, spans: [1, 0], f1Exact: 0 });
    const nhanDan = await agreement(workbench, { authors: ['Lan', 'Minh'], filter: { source: ['Nhân Dân'] } });
    expect(nhanDan.articles.map((row) => row.articleId)).toEqual([first]);
  });

  it('compares a gold author like any other, and three authors with Fleiss’ κ', async () => {
    const workbench = openTemp();
    const { first } = corpus(workbench);
    layer(workbench, first, 'gold', [
      ['PER', 'Tô Lâm'],
      ['ORG', 'Bộ Công an'],
    ]);
    const withGold = await agreement(workbench, { authors: ['gold', 'Lan'] });
    expect(withGold.articles.map((row) => row.articleId)).toEqual([first]);
    expect(withGold.labels.find((row) => row.labelKey === 'PER')).toMatchObject({ f1Exact: 1, cohenKappa: 1 });
    const three = await agreement(workbench, { authors: ['gold', 'Lan', 'Minh'] });
    expect(three.overall.cohenKappa).toBeNull();
    expect(three.overall.fleissKappa).not.toBeNull();
  });

  it('answers an empty report when the authors share no article, and refuses the same author twice', async () => {
    const workbench = openTemp();
    corpus(workbench);
    const none = await agreement(workbench, { authors: ['Lan', 'Nobody'] });
    expect(none).toMatchObject({ tokens: 0, codePoints: 0, labels: [], articles: [] });
    expect(none.overall).toEqual({
      spans: [0, 0],
      f1Exact: null,
      f1Overlap: null,
      cohenKappa: null,
      fleissKappa: null,
      alphaU: null,
    });
    await expect(agreement(workbench, { authors: ['Lan', 'Lan'] })).rejects.toThrow(/authors must be different/);
  });
});
