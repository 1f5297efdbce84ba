/**
 * JSONL, one article per line, in the shape spaCy, Hugging Face datasets and Prodigy users load:
 * `{id, title, source, published, text, fields, spans: [{start, end, label, text, author, origin,
 * attributes}], meta}`. `meta.offset_unit` says what the offsets count; `text.slice(start, end)` in
 * that unit is `spans[i].text`. `attributes` holds the span's typed values (`{}` when none); a
 * reference to another span is that span's index in `spans`. `fields` holds the document fields.
 */
import { defsByLabel, exportedValues } from './attribute-values';
import type { ExportCodec, ExportContext } from './types';
import { toUnitSpans } from './unit-spans';
import { CANONICAL_NORMALIZATION } from './workbench-json';

export function createJsonlCodec(context: ExportContext): ExportCodec {
  const meta = { offset_unit: context.unit, normalization: CANONICAL_NORMALIZATION };
  const defs = defsByLabel(context.attributeDefs);
  return {
    begin: () => '',
    article(article, annotations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const indexOf = new Map(spans.map(({ annotation }, index) => [annotation.id, index]));
      const line = {
        id: article.id,
        title: article.title,
        source: article.source,
        published: article.publishedAt,
        text: article.text,
        fields: article.fields,
        spans: spans.map(({ annotation, start, end }) => ({
          start,
          end,
          label: annotation.labelKey,
          text: annotation.quote,
          author: annotation.author,
          origin: annotation.origin,
          attributes: Object.fromEntries(
            exportedValues(annotation, defs, (id) => indexOf.get(id)).map(([key, value]) => [key, value]),
          ),
        })),
        meta,
      };
      return { chunk: `${JSON.stringify(line)}\n`, spansWritten: spans.length, leftOut: invalid, widened: [] };
    },
    end: () => '',
  };
}
