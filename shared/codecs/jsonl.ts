/**
 * JSONL, one article per line, in the shape spaCy, Hugging Face datasets and Prodigy users load:
 * `{id, title, source, published, text, fields, spans: [{start, end, label, label_path, text, note,
 * author, origin, id, attributes, entity_id, entity_name}], relations, meta}` (`label_path`: the
 * label under its parents, `RISK/CYBER`; `id`: the annotation's id here, which a re-import keeps as
 * data, with the author and origin; `entity_id`/`entity_name`: the registry entity a span is linked
 * to, null if none).
 * `attributes` holds the span's typed values (`{}` when none); a reference to another span is that
 * span's index in `spans`. `fields` holds the document fields.
 * `relations: [{head, child, label}]` name spans by their index in `spans` (spaCy/Prodigy style:
 * head → child, e.g. a proposal → the person who proposed it).
 * `meta.offset_unit` says what the offsets count; `text.slice(start, end)` in that unit is `spans[i].text`.
 */
import { defsByLabel, exportedValues } from './attribute-values';
import type { ExportCodec, ExportContext } from './types';
import { labelPaths } from './label-paths';
import { relationsAmong } from './relations';
import { toUnitSpans } from './unit-spans';
import { SCHEMA_FILE_VERSION } from '../domain/schema-file';
import { CANONICAL_NORMALIZATION } from './workbench-json';

export function createJsonlCodec(context: ExportContext): ExportCodec {
  // `authors`: the layers this file holds (null: every author); each span names its own `author`.
  // `schema_version`: the version of the schema (the schema file beside the export) the labels follow.
  const meta = {
    offset_unit: context.unit,
    normalization: CANONICAL_NORMALIZATION,
    authors: context.authors ?? null,
    schema_version: SCHEMA_FILE_VERSION,
  };
  const defs = defsByLabel(context.attributeDefs);
  const paths = labelPaths(context);
  return {
    begin: () => '',
    article(article, annotations, relations) {
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
          label_path: paths.get(annotation.labelKey) ?? annotation.labelKey,
          text: annotation.quote,
          note: annotation.note,
          author: annotation.author,
          origin: annotation.origin,
          id: annotation.id,
          attributes: Object.fromEntries(
            exportedValues(annotation, defs, (id) => indexOf.get(id)).map(([key, value]) => [key, value]),
          ),
          entity_id: context.entities?.entityOf(annotation.id)?.id ?? null,
          entity_name: context.entities?.entityOf(annotation.id)?.name ?? null,
        })),
        relations: relationsAmong(relations, spans).map(({ relation, head, tail }) => ({
          head,
          child: tail,
          label: relation.typeKey,
        })),
        meta,
      };
      return { chunk: `${JSON.stringify(line)}\n`, spansWritten: spans.length, leftOut: invalid, widened: [] };
    },
    end: () => '',
  };
}
