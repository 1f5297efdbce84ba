import { z } from 'zod';
import { GazetteerNameSchema } from '../assist/changes';
import { PatternDefinitionSchema } from '../assist/patterns';
import { AssistSourcesSchema } from '../assist/settings';
import { SuggestionSchema } from '../assist/suggestion';
import { ArticleIdSchema } from '../domain/schemas';
import { defineCall } from './call';

export const ArticleSuggestionsSchema = z.object({
  articleId: ArticleIdSchema,
  suggestions: z.array(SuggestionSchema),
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
  /** The article's open suggestions, computed now from the sources switched on. */
  getSuggestions: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), ArticleSuggestionsSchema),
  getAssistSettings: defineCall(z.object({}).strict(), AssistSettingsSchema),
  /** Switches sources on or off (a preference, like the profile, not an undoable edit). */
  setAssistSources: defineCall(AssistSourcesSchema.partial().strict(), AssistSourcesSchema),
};

export type ArticleSuggestions = z.infer<typeof ArticleSuggestionsSchema>;
export type AssistSettings = z.infer<typeof AssistSettingsSchema>;
export type PatternListing = z.infer<typeof PatternListingSchema>;
