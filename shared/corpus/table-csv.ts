import { neutraliseFormula } from '../codecs/csv';

/**
 * A chart's table as RFC 4180 CSV for spreadsheets (CRLF, quoted where needed, a BOM so Excel
 * reads UTF-8); text cells get the same formula guard as the `csv` export, numbers are written as is.
 */
export function tableToCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const guarded = neutraliseFormula(value);
    return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
