/**
 * Where an article stands in the work. Zod-free, so the library's filters list the statuses
 * without the schemas at start (issue 13); `ArticleStatusSchema` (schemas.ts) is built on it.
 */
export const ARTICLE_STATUSES = ['new', 'in_progress', 'done'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
