/**
 * The second CSV: one row per relation, each end given by the same cells the annotation CSV has
 * (label, start, end, quote), so the two files join on (article_id, label, start, end). A format
 * of its own rather than a zip of two CSVs: spreadsheets and pandas open either file directly.
 * Cells people read are formula-guarded, as in the spreadsheet CSV.
 */
import { neutraliseFormula, type CsvOptions } from './csv';
import { relationsAmong } from './relations';
import type { ExportCodec, ExportContext } from './types';
import { toUnitSpans } from './unit-spans';

export const RELATIONS_CSV_HEADER = [
  'article_id',
  'relation_id',
  'type',
  'type_name_vi',
  'type_name_en',
  'directed',
  'head_label',
  'head_start',
  'head_end',
  'head_quote',
  'tail_label',
  'tail_start',
  'tail_end',
  'tail_quote',
  'note',
  'author',
  'origin',
] as const;

const UTF8_BOM = '\uFEFF';

export function createRelationsCsvCodec(context: ExportContext, options: Omit<CsvOptions, 'variant'>): ExportCodec {
  const guard = neutraliseFormula;
  const typeCells = new Map(
    context.relationTypes.map((type) => [
      type.key,
      [type.key, guard(type.nameVi), guard(type.nameEn), type.directed ? 'yes' : 'no'],
    ]),
  );
  return {
    begin: () => (options.bom ? UTF8_BOM : '') + options.stringifyRows([RELATIONS_CSV_HEADER]),
    article(article, annotations, relations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const end = (position: number) => {
        const span = spans[position]!;
        return [span.annotation.labelKey, String(span.start), String(span.end), guard(span.annotation.quote)];
      };
      const rows = relationsAmong(relations, spans).map(({ relation, head, tail }) => [
        String(article.id),
        String(relation.id),
        ...(typeCells.get(relation.typeKey) ?? [relation.typeKey, '', '', '']),
        ...end(head),
        ...end(tail),
        guard(relation.note),
        guard(relation.author),
        relation.origin,
      ]);
      return {
        chunk: rows.length > 0 ? options.stringifyRows(rows) : '',
        spansWritten: spans.length,
        leftOut: invalid,
        widened: [],
      };
    },
    end: () => '',
  };
}
