import { z } from 'zod';
import { ArticleIdSchema } from '../domain/schemas';

/** The author of the adjudicated layer: decisions write their spans under this name. */
export const GOLD_AUTHOR = 'gold';

/**
 * What an adjudicator chose for one disagreement: one version, both, an edited version, or
 * neither. The gold spans of the choice are `annotation.create`s in the same set as the
 * `adjudication.decide` that remembers it (a "reject both" writes no span, so only the record
 * says it was decided).
 */
export const DECISIONS = ['mine', 'theirs', 'both', 'edited', 'rejected'] as const;
export const DecisionSchema = z.enum(DECISIONS);
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A layer is named by its author (the `author` column). Not domain/changes' AuthorSchema, which
 * that module builds from this one's schemas (and '' there means an unknown author, no layer).
 */
export const LayerAuthorSchema = z.string().min(1).max(200);

/** A disagreement's key (shared/agreement/layer-diff.ts `disagreementKey`). */
export const DisagreementKeySchema = z.string().min(1).max(1000);

export const AdjudicationDecideChangeSchema = z
  .object({
    kind: z.literal('adjudication.decide'),
    decision: z
      .object({
        articleId: ArticleIdSchema,
        /** The two layers compared, in the order the key names their versions. */
        mine: LayerAuthorSchema,
        theirs: LayerAuthorSchema,
        key: DisagreementKeySchema,
        decision: DecisionSchema,
      })
      .strict(),
  })
  .strict();

export const ADJUDICATION_CHANGE_SCHEMAS = [AdjudicationDecideChangeSchema] as const;

/** One remembered decision, as stored (migration 018). */
export type AdjudicationRecord = z.infer<typeof AdjudicationDecideChangeSchema>['decision'];

export interface AdjudicationTransition {
  kind: 'adjudication.decide';
  before: AdjudicationRecord | null;
  after: AdjudicationRecord | null;
}
