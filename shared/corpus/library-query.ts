/**
 * What the library asks the store: one page of articles under a filter and a sort, all done in
 * SQLite (store/library.ts), so the renderer never holds more than the rows on screen.
 *
 * `LIBRARY_FILTERS` is the one registry of filters: each entry is a filter's input schema, and the
 * store has one SQL builder per entry (a missing builder does not compile). Filters combine with
 * AND; the values inside one filter (several statuses, several sources) with OR.
 * A new filter is an entry here and a builder in store/library.ts.
 */
import { z } from 'zod';
import { AttributeKeySchema } from '../domain/attribute-values';
import { EntityIdSchema } from '../domain/entities';
import { ArticleStatusSchema, ArticleSummarySchema, LabelKeySchema } from '../domain/schemas';
import { PARTIAL_DATE_PATTERN } from './partial-date';

/** A year, a month or a day: `2023`, `2023-06`, `2023-06-30`. */
export const PartialDateSchema = z.string().regex(PARTIAL_DATE_PATTERN, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

export const LIBRARY_FILTERS = {
  /** Words of the title or text (accent-insensitive, as searchArticles), or of the source. */
  text: z.string().trim().min(1).max(200),
  status: z.array(ArticleStatusSchema).min(1),
  source: z.array(z.string().max(500)).min(1).max(500),
  /**
   * Publication date within [from, to], both ends included and either may be left open. A
   * partial date stands for its whole period, on both sides: from 2023-03 to 2023 keeps an
   * article of 2023-05-02 and of 2023-03, not one dated only 2023 (it may be January), nor an
   * undated one or one with a day and month but no year.
   */
  published: z
    .object({ from: PartialDateSchema.optional(), to: PartialDateSchema.optional() })
    .strict()
    .refine((range) => range.from !== undefined || range.to !== undefined, 'give a start or an end'),
  /** Articles without a publication year (no date, or a day and month only). */
  undated: z.literal(true),
  /** Has at least one span of every one of these labels. */
  labels: z.array(LabelKeySchema).min(1).max(50),
  /** Has at least one span by one of these authors. */
  authors: z.array(z.string().max(200)).min(1).max(200),
  /**
   * Document field `key` holds `value` (migration 013): an enum field holds that option (one of a
   * list), a boolean or number field equals it, a text field contains it (ignoring ASCII case).
   */
  field: z
    .object({
      key: AttributeKeySchema,
      value: z.union([z.string().trim().min(1).max(200), z.number().finite(), z.boolean()]),
    })
    .strict(),
  /**
   * Has a span of `label` whose attribute `key` holds `value` (migration 013): an enum attribute
   * holds that option (alone or in its list), a boolean, number or date attribute equals it, a
   * text attribute contains it (ignoring ASCII case). The label is matched exactly, since
   * attributes are defined per label.
   */
  attribute: z
    .object({
      label: LabelKeySchema,
      key: AttributeKeySchema,
      value: z.union([z.string().trim().min(1).max(200), z.number().finite(), z.boolean()]),
    })
    .strict(),
  /** Has a span linked to this entity of the registry (migration 014). */
  entity: EntityIdSchema,
} as const;

export type LibraryFilterKind = keyof typeof LIBRARY_FILTERS;
export const LibraryFilterSchema = z.object(LIBRARY_FILTERS).partial().strict();
export type LibraryFilter = z.infer<typeof LibraryFilterSchema>;

export const LIBRARY_SORT_KEYS = [
  'imported',
  'title',
  'source',
  'published',
  'words',
  'annotations',
  'status',
  /** Best full-text match first; only with a `text` filter (otherwise import order). */
  'relevance',
] as const;
export const LibrarySortSchema = z
  .object({ key: z.enum(LIBRARY_SORT_KEYS), direction: z.enum(['ascending', 'descending']) })
  .strict();
export type LibrarySort = z.infer<typeof LibrarySortSchema>;
export type LibrarySortKey = LibrarySort['key'];

/** Rows per request: a screenful or two; the list asks for the pages it scrolls to. */
export const MAX_LIBRARY_PAGE = 500;

export const LibraryPageInputSchema = z
  .object({
    filter: LibraryFilterSchema.default({}),
    sort: LibrarySortSchema.default({ key: 'imported', direction: 'ascending' }),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(MAX_LIBRARY_PAGE).default(100),
  })
  .strict();

export const LibraryRowSchema = ArticleSummarySchema.extend({
  /** With a `text` filter: about 160 characters around the first match, matches marked `[[…]]`. */
  snippet: z.string().nullable(),
});
export type LibraryRow = z.infer<typeof LibraryRowSchema>;

export const LibraryPageSchema = z.object({
  /** Articles matching the filter; `rows` is the slice [offset, offset + limit) of them. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(LibraryRowSchema),
  /**
   * True when the page is by relevance and the words are in more than RANKED_MATCHES_MAX articles
   * (shared/search/query.ts): the articles with the words in a row come first, then the others,
   * each group newest first instead of by bm25. `total` stays exact.
   */
  broad: z.literal(true).optional(),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

/** The values the filter controls offer, with how many articles have each. */
export const LibraryFacetsSchema = z.object({
  sources: z.array(z.object({ source: z.string(), count: z.number().int() })),
  authors: z.array(z.object({ author: z.string(), count: z.number().int() })),
  /** Earliest and latest publication year stored, for the date inputs. */
  years: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
});
export type LibraryFacets = z.infer<typeof LibraryFacetsSchema>;
