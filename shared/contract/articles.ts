import { z } from 'zod';
import { defineCall } from './call';
import {
  ArticleIdSchema,
  ArticleMetadataPatchSchema,
  ArticleSchema,
  ArticleStatusSchema,
  ArticleSummarySchema,
  LabelSchema,
} from '../domain/schemas';

export const AppInfoSchema = z.object({
  appVersion: z.string(),
  /** Which shell serves the contract: the Electron app or the browser host. */
  host: z.enum(['electron', 'browser']),
  databasePath: z.string(),
  /** Whether pick*Path calls open native dialogs (Electron) or are unsupported (browser). */
  nativeDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const Empty = z.object({}).strict();

/** One article found by searchArticles. */
export const SearchHitSchema = z.object({
  articleId: ArticleIdSchema,
  displayTitle: z.string(),
  /** About 160 characters of the canonical text around the first match, matches marked `[[…]]`. */
  snippet: z.string(),
  /** Words matching a query term, in the title and the text. */
  matchCount: z.number().int().nonnegative(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const articleCalls = {
  getAppInfo: defineCall(Empty, AppInfoSchema),
  listArticles: defineCall(Empty, z.array(ArticleSummarySchema)),
  getArticle: defineCall(z.object({ id: ArticleIdSchema }).strict(), ArticleSchema),
  /** Metadata and counts without the text: cheap to refresh after every annotation write. */
  getArticleSummary: defineCall(z.object({ id: ArticleIdSchema }).strict(), ArticleSummarySchema),
  setArticleStatus: defineCall(
    z.object({ id: ArticleIdSchema, status: ArticleStatusSchema }).strict(),
    ArticleSummarySchema,
  ),
  updateArticleMetadata: defineCall(
    z.object({ id: ArticleIdSchema, patch: ArticleMetadataPatchSchema.strict() }).strict(),
    ArticleSchema,
  ),
  listLabels: defineCall(Empty, z.array(LabelSchema)),
  /**
   * Accent-insensitive search of titles and texts: every word must match as a word prefix
   * ("de xuat" and "đề xu" both find "đề xuất"); with diacritics, exact phrase matches first.
   */
  searchArticles: defineCall(z.object({ query: z.string().max(200) }).strict(), z.array(SearchHitSchema)),
};
