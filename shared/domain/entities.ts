/**
 * The entity registry: people, bodies and places named across articles, each with a canonical
 * name, a type (a label key: PER, ORG, LOC, …), aliases, an optional external id typed by hand
 * and a note; and links from mention spans to them. Merged entities stay as redirects
 * (`mergedInto`), so a colleague's file that still names the old id lands on the survivor.
 */
import { z } from 'zod';
import { canonicalize } from '../text/canonical';
import { AnnotationIdSchema, ArticleIdSchema, LabelKeySchema } from './schemas';

export const EntityIdSchema = z.number().int().positive();

/** The stored form of a name or alias: canonical text, trimmed, runs of spaces as one. */
export function normalizeEntityName(name: string): string {
  return canonicalize(name).text.replace(/\s+/g, ' ').trim();
}

/** A canonical name or alias: never empty or only whitespace (checked after normalising). */
export const EntityNameSchema = z
  .string()
  .max(300)
  .refine((name) => normalizeEntityName(name).length > 0, 'an entity name cannot be empty or only whitespace');

export const MAX_ALIASES = 200;
export const AliasesSchema = z.array(EntityNameSchema).max(MAX_ALIASES);

/**
 * An id in a knowledge base the app cannot reach (it stays offline), typed by hand: a Wikidata
 * QID ("Q123"), or `scheme:value` for any other base ("viaf:102333412").
 */
export const EXTERNAL_ID_PATTERN = /^(Q[1-9]\d{0,11}|[a-z][a-z0-9-]{1,20}:[^\s]{1,200})$/;
export const ExternalIdSchema = z
  .string()
  .regex(EXTERNAL_ID_PATTERN, 'an external id is a Wikidata QID (Q123) or scheme:value (viaf:102333412)');

export const EntityNoteSchema = z.string().max(10_000);

export const EntitySchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  typeLabelKey: LabelKeySchema,
  /** Other names, without the canonical one, in the order given. */
  aliases: z.array(z.string()),
  externalId: z.string().nullable(),
  note: z.string(),
  /** Set when this entity was merged into another: it is then only a redirect. */
  mergedInto: EntityIdSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entity = z.infer<typeof EntitySchema>;

/** What lists and the reader show of an entity. */
export const EntitySummarySchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  typeLabelKey: LabelKeySchema,
});
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

/** A mention span linked to an entity; the article is the span's. */
export const EntityLinkSchema = z.object({
  annotationId: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  entityId: EntityIdSchema,
});
export type EntityLink = z.infer<typeof EntityLinkSchema>;

export const summaryOf = ({ id, name, typeLabelKey }: EntitySummary): EntitySummary => ({ id, name, typeLabelKey });
