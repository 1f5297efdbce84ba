/**
 * JSONL, one article per line, in the shape spaCy, Hugging Face datasets and Prodigy users load:
 * `{id, title, source, published, text, spans: [{start, end, label, label_path, text, author, origin,
 * entity_id, entity_name}], relations, meta}` (`label_path`: the label under its parents, `RISK/CYBER`;
 * `entity_id`/`entity_name`: the registry entity a span is linked to, null if none).
 * `relations: [{head, child, label}]` name spans by their index in `spans` (spaCy/Prodigy style:
 * head → child, e.g. a proposal → the person who proposed it).
 * `meta.offset_unit` says what the offsets count; `text.slice(start, end)` in that unit is `spans[i].text`.
 */
import type { ExportCodec, ExportContext } from './types';
import { labelPaths } from './label-paths';
import { relationsAmong } from './relations';
import { toUnitSpans } from './unit-spans';
import { CANONICAL_NORMALIZATION } from './workbench-json';

export function createJsonlCodec(context: ExportContext): ExportCodec {
  const meta = { offset_unit: context.unit, normalization: CANONICAL_NORMALIZATION };
  const paths = labelPaths(context);
  return {
    begin: () => '',
    article(article, annotations, relations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const line = {
        id: article.id,
        title: article.title,
        source: article.source,
        published: article.publishedAt,
        text: article.text,
        spans: spans.map(({ annotation, start, end }) => ({
          start,
          end,
          label: annotation.labelKey,
          label_path: paths.get(annotation.labelKey) ?? annotation.labelKey,
          text: annotation.quote,
          author: annotation.author,
          origin: annotation.origin,
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
