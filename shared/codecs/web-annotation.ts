/**
 * W3C Web Annotation (JSON-LD): one AnnotationCollection whose single page holds an Annotation
 * per span. Each target names its article (`urn:marginalia:article:<id>`) and selects the span
 * twice: a TextQuoteSelector (exact + 32 code points of prefix and suffix), which survives edits
 * of the text elsewhere, and a TextPositionSelector in the export's unit. The model leaves the
 * unit of "character positions" open (w3c/web-annotation#206), so the collection states it under
 * the absolute IRI key OFFSET_UNIT_PROPERTY, which JSON-LD processors keep.
 * A span linked to a registry entity gets a linking body (purpose `identifying`): a SpecificResource
 * whose source is the entity (`urn:marginalia:entity:<id>`, with its name as label), and one for
 * its external id (a QID as its Wikidata IRI) when it has one.
 * A relation is an Annotation with motivation `linking`: its target is the head span's annotation,
 * its bodies the tail span's annotation and a TextualBody naming the type (purpose `tagging`).
 *
 * Attribute values are extra bodies, each naming its attribute under ATTRIBUTE_PROPERTY: a
 * TextualBody per value (`classifying` for enum, boolean, number and date values, `describing`
 * for free text), and for a reference to another span a body that is that annotation's IRI
 * (`linking`). Document fields have no place in this model and are not written.
 */
import type { AttributeDef } from '../domain/attributes';
import type { Relation } from '../domain/relations';
import type { Annotation } from '../domain/schemas';
import { defsByLabel, exportedValues } from './attribute-values';
import { entityIri, externalIri, type ExportEntities } from './entities';
import { relationsAmong } from './relations';
import { textAfter, textBefore } from './text-context';
import type { ExportArticle, ExportCodec, ExportContext } from './types';
import { toUnitSpans } from './unit-spans';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const OFFSET_UNIT_PROPERTY = 'urn:marginalia:offset-unit';
export const ATTRIBUTE_PROPERTY = 'urn:marginalia:attribute';
/** Code points of context in TextQuoteSelector prefix and suffix. */
const QUOTE_CONTEXT_POINTS = 32;

export const articleIri = (articleId: number): string => `urn:marginalia:article:${articleId}`;
export const annotationIri = (annotationId: number): string => `urn:marginalia:annotation:${annotationId}`;

export function createWebAnnotationCodec(context: ExportContext): ExportCodec {
  let itemsWritten = 0;
  const defs = defsByLabel(context.attributeDefs);
  return {
    begin() {
      const header = JSON.stringify({
        '@context': WEB_ANNOTATION_CONTEXT,
        type: 'AnnotationCollection',
        label: 'Marginalia annotations',
        generated: context.exportedAt,
        generator: { type: 'Software', name: `Marginalia ${context.appVersion}` },
        [OFFSET_UNIT_PROPERTY]: context.unit,
      });
      return `${header.slice(0, -1)},\n"first":{"type":"AnnotationPage","startIndex":0,"items":[`;
    },
    article(article, annotations, relations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const items = [
        ...spans.map(({ annotation, start, end }) =>
          JSON.stringify(webAnnotation(article, annotation, start, end, defs, context.entities)),
        ),
        ...relationsAmong(relations, spans).map(({ relation }) => JSON.stringify(linkingAnnotation(relation))),
      ];
      const separator = itemsWritten === 0 ? '\n' : ',\n';
      itemsWritten += items.length;
      return {
        chunk: items.length > 0 ? separator + items.join(',\n') : '',
        spansWritten: spans.length,
        leftOut: invalid,
        widened: [],
      };
    },
    end: () => (itemsWritten === 0 ? ']}}\n' : '\n]}}\n'),
  };
}

function linkingAnnotation(relation: Relation) {
  const body: Record<string, string>[] = [
    { id: annotationIri(relation.tailId) },
    { type: 'TextualBody', purpose: 'tagging', value: relation.typeKey },
  ];
  if (relation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: relation.note });
  return {
    id: `urn:marginalia:relation:${relation.id}`,
    type: 'Annotation',
    motivation: 'linking',
    created: relation.createdAt,
    modified: relation.updatedAt,
    body,
    target: annotationIri(relation.headId),
  };
}

function webAnnotation(
  article: ExportArticle,
  annotation: Annotation,
  start: number,
  end: number,
  defs: ReadonlyMap<string, ReadonlyMap<string, AttributeDef>>,
  entities: ExportEntities | undefined,
) {
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: annotation.labelKey }];
  if (annotation.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note });
  for (const [key, value, def] of exportedValues(annotation, defs, annotationIri)) {
    if (def?.spec.type === 'span') {
      body.push({ id: value as string, purpose: 'linking', [ATTRIBUTE_PROPERTY]: key });
      continue;
    }
    const purpose = def?.spec.type === 'text' ? 'describing' : 'classifying';
    for (const one of Array.isArray(value) ? value : [value]) {
      body.push({ type: 'TextualBody', purpose, value: String(one), [ATTRIBUTE_PROPERTY]: key });
    }
  }
  const entity = entities?.entityOf(annotation.id);
  if (entity) {
    body.push({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: { id: entityIri(entity.id), label: entity.name },
    });
    if (entity.externalId)
      body.push({ type: 'SpecificResource', purpose: 'identifying', source: externalIri(entity.externalId) });
  }
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    body,
    target: {
      source: articleIri(article.id),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: annotation.quote,
          prefix: textBefore(article.text, annotation.start, QUOTE_CONTEXT_POINTS),
          suffix: textAfter(article.text, annotation.end, QUOTE_CONTEXT_POINTS),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}
