import { z } from 'zod';
import { defineCall } from './call';
import { EntityIdSchema, EntitySchema, EntitySummarySchema } from '../domain/entities';
import { AnnotationIdSchema, ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';

/** An entity as lists and the typeahead show it. */
export const EntityListItemSchema = EntitySummarySchema.extend({
  aliases: z.array(z.string()),
  externalId: z.string().nullable(),
  mentionCount: z.number().int().nonnegative(),
});
export type EntityListItem = z.infer<typeof EntityListItemSchema>;

/** A mention in keyword-in-context form: the quote with the text before and after it. */
export const EntityMentionSchema = z.object({
  annotationId: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  articleTitle: z.string(),
  publishedAt: z.string().nullable(),
  source: z.string().nullable(),
  labelKey: LabelKeySchema,
  start: OffsetSchema,
  end: OffsetSchema,
  quote: z.string(),
  before: z.string(),
  after: z.string(),
});
export type EntityMention = z.infer<typeof EntityMentionSchema>;

/** A span at the other end of a relation with one of the entity's mentions. */
export const EntityRelatedSpanSchema = z.object({
  relationType: z.string(),
  annotationId: AnnotationIdSchema,
  labelKey: LabelKeySchema,
  quote: z.string(),
  articleId: ArticleIdSchema,
  articleTitle: z.string(),
  publishedAt: z.string().nullable(),
});
export type EntityRelatedSpan = z.infer<typeof EntityRelatedSpanSchema>;

export const EntityPageSchema = z.object({
  entity: EntitySchema,
  /** Entities merged into this one (their names are among its aliases). */
  mergedFrom: z.array(EntitySummarySchema),
  mentions: z.array(EntityMentionSchema),
  /** True when there were more mentions than the page lists. */
  mentionsTruncated: z.boolean(),
  /** Titles held (`holds_title` relations from its mentions), oldest article first. */
  titles: z.array(EntityRelatedSpanSchema),
  coOccurring: z.array(
    z.object({ entity: EntitySummarySchema, articles: z.number().int(), mentions: z.number().int() }),
  ),
  /** Proposals and risks its mentions are related to, oldest article first. */
  related: z.array(EntityRelatedSpanSchema),
});
export type EntityPage = z.infer<typeof EntityPageSchema>;

export const LinkSuggestionSchema = z.object({ annotationId: AnnotationIdSchema, entity: EntitySummarySchema });
export type LinkSuggestion = z.infer<typeof LinkSuggestionSchema>;

/** Reads of the entity registry; every write (create, edit, merge, split, link) is `applyChanges`. */
export const entityCalls = {
  /**
   * Live entities whose name or an alias matches every word of `query` as a word prefix, folded
   * the way the library search folds ("to lam" finds "Tô Lâm"); all of them for an empty query.
   */
  listEntities: defineCall(
    z
      .object({
        query: z.string().max(200).default(''),
        typeLabelKey: LabelKeySchema.optional(),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    z.array(EntityListItemSchema),
  ),
  /** The entity page; a merged entity's id opens the entity it was merged into. */
  getEntityPage: defineCall(z.object({ id: EntityIdSchema }).strict(), EntityPageSchema),
  /**
   * Unlinked spans of the article whose folded text equals the name or an alias of a known entity
   * of the span's type: offered to the user, never linked without a confirmation.
   */
  getLinkSuggestions: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), z.array(LinkSuggestionSchema)),
};
