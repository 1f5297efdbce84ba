import { splitsSurrogatePair } from '../text/surrogates';
import { englishMessage, type MessageRef } from '../messages/backend-messages';

/**
 * The rules every stored span obeys, checked by the service on each write and by importers:
 * `0 ≤ start < end ≤ text.length` (UTF-16 units) and `quote === text.slice(start, end)`.
 * Returns a reason a person can read, or null when the span is valid.
 */
export function spanProblem(text: string, start: number, end: number, quote: string): string | null {
  const problem = spanProblemRef(text, start, end, quote);
  return problem && englishMessage(problem.key, problem.params);
}

/** `spanProblem` as a catalogue message, for a UI to show in its own language. */
export function spanProblemRef(text: string, start: number, end: number, quote: string): MessageRef | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return { key: 'spanOffsetsNotWhole', params: {} };
  if (start < 0) return { key: 'spanStartBeforeText', params: { start } };
  if (end > text.length) return { key: 'spanEndPastText', params: { end, length: text.length } };
  if (start >= end) return { key: 'spanStartNotBeforeEnd', params: { start, end } };
  const actual = text.slice(start, end);
  if (actual !== quote) {
    return { key: 'spanQuoteMismatch', params: { start, end, expected: preview(actual), got: preview(quote) } };
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { key: 'spanSplitsCharacter', params: {} };
  }
  return null;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
