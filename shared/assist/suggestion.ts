import { z } from 'zod';
import { LabelKeySchema, OffsetSchema } from '../domain/schemas';

/**
 * Where a suggestion comes from. Each source is switched on or off in the assist settings:
 * - `gazetteer`: names shipped as data (ministries, ranks and titles, countries) and added by hand;
 * - `learned`: the analyst's own spans (every stored span's text suggests the same label);
 * - `pattern`: rules written as data (enumerations, cue words, dates, laws).
 */
export const SUGGESTION_SOURCES = ['gazetteer', 'learned', 'pattern'] as const;
export const SuggestionSourceSchema = z.enum(SUGGESTION_SOURCES);
export type SuggestionSource = z.infer<typeof SuggestionSourceSchema>;

/** A proposed span on canonical text, UTF-16 offsets `[start, end)`, never stored as an annotation. */
export const SuggestionSchema = z.object({
  labelKey: LabelKeySchema,
  start: OffsetSchema,
  end: OffsetSchema,
  quote: z.string(),
  source: SuggestionSourceSchema,
  /** What produced it: the pattern's id or the gazetteer entry's text. */
  rule: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** Suggestions in reading order; at one start, the longer first. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || b.end - a.end || a.labelKey.localeCompare(b.labelKey);
}

/** The identity a rejection remembers: the same text under the same label in the same article. */
export const suggestionTextKey = (quote: string): string =>
  quote.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
