/**
 * Workbench JSON: the lossless format, re-imported by `importWorkbenchExport` (electron/services/import/workbench). Written piecewise
 * (header, then one article per line) so an export of any size streams; read back as one
 * document validated by `WorkbenchExportSchema`.
 */
import { z } from 'zod';
import { OffsetUnitSchema } from '../contract/exports';
import {
  AnnotationIdSchema,
  AnnotationOriginSchema,
  ArticleIdSchema,
  ArticleStatusSchema,
  LabelKeySchema,
  LabelSchema,
  OffsetSchema,
  type Annotation,
} from '../domain/schemas';
import { AuthorSchema } from '../domain/changes';
import {
  AttributeDefSchema,
  AttributeKeySchema,
  AttributeValueSchema,
  AttributeValuesSchema,
  FieldDefSchema,
} from '../domain/attributes';
import { EntityIdSchema, EntityNameSchema, ExternalIdSchema, type Entity } from '../domain/entities';
import { RelationIdSchema, RelationTypeKeySchema, RelationTypeSchema, type Relation } from '../domain/relations';
import { relationsAmong } from './relations';
import type { ExportArticle, ExportCodec, ExportContext } from './types';
import { toUnitSpans, type UnitSpan } from './unit-spans';
import { SCHEMA_FILE_VERSION } from '../domain/schema-file';
import { labelPaths } from './label-paths';

export const WORKBENCH_FORMAT = 'marginalia-workbench';
export const WORKBENCH_FORMAT_VERSION = 1;
/** What the canonical text is: every offset in the file points into it. */
export const CANONICAL_NORMALIZATION = 'NFC, LF';

const WorkbenchAnnotationSchema = z.object({
  id: AnnotationIdSchema,
  label: LabelKeySchema,
  start: OffsetSchema,
  end: OffsetSchema,
  quote: z.string(),
  note: z.string(),
  /** Who made it; absent in files exported before authors were recorded. */
  author: AuthorSchema.default(''),
  origin: AnnotationOriginSchema,
  /** Typed attribute values as stored (a span reference is the referenced annotation's `id`); absent when none. */
  attributes: AttributeValuesSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The entity the span is linked to (an id in the file's `entities`). */
  entityId: EntityIdSchema.optional(),
});
export type WorkbenchAnnotation = z.infer<typeof WorkbenchAnnotationSchema>;

/** A relation between two annotations of the article, named by their ids in this file. */
const WorkbenchRelationSchema = z.object({
  id: RelationIdSchema,
  type: RelationTypeKeySchema,
  head: AnnotationIdSchema,
  tail: AnnotationIdSchema,
  note: z.string(),
  author: AuthorSchema,
  origin: AnnotationOriginSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkbenchRelation = z.infer<typeof WorkbenchRelationSchema>;

const WorkbenchArticleSchema = z.object({
  id: ArticleIdSchema,
  title: z.string().nullable(),
  source: z.string().nullable(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  fileName: z.string().nullable(),
  status: ArticleStatusSchema,
  importedAt: z.string(),
  updatedAt: z.string(),
  /** sha-256 of `text + trimmedText`: what a re-import merges by. */
  contentHash: z.string(),
  text: z.string(),
  trimmedText: z.string().nullable(),
  /** Document field values by field key; absent in files written before fields existed. */
  fields: z.record(AttributeKeySchema, AttributeValueSchema).default({}),
  annotations: z.array(WorkbenchAnnotationSchema),
  /** Absent in files exported before relations existed. */
  relations: z.array(WorkbenchRelationSchema).default([]),
});
export type WorkbenchArticle = z.infer<typeof WorkbenchArticleSchema>;

/** A registry entry as written: every field, so a re-import is lossless (merge redirects too). */
export const WorkbenchEntitySchema = z.object({
  id: EntityIdSchema,
  name: EntityNameSchema,
  type: LabelKeySchema,
  aliases: z.array(EntityNameSchema).default([]),
  externalId: ExternalIdSchema.nullable().default(null),
  note: z.string().default(''),
  /** Set when this entity was merged into another: a redirect to that id in the same file. */
  mergedInto: EntityIdSchema.nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkbenchEntity = z.infer<typeof WorkbenchEntitySchema>;

export const WorkbenchExportSchema = z.object({
  format: z.literal(WORKBENCH_FORMAT),
  version: z.literal(WORKBENCH_FORMAT_VERSION, {
    error: `this file is a workbench export of another version; this Marginalia reads version ${WORKBENCH_FORMAT_VERSION}`,
  }),
  appVersion: z.string(),
  exportedAt: z.string(),
  offset_unit: OffsetUnitSchema,
  normalization: z.literal(CANONICAL_NORMALIZATION),
  /** The layers the file holds (the authors of its spans); null or absent: every author. */
  authors: z.array(AuthorSchema).nullable().default(null),
  /** The label schema's version (schema-file.ts); absent in files written before it. */
  schemaVersion: z.number().int().optional(),
  /** The schema: every label with its `path` (`RISK/CYBER`). */
  labels: z.array(LabelSchema),
  /** The labels' attribute definitions and the document fields; absent in files written before them. */
  attributeDefs: z.array(AttributeDefSchema).default([]),
  fieldDefs: z.array(FieldDefSchema).default([]),
  /** Absent in files written before the entity registry. */
  entities: z.array(WorkbenchEntitySchema).default([]),
  /** Absent in files exported before relations existed. */
  relationTypes: z.array(RelationTypeSchema).default([]),
  articles: z.array(WorkbenchArticleSchema),
});
export type WorkbenchExport = z.infer<typeof WorkbenchExportSchema>;

/** How the import pipeline recognises a workbench export among other `.json` files. */
export function isWorkbenchExport(parsed: unknown): boolean {
  return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === WORKBENCH_FORMAT;
}

export function createWorkbenchJsonCodec(context: ExportContext): ExportCodec {
  let articlesWritten = 0;
  return {
    begin() {
      // Key order is fixed here, so the same data always gives the same bytes.
      const header = {
        format: WORKBENCH_FORMAT,
        version: WORKBENCH_FORMAT_VERSION,
        appVersion: context.appVersion,
        exportedAt: context.exportedAt,
        offset_unit: context.unit,
        normalization: CANONICAL_NORMALIZATION,
        schemaVersion: SCHEMA_FILE_VERSION,
        authors: context.authors ?? null,
      };
      const headerJson = JSON.stringify(header).slice(0, -1);
      // The exported labels in schema order, each with its full path, as a schema file holds them.
      const paths = labelPaths(context);
      const labels = context.labels.map((label) => ({ ...label, path: paths.get(label.key) ?? label.key }));
      const entities = (context.entities?.registry ?? []).map(workbenchEntity);
      return (
        `${headerJson},\n"labels":${JSON.stringify(labels)},\n` +
        `"attributeDefs":${JSON.stringify(context.attributeDefs)},\n"fieldDefs":${JSON.stringify(context.fieldDefs)},\n` +
        `"relationTypes":${JSON.stringify(context.relationTypes)},\n` +
        `"entities":${JSON.stringify(entities)},\n"articles":[`
      );
    },
    article(article, annotations, relations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const separator = articlesWritten === 0 ? '\n' : ',\n';
      articlesWritten++;
      const written = relationsAmong(relations, spans).map(({ relation }) => workbenchRelation(relation));
      return {
        chunk: separator + JSON.stringify({ ...workbenchArticle(article, spans, context), relations: written }),
        spansWritten: spans.length,
        leftOut: invalid,
        widened: [],
      };
    },
    end() {
      return articlesWritten === 0 ? ']}\n' : '\n]}\n';
    },
  };
}

function workbenchArticle(
  article: ExportArticle,
  spans: readonly UnitSpan[],
  context: ExportContext,
): Omit<WorkbenchArticle, 'relations'> {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    byline: article.byline,
    url: article.url,
    publishedAt: article.publishedAt,
    fileName: article.fileName,
    status: article.status,
    importedAt: article.importedAt,
    updatedAt: article.updatedAt,
    contentHash: article.contentHash,
    text: article.text,
    trimmedText: article.trimmedText,
    fields: { ...article.fields },
    annotations: spans.map(({ annotation, start, end }) =>
      workbenchAnnotation(annotation, start, end, context.entities?.entityOf(annotation.id)),
    ),
  };
}

function workbenchRelation(relation: Relation): WorkbenchRelation {
  return {
    id: relation.id,
    type: relation.typeKey,
    head: relation.headId,
    tail: relation.tailId,
    note: relation.note,
    author: relation.author,
    origin: relation.origin,
    createdAt: relation.createdAt,
    updatedAt: relation.updatedAt,
  };
}

function workbenchAnnotation(
  annotation: Annotation,
  start: number,
  end: number,
  entity: Entity | undefined,
): WorkbenchAnnotation {
  return {
    id: annotation.id,
    label: annotation.labelKey,
    start,
    end,
    quote: annotation.quote,
    note: annotation.note,
    author: annotation.author,
    origin: annotation.origin,
    ...(annotation.attributes ? { attributes: annotation.attributes } : {}),
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
    ...(entity ? { entityId: entity.id } : {}),
  };
}

function workbenchEntity(entity: Entity): WorkbenchEntity {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.typeLabelKey,
    aliases: entity.aliases,
    externalId: entity.externalId,
    note: entity.note,
    mergedInto: entity.mergedInto,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
