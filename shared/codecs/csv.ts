/**
 * CSV, one row per annotation. Two variants:
 * - `spreadsheet` (format `csv`): the cells people read (GUARDED_CSV_COLUMNS) get a formula
 *   guard, so Excel or LibreOffice never runs a cell as a formula;
 * - `data` (format `csv-data`): every cell exact, for pandas and Python's csv, where
 *   `text[start:end] == quote` must hold.
 * This module maps annotations to cells and guards them; the RFC 4180 quoting itself is done by
 * csv-stringify, which the Node side passes in (its typings pull in Node's, and shared/ stays
 * free of them).
 */
import { valueAsText } from '../domain/attributes';
import { defsByLabel, exportedValues } from './attribute-values';
import { textAfter, textBefore } from './text-context';
import type { ExportCodec, ExportContext } from './types';
import { labelPaths } from './label-paths';
import { toUnitSpans } from './unit-spans';

export const CSV_HEADER = [
  'article_id',
  'title',
  'source',
  'published',
  'label',
  'label_name_vi',
  'label_name_en',
  'label_path',
  'start',
  'end',
  'quote',
  'context_before',
  'context_after',
  'note',
  'author',
  'origin',
  // After the older columns, so readers that index them by position keep working; a re-import keeps it as data.
  'annotation_id',
  /** The registry entity the span is linked to; empty when none. */
  'entity_id',
  'entity_name',
] as const;

/**
 * Columns meant for people, guarded in the spreadsheet variant. The ids, label key, offsets and
 * origin never start with a trigger; `published` is written as an EDTF date that never does either.
 */
export const GUARDED_CSV_COLUMNS = [
  'title',
  'source',
  'label_name_vi',
  'label_name_en',
  'quote',
  'context_before',
  'context_after',
  'note',
  'author',
  'entity_name',
] as const satisfies readonly (typeof CSV_HEADER)[number][];

/**
 * The columns after CSV_HEADER: one per attribute of the exported labels (`attr.RISK.severity`),
 * label by label in schema order, each label's in display order; then one per document field
 * (`field.topics`) in display order. Lists are joined by `|`; a span reference is written as the
 * referenced span's quote. These cells are people's, so the spreadsheet variant guards them.
 */
export function csvValueColumns(context: Pick<ExportContext, 'attributeDefs' | 'fieldDefs'>): string[] {
  return [
    ...context.attributeDefs.map((def) => `attr.${def.labelKey}.${def.key}`),
    ...context.fieldDefs.map((def) => `field.${def.key}`),
  ];
}

export type CsvVariant = 'spreadsheet' | 'data';

/** Characters of context on each side of the quote, counted in code points. */
export const CSV_CONTEXT_CHARS = 60;

const UTF8_BOM = '\uFEFF';

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR, which some strip first) as a
 * formula. Such cells get a leading apostrophe. Cells that already start with one get another,
 * so the rule reverses exactly: a cell that starts with ' had one ' added.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r']/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula`, for readers that want the exact stored value. */
export function restoreFormulaGuarded(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Turns a list of rows into RFC 4180 CSV text (csv-stringify on the Node side). */
export type CsvRowsWriter = (rows: readonly (readonly string[])[]) => string;

export interface CsvOptions {
  bom: boolean;
  variant: CsvVariant;
  stringifyRows: CsvRowsWriter;
}

/**
 * A date as the CSV writes it. A partial date without a year is stored in the ISO 8601 truncated
 * form `--02-26`, which spreadsheets read as a formula; the CSV writes the EDTF (ISO 8601-2)
 * form with an unspecified year, `XXXX-02-26`, which they keep as text.
 */
export function csvDate(publishedAt: string | null): string {
  if (publishedAt === null) return '';
  return publishedAt.startsWith('--') ? `XXXX${publishedAt.slice(1)}` : publishedAt;
}

export function createCsvCodec(context: ExportContext, options: CsvOptions): ExportCodec {
  const guard = options.variant === 'spreadsheet' ? neutraliseFormula : (cell: string) => cell;
  // Cells that repeat on every row of an article or label are built once.
  const paths = labelPaths(context);
  const labelCells = new Map(
    context.labels.map((label) => [
      label.key,
      [label.key, guard(label.nameVi), guard(label.nameEn), paths.get(label.key) ?? label.key],
    ]),
  );
  const defs = defsByLabel(context.attributeDefs);
  const attributeColumn = new Map(context.attributeDefs.map((def, index) => [`${def.labelKey}.${def.key}`, index]));
  const entityCells = (annotationId: number): [string, string] => {
    const entity = context.entities?.entityOf(annotationId);
    return entity ? [String(entity.id), guard(entity.name)] : ['', ''];
  };
  return {
    begin: () => (options.bom ? UTF8_BOM : '') + options.stringifyRows([[...CSV_HEADER, ...csvValueColumns(context)]]),
    article(article, annotations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const articleCells = [
        String(article.id),
        guard(article.title ?? ''),
        guard(article.source ?? ''),
        csvDate(article.publishedAt),
      ];
      const fieldCells = context.fieldDefs.map((def) => {
        const value = article.fields[def.key];
        return value === undefined ? '' : guard(valueAsText(value));
      });
      const quoteOf = new Map(annotations.map((annotation) => [annotation.id, annotation.quote]));
      const attributeCells = (annotation: (typeof annotations)[number]): string[] => {
        const cells: string[] = context.attributeDefs.map(() => '');
        for (const [key, value] of exportedValues(annotation, defs, (id) => quoteOf.get(id))) {
          const column = attributeColumn.get(`${annotation.labelKey}.${key}`);
          if (column !== undefined) cells[column] = guard(valueAsText(value));
        }
        return cells;
      };
      const rows = spans.map(({ annotation, start, end }) => [
        ...articleCells,
        ...(labelCells.get(annotation.labelKey) ?? [annotation.labelKey, '', '', annotation.labelKey]),
        String(start),
        String(end),
        guard(annotation.quote),
        guard(textBefore(article.text, annotation.start, CSV_CONTEXT_CHARS)),
        guard(textAfter(article.text, annotation.end, CSV_CONTEXT_CHARS)),
        guard(annotation.note),
        guard(annotation.author),
        annotation.origin,
        String(annotation.id),
        ...entityCells(annotation.id),
        ...attributeCells(annotation),
        ...fieldCells,
      ]);
      return {
        chunk: rows.length > 0 ? options.stringifyRows(rows) : '',
        spansWritten: rows.length,
        leftOut: invalid,
        widened: [],
      };
    },
    end: () => '',
  };
}
