import { z } from 'zod';
import { defineCall } from './call';
import { AnnotationSchema, ArticleIdSchema } from '../domain/schemas';
import { AppliedChangesSchema, HistoryStateSchema } from '../domain/changes';

export { HistoryStateSchema };
export type { HistoryState } from '../domain/changes';

const ArticleRef = z.object({ articleId: ArticleIdSchema }).strict();
/** An article's undo stack, or (null) the corpus-wide one: schema edits and sets over several articles. */
const HistoryScopeRef = z.object({ articleId: ArticleIdSchema.nullable() }).strict();

/** Reads of annotations and the article's history; every write is `applyChanges` (changes.ts). */
export const annotationCalls = {
  listAnnotations: defineCall(ArticleRef, z.array(AnnotationSchema)),
  /** Undoes the scope's newest change set; null when there is nothing to undo. */
  undo: defineCall(HistoryScopeRef, AppliedChangesSchema.nullable()),
  /** Redoes the scope's oldest undone change set; null when there is nothing to redo. */
  redo: defineCall(HistoryScopeRef, AppliedChangesSchema.nullable()),
  getHistoryState: defineCall(HistoryScopeRef, HistoryStateSchema),
};
