/**
 * The rules every stored span obeys, checked by the service on each write and by importers:
 * `0 ≤ start < end ≤ text.length` (UTF-16 units) and `quote === text.slice(start, end)`.
 * Returns a reason a person can read, or null when the span is valid.
 */
export function spanProblem(text: string, start: number, end: number, quote: string): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'offsets must be whole numbers';
  if (start < 0) return `start ${start} is before the beginning of the text`;
  if (end > text.length) return `end ${end} is past the end of the text (length ${text.length})`;
  if (start >= end) return `start ${start} must be before end ${end}`;
  const actual = text.slice(start, end);
  if (actual !== quote) {
    return `the quote does not match the text at [${start}, ${end}): expected “${preview(actual)}”, got “${preview(quote)}”`;
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return 'the span splits a character in two';
  }
  return null;
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
