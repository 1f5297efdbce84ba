import { z } from 'zod';
import { defineCall } from './call';
import { AnnotationIdSchema, AnnotationSchema, ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';

/** A note is free text; the cap keeps one keystroke from storing a pasted novel. */
const NoteSchema = z.string().max(10_000);

/** What an undo or redo changed, so the renderer repaints only that. */
export const AnnotationChangeSchema = z.object({
  /** Annotations that now exist with these values (re-created or restored). */
  upserted: z.array(AnnotationSchema),
  /** Ids that no longer exist. */
  removed: z.array(AnnotationIdSchema),
  /** A short description of the step, e.g. "Create PER “Lương Tam Quang”". */
  description: z.string(),
});
export type AnnotationChange = z.infer<typeof AnnotationChangeSchema>;

export const HistoryStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoDescription: z.string().nullable(),
  redoDescription: z.string().nullable(),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

export const annotationCalls = {
  listAnnotations: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), z.array(AnnotationSchema)),
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
  undo: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), AnnotationChangeSchema.nullable()),
  redo: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), AnnotationChangeSchema.nullable()),
  getHistoryState: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), HistoryStateSchema),
};
