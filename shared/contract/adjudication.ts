import { z } from 'zod';
import { defineCall } from './call';
import { DecisionSchema, DisagreementKeySchema, LayerAuthorSchema } from '../adjudication/changes';
import { AppliedChangesSchema } from '../domain/changes';
import { AnnotationIdSchema, ArticleIdSchema, LabelKeySchema, OffsetSchema } from '../domain/schemas';

/** At most this many articles' counts in one `disagreementCounts` call (a screen of the agreement table). */
export const MAX_COUNTED_ARTICLES = 500;

const Count = z.number().int().nonnegative();

/** The two layers compared: `mine` and `theirs` name the versions of every disagreement. */
const LayersSchema = z.object({ mine: LayerAuthorSchema, theirs: LayerAuthorSchema });

/** One version of a disagreement: a stored span of one layer. */
export const VersionSchema = z.object({
  id: AnnotationIdSchema,
  labelKey: LabelKeySchema,
  start: OffsetSchema,
  end: OffsetSchema,
  quote: z.string(),
});
export type Version = z.infer<typeof VersionSchema>;

export const DisagreementViewSchema = z.object({
  key: DisagreementKeySchema,
  kind: z.enum(['mine', 'theirs', 'both']),
  mine: VersionSchema.nullable(),
  theirs: VersionSchema.nullable(),
  /** The union of the versions, UTF-16 units on the canonical text. */
  start: OffsetSchema,
  end: OffsetSchema,
  /** null while open. */
  decision: DecisionSchema.nullable(),
  /** Text around the union, cut between words: `context.text` starts at `context.start`. */
  context: z.object({ start: OffsetSchema, text: z.string() }),
});
export type DisagreementView = z.infer<typeof DisagreementViewSchema>;

export const DisagreementListSchema = z.object({
  articleId: ArticleIdSchema,
  /** The layers compared; null when the article has fewer than two layers besides gold. */
  mine: LayerAuthorSchema.nullable(),
  theirs: LayerAuthorSchema.nullable(),
  /** The article's layers (every author with spans here, gold included) and their span counts. */
  layers: z.array(z.object({ author: z.string(), spans: Count })),
  /** Disagreements in text order, decided ones included (with their decision). */
  disagreements: z.array(DisagreementViewSchema),
  /** Spans both layers have alike (label and range): not disagreements. */
  agreed: Count,
  remaining: Count,
});
export type DisagreementList = z.infer<typeof DisagreementListSchema>;

/** An edited version: a label and a range; the quote is read from the text. */
export const EditedVersionSchema = z
  .object({ labelKey: LabelKeySchema, start: OffsetSchema, end: OffsetSchema })
  .strict()
  .refine((span) => span.start < span.end, 'an edited version needs start < end');

export const DecideInputSchema = LayersSchema.extend({
  articleId: ArticleIdSchema,
  key: DisagreementKeySchema,
  decision: DecisionSchema,
  /** Required with decision `edited`, refused otherwise. */
  edited: EditedVersionSchema.optional(),
})
  .strict()
  .refine((input) => (input.decision === 'edited') === (input.edited !== undefined), {
    message: 'an edited version is given with decision "edited", and only then',
    path: ['edited'],
  });
export type DecideInput = z.infer<typeof DecideInputSchema>;

export const adjudicationCalls = {
  /** The disagreements between two layers of one article, in text order, with their decisions (issue 15). */
  listDisagreements: defineCall(
    z
      .object({ articleId: ArticleIdSchema, layers: LayersSchema.strict().optional() })
      .strict()
      .describe('without layers: mine is the profile name when it has spans here, theirs the first other author'),
    DisagreementListSchema,
  ),
  /** Decides one disagreement: gold spans and the remembered decision, one undoable set on the article's stack. */
  decideDisagreement: defineCall(DecideInputSchema, AppliedChangesSchema),
  /** Copies the spans both layers have alike into gold (one undoable set); null when gold has them all. */
  acceptAgreed: defineCall(
    LayersSchema.extend({ articleId: ArticleIdSchema }).strict(),
    AppliedChangesSchema.nullable(),
  ),
  /** How many disagreements between two layers each article has, and how many are still open. */
  disagreementCounts: defineCall(
    LayersSchema.extend({ articleIds: z.array(ArticleIdSchema).max(MAX_COUNTED_ARTICLES) }).strict(),
    z.object({ counts: z.array(z.object({ articleId: ArticleIdSchema, total: Count, remaining: Count })) }),
  ),
};
