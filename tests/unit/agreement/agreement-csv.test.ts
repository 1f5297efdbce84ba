import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { agreementArticlesCsv, agreementLabelsCsv } from '../../../shared/agreement/agreement-csv';
import type { AgreementFigures, AgreementReport } from '../../../shared/contract/agreement';

const figures = (f1Exact: number | null): AgreementFigures => ({
  spans: [3, 4],
  f1Exact,
  f1Overlap: 0.857142857,
  cohenKappa: -0.00001,
  fleissKappa: null,
  alphaU: 1,
});

const REPORT: AgreementReport = {
  authors: ['Lan', '=cmd|"/c calc"'],
  tokens: 100,
  codePoints: 400,
  overall: figures(0.5),
  labels: [{ labelKey: 'RISK', ...figures(null) }],
  articles: [{ articleId: 7, displayTitle: '=HYPERLINK("x"), "bài" một', ...figures(0.25) }],
};

describe('agreement CSV', () => {
  it('writes RFC 4180 with formula-guarded text cells, rounded measures and empty undefined ones', () => {
    const labels = agreementLabelsCsv(REPORT, (key) => (key === 'RISK' ? '+Nguy cơ' : key));
    expect(labels.startsWith('\uFEFF')).toBe(true);
    expect(labels.endsWith('\r\n')).toBe(true);
    const rows = parse(labels, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'label',
      'label_name',
      'spans: Lan',
      // The author's name follows the column's own text, so the cell never starts with a trigger.
      'spans: =cmd|"/c calc"',
      'f1_exact',
      'f1_overlap',
      'cohen_kappa',
      'fleiss_kappa',
      'alpha_u',
    ]);
    expect(rows[1]).toEqual(['(overall)', '', '3', '4', '0.5', '0.8571', '0', '', '1']);
    expect(rows[2]).toEqual(['RISK', "'+Nguy cơ", '3', '4', '', '0.8571', '0', '', '1']);
  });

  it('lists every article with its title guarded', () => {
    const rows = parse(agreementArticlesCsv(REPORT), { bom: true }) as string[][];
    expect(rows[1]).toEqual(['7', `'=HYPERLINK("x"), "bài" một`, '3', '4', '0.25', '0.8571', '0', '', '1']);
  });
});
