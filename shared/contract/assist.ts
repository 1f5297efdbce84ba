import { z } from 'zod';
import { GazetteerNameSchema } from '../assist/changes';
import { PatternDefinitionSchema } from '../assist/patterns';
import { AssistSourcesSchema } from '../assist/settings';
import { SuggestionSchema } from '../assist/suggestion';
import { LibraryFilterSchema } from '../corpus/library-query';
import { ArticleIdSchema } from '../domain/schemas';
import { defineCall } from './call';
import { MessageRefSchema } from './errors';
import { JobRevisionSchema, JobStateSchema } from './imports';

/**
 * Most suggestions one answer lists, in reading order (as INCEpTION caps its recommendations): a
 * long, densely tagged article can have 100,000, more than anyone reviews at once and 16 MB on
 * the wire. The rest follow as the listed ones are accepted or rejected.
 */
export const SUGGESTIONS_LISTED_MAX = 1000;

export const ArticleSuggestionsSchema = z.object({
  articleId: ArticleIdSchema,
  /** The first `SUGGESTIONS_LISTED_MAX` open suggestions, in reading order. */
  suggestions: z.array(SuggestionSchema).max(SUGGESTIONS_LISTED_MAX),
  /** How many are open in all, listed or not. */
  total: z.number().int().nonnegative(),
  stoppedPatterns: z.array(z.string()),
});

/** A pattern as the settings panel lists it. */
export const PatternListingSchema = z.object({
  definition: PatternDefinitionSchema,
  /** Shipped with the app (it can be edited, switched off and reset, not deleted). */
  shipped: z.boolean(),
  /** Edited here (a shipped pattern no longer in its shipped form, or the analyst's own). */
  edited: z.boolean(),
  /**
   * Why it cannot run (only possible for data written by an older version), in English; null when
   * it compiles. `problemRef` is the same by catalogue key.
   */
  problem: z.string().nullable(),
  problemRef: MessageRefSchema.nullable(),
});

export const AssistSettingsSchema = z.object({
  sources: AssistSourcesSchema,
  patterns: z.array(PatternListingSchema),
  addedNames: z.array(GazetteerNameSchema),
  shippedNameCount: z.number().int().nonnegative(),
});

/** Which articles a pre-annotation job runs over: all, the ticked ones, or those under a library filter. */
export const PreannotationScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('articles'), articleIds: z.array(ArticleIdSchema).min(1) }).strict(),
  z.object({ kind: z.literal('filter'), filter: LibraryFilterSchema }).strict(),
]);
export type PreannotationScope = z.infer<typeof PreannotationScopeSchema>;

/** Articles a finished pre-annotation lists for review, those with the most suggestions first. */
export const PREANNOTATION_LISTED_ARTICLES = 20;

/**
 * A pre-annotation job: the suggesters run over many articles and their suggestions are stored
 * for review (never applied). Progress events carry the whole job (it has no growing lists).
 */
export const PreannotationJobSchema = z.object({
  jobId: z.string(),
  state: JobStateSchema,
  articlesTotal: z.number().int().nonnegative(),
  articlesDone: z.number().int().nonnegative(),
  suggestionsStored: z.number().int().nonnegative(),
  articlesWithSuggestions: z.number().int().nonnegative(),
  /** Up to PREANNOTATION_LISTED_ARTICLES articles to review, most suggestions first. */
  mostSuggested: z.array(
    z.object({ articleId: ArticleIdSchema, title: z.string(), count: z.number().int().nonnegative() }),
  ),
  error: z.string().nullable(),
  revision: JobRevisionSchema,
});
export type PreannotationJob = z.infer<typeof PreannotationJobSchema>;

const PreannotationJobRef = z.object({ jobId: z.string().min(1).max(100) }).strict();

/**
 * Assisted annotation. Reads only: accepting a suggestion is `applyChanges` with
 * `annotation.create` and origin `model`; rejecting one, and editing names and patterns, are
 * `assist.*` changes, so each is undoable.
 */
export const assistCalls = {
  /** The article's open suggestions (the first ones; see `SUGGESTIONS_LISTED_MAX`), computed now from the sources switched on. */
  getSuggestions: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), ArticleSuggestionsSchema),
  getAssistSettings: defineCall(z.object({}).strict(), AssistSettingsSchema),
  /** Switches sources on or off (a preference, like the profile, not an undoable edit). */
  setAssistSources: defineCall(AssistSourcesSchema.partial().strict(), AssistSourcesSchema),
  /**
   * Runs the suggesters over the scope's articles as a background job; each article's open
   * suggestions replace those a previous run stored for it. Progress is the `jobProgress` event.
   */
  startPreannotation: defineCall(
    z.object({ scope: PreannotationScopeSchema }).strict(),
    z.object({ jobId: z.string() }),
  ),
  getPreannotationJob: defineCall(PreannotationJobRef, PreannotationJobSchema),
  cancelPreannotation: defineCall(PreannotationJobRef, PreannotationJobSchema),
};

export type ArticleSuggestions = z.infer<typeof ArticleSuggestionsSchema>;
export type AssistSettings = z.infer<typeof AssistSettingsSchema>;
export type PatternListing = z.infer<typeof PatternListingSchema>;
