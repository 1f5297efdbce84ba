import { z } from 'zod';
import { GazetteerNameSchema } from '../assist/changes';
import { PatternDefinitionSchema } from '../assist/patterns';
import { AssistSourcesSchema } from '../assist/settings';
import { SuggestionSchema } from '../assist/suggestion';
import { ArticleIdSchema } from '../domain/schemas';
import { defineCall } from './call';

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

export const PatternListingSchema = z.object({
  definition: PatternDefinitionSchema,
  shipped: z.boolean(),
  edited: z.boolean(),
  problem: z.string().nullable(),
});

export const AssistSettingsSchema = z.object({
  sources: AssistSourcesSchema,
  patterns: z.array(PatternListingSchema),
  addedNames: z.array(GazetteerNameSchema),
  shippedNameCount: z.number().int().nonnegative(),
});

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
};

export type ArticleSuggestions = z.infer<typeof ArticleSuggestionsSchema>;
export type AssistSettings = z.infer<typeof AssistSettingsSchema>;
export type PatternListing = z.infer<typeof PatternListingSchema>;
