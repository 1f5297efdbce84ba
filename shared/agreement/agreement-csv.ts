/**
 * The agreement table as CSV for spreadsheets: RFC 4180 with the formula guard of the exports
 * (`tableToCsv`). One file per table: labels (the overall row first) and articles. Measures are
 * rounded to four decimals; an undefined measure is an empty cell.
 */
import type { AgreementFigures, AgreementReport } from '../contract/agreement';
import { tableToCsv } from '../corpus/table-csv';

const MEASURE_COLUMNS = ['f1_exact', 'f1_overlap', 'cohen_kappa', 'fleiss_kappa', 'alpha_u'] as const;

const rounded = (value: number | null): string | number => (value === null ? '' : Math.round(value * 1e4) / 1e4);

function figureCells(figures: AgreementFigures): (string | number)[] {
  return [
    ...figures.spans,
    rounded(figures.f1Exact),
    rounded(figures.f1Overlap),
    rounded(figures.cohenKappa),
    rounded(figures.fleissKappa),
    rounded(figures.alphaU),
  ];
}

const spanColumns = (report: AgreementReport) => report.authors.map((author) => `spans: ${author}`);

/** Overall and per-label rows; `labelName` gives a label's name in the reader's language. */
export function agreementLabelsCsv(report: AgreementReport, labelName: (labelKey: string) => string): string {
  return tableToCsv(
    ['label', 'label_name', ...spanColumns(report), ...MEASURE_COLUMNS],
    [
      ['(overall)', '', ...figureCells(report.overall)],
      ...report.labels.map((row) => [row.labelKey, labelName(row.labelKey), ...figureCells(row)]),
    ],
  );
}

/** One row per compared article. */
export function agreementArticlesCsv(report: AgreementReport): string {
  return tableToCsv(
    ['article_id', 'title', ...spanColumns(report), ...MEASURE_COLUMNS],
    report.articles.map((row) => [row.articleId, row.displayTitle, ...figureCells(row)]),
  );
}
