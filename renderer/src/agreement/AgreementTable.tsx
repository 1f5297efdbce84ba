import { useTranslation } from 'react-i18next';
import type { AgreementFigures } from '../../../shared/contract/agreement';

/** A measure to three decimals in the UI language, or — with the reason on hover. */
export function Measure({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  if (value === null) return <span title={t('agreement.undefinedValue')}>—</span>;
  // A value that rounds to zero from below is shown as 0, not −0.
  const rounded = Math.round(value * 1000) / 1000 || 0;
  return <>{rounded.toLocaleString(i18n.language, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}</>;
}

/** The measure columns, the same in both tables: Cohen's κ only for two authors. */
export function measureColumns(
  authors: readonly string[],
): { key: Exclude<keyof AgreementFigures, 'spans'>; name: 'f1Exact' | 'f1Overlap' | 'cohen' | 'fleiss' | 'alphaU' }[] {
  return [
    { key: 'f1Exact', name: 'f1Exact' },
    { key: 'f1Overlap', name: 'f1Overlap' },
    ...(authors.length === 2 ? [{ key: 'cohenKappa' as const, name: 'cohen' as const }] : []),
    { key: 'fleissKappa', name: 'fleiss' },
    { key: 'alphaU', name: 'alphaU' },
  ];
}

interface Row {
  key: string;
  /** The row's header cell (a label chip, an article's title). */
  head: React.ReactNode;
  figures: AgreementFigures;
  /** A total row (all labels), set off from the rest. */
  total?: boolean;
}

/** One table of figures: a header column, the spans of each author, then the measures. */
export function AgreementTable({
  caption,
  headColumn,
  authors,
  rows,
}: {
  caption: string;
  headColumn: string;
  authors: readonly string[];
  rows: readonly Row[];
}) {
  const { t } = useTranslation();
  const columns = measureColumns(authors);
  return (
    <table className="agreement__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headColumn}</th>
          <th scope="col">{t('agreement.columns.spans', { authors: authors.join(' / ') })}</th>
          {columns.map((column) => (
            <th scope="col" key={column.key} className="agreement__number">
              {t(`agreement.columns.${column.name}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.total ? 'agreement__total' : undefined}>
            <th scope="row">{row.head}</th>
            <td className="agreement__number">{row.figures.spans.join(' / ')}</td>
            {columns.map((column) => (
              <td key={column.key} className="agreement__number">
                <Measure value={row.figures[column.key]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
