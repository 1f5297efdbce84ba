import { z } from 'zod';
import { defineCall } from './call';
import { AnnotationSchema, ArticleIdSchema } from '../domain/schemas';
import { AppliedChangesSchema, HistoryStateSchema } from '../domain/changes';

export { HistoryStateSchema };
export type { HistoryState } from '../domain/changes';

const ArticleRef = z.object({ articleId: ArticleIdSchema }).strict();

/** Reads of annotations and the article's history; every write is `applyChanges` (changes.ts). */
export const annotationCalls = {
  listAnnotations: defineCall(ArticleRef, z.array(AnnotationSchema)),
  /** Undoes the article's newest change set; null when there is nothing to undo. */
  undo: defineCall(ArticleRef, AppliedChangesSchema.nullable()),
  /** Redoes the article's oldest undone change set; null when there is nothing to redo. */
  redo: defineCall(ArticleRef, AppliedChangesSchema.nullable()),
  getHistoryState: defineCall(ArticleRef, HistoryStateSchema),
};
