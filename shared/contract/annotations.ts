import { z } from 'zod';
import { defineCall } from './call';
import { AnnotationIdSchema, AnnotationSchema, ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';
import { AppliedChangesSchema, HistoryStateSchema, NoteSchema, type AppliedChanges } from '../domain/changes';

export { HistoryStateSchema };
export type { HistoryState } from '../domain/changes';

/**
 * What the renderer's undo/redo reads of an AppliedChanges (upserted, removed, description).
 * Goes away with the one-call wrappers below once the reader writes through applyChanges.
 */
export type AnnotationChange = AppliedChanges;

const ArticleRef = z.object({ articleId: ArticleIdSchema }).strict();

export const annotationCalls = {
  listAnnotations: defineCall(ArticleRef, z.array(AnnotationSchema)),
  // The three one-change calls are wrappers over applyChanges, kept until the reader uses it.
  createAnnotation: defineCall(
    z
      .object({
        articleId: ArticleIdSchema,
        labelKey: LabelKeySchema,
        start: OffsetSchema,
        end: OffsetSchema,
        quote: z.string(),
        note: NoteSchema.optional(),
      })
      .strict(),
    AnnotationSchema,
  ),
  updateAnnotation: defineCall(
    z
      .object({
        id: AnnotationIdSchema,
        labelKey: LabelKeySchema.optional(),
        start: OffsetSchema.optional(),
        end: OffsetSchema.optional(),
        /** Required whenever start or end change: the service checks it against the text. */
        quote: z.string().optional(),
        note: NoteSchema.optional(),
      })
      .strict(),
    AnnotationSchema,
  ),
  deleteAnnotation: defineCall(z.object({ id: AnnotationIdSchema }).strict(), z.object({ id: AnnotationIdSchema })),
  /** Undoes the article's newest change set; null when there is nothing to undo. */
  undo: defineCall(ArticleRef, AppliedChangesSchema.nullable()),
  /** Redoes the article's oldest undone change set; null when there is nothing to redo. */
  redo: defineCall(ArticleRef, AppliedChangesSchema.nullable()),
  getHistoryState: defineCall(ArticleRef, HistoryStateSchema),
};
