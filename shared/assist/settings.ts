import { z } from 'zod';
import { SUGGESTION_SOURCES, type SuggestionSource } from './suggestion';

/** Which suggesters run; every source is on until the analyst switches it off. */
export const AssistSourcesSchema = z
  .object(
    Object.fromEntries(SUGGESTION_SOURCES.map((source) => [source, z.boolean()])) as Record<
      SuggestionSource,
      z.ZodBoolean
    >,
  )
  .strict();
export type AssistSources = z.infer<typeof AssistSourcesSchema>;

export const DEFAULT_ASSIST_SOURCES: AssistSources = { gazetteer: true, learned: true, pattern: true };
