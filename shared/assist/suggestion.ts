import { z } from 'zod';
import { LabelKeySchema, OffsetSchema } from '../domain/schemas';
import { partitionPoint } from '../domain/partition-point';
import type { TextRange } from '../text/syllables';

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

/** Earlier sources win when two propose the same range for the same label. */
const SOURCE_PRIORITY: Record<SuggestionSource, number> = { gazetteer: 0, learned: 1, pattern: 2 };

/**
 * Per label, keeps the leftmost-longest of overlapping suggestions (at equal ranges the more
 * deliberate source), and drops any that overlap a `taken` range of its label (a span already there).
 */
export function resolveOverlaps(
  suggestions: readonly Suggestion[],
  taken: readonly { labelKey: string; start: number; end: number }[] = [],
): Suggestion[] {
  const byLabel = new Map<string, Suggestion[]>();
  for (const suggestion of suggestions) {
    const list = byLabel.get(suggestion.labelKey) ?? [];
    list.push(suggestion);
    byLabel.set(suggestion.labelKey, list);
  }
  const kept: Suggestion[] = [];
  for (const [labelKey, list] of byLabel) {
    const overlapsTaken = takenRangeTest(taken.filter((span) => span.labelKey === labelKey));
    // `compareSuggestions` within one label: its label comparison (a collation) would always be 0.
    list.sort((a, b) => a.start - b.start || b.end - a.end || SOURCE_PRIORITY[a.source] - SOURCE_PRIORITY[b.source]);
    let reach = -1;
    for (const suggestion of list) {
      if (suggestion.start < reach) continue;
      if (overlapsTaken(suggestion)) continue;
      kept.push(suggestion);
      reach = suggestion.end;
    }
  }
  return kept.sort(compareSuggestions);
}

/**
 * A test "does this range overlap any of these?" in O(log n): ranges sorted by start with the
 * running maximum of their ends. A range [s, e) overlaps one iff, among those starting before e,
 * the furthest end passes s. (Checking every span per suggestion was 100k × 1k comparisons on a
 * long, densely tagged article.)
 */
function takenRangeTest(ranges: readonly TextRange[]): (range: TextRange) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const furthestEnd: number[] = [];
  for (const [index, range] of sorted.entries()) furthestEnd.push(Math.max(range.end, furthestEnd[index - 1] ?? -1));
  return ({ start, end }) => {
    const startingBeforeEnd = partitionPoint(sorted, (range) => range.start < end);
    return startingBeforeEnd > 0 && (furthestEnd[startingBeforeEnd - 1] as number) > start;
  };
}
