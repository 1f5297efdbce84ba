import { z } from 'zod';
import { ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';
import { PatternDefinitionSchema, type PatternDefinition } from './patterns';

/**
 * The assist family of changes: what the analyst tells the suggesters. Each is a change set like
 * any edit, so it is undoable: a rejection on the article's stack, names and patterns on the
 * corpus-wide one.
 */
export const AssistRejectChangeSchema = z
  .object({
    kind: z.literal('assist.reject'),
    /** The suggestion as shown; its text (not its place) is what stays rejected in the article. */
    suggestion: z
      .object({
        articleId: ArticleIdSchema,
        labelKey: LabelKeySchema,
        start: OffsetSchema,
        end: OffsetSchema,
        quote: z.string().min(1).max(10_000),
      })
      .strict(),
  })
  .strict();

export const GazetteerNameSchema = z
  .object({
    labelKey: LabelKeySchema,
    text: z.string().trim().min(2, 'a name needs at least two characters').max(300, 'a name is at most 300 characters'),
  })
  .strict();
export type GazetteerName = z.infer<typeof GazetteerNameSchema>;

export const AssistAddNameChangeSchema = z
  .object({ kind: z.literal('assist.addName'), name: GazetteerNameSchema })
  .strict();
export const AssistRemoveNameChangeSchema = z
  .object({ kind: z.literal('assist.removeName'), name: GazetteerNameSchema })
  .strict();
export const AssistPutPatternChangeSchema = z
  .object({ kind: z.literal('assist.putPattern'), pattern: PatternDefinitionSchema })
  .strict();
/** Removes a pattern of the analyst's, or brings a shipped pattern back to its shipped form. */
export const AssistResetPatternChangeSchema = z
  .object({ kind: z.literal('assist.resetPattern'), id: PatternDefinitionSchema.shape.id })
  .strict();

export const ASSIST_CHANGE_SCHEMAS = [
  AssistRejectChangeSchema,
  AssistAddNameChangeSchema,
  AssistRemoveNameChangeSchema,
  AssistPutPatternChangeSchema,
  AssistResetPatternChangeSchema,
] as const;

/** What the assist family stores: one record per rejected text, added name, or pattern override. */
export type AssistRecord =
  | { type: 'rejection'; articleId: number; labelKey: string; textKey: string; quote: string }
  | { type: 'name'; labelKey: string; text: string }
  | { type: 'pattern'; definition: PatternDefinition };

export interface AssistTransition {
  kind: 'assist.reject' | 'assist.addName' | 'assist.removeName' | 'assist.putPattern' | 'assist.resetPattern';
  before: AssistRecord | null;
  after: AssistRecord | null;
}
