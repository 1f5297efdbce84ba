import { codePointLengthAt, codePointLengthBefore } from './surrogates';
import { snapToSyllables, type TextRange } from './syllables';

/**
 * Keyboard edge adjustment of a span by whole syllables (tokens, as snapping defines them):
 * Alt+←/→ moves the end, Alt+Shift+←/→ the start. Each step lands on a token boundary and
 * skips the spaces and punctuation between tokens (symbols such as emoji are content, as in snapping), so a stepped span is always a snapped span.
 */
export type SpanEdge = 'start' | 'end';

/** The token holding the character at `offset`, or null for spaces and trimmed punctuation. */
function tokenAt(text: string, offset: number): TextRange | null {
  return snapToSyllables(text, offset, offset + codePointLengthAt(text, offset));
}

/** Whether a span may end or begin on this character: the same rule snapping trims by. */
function isContentAt(text: string, offset: number): boolean {
  return tokenAt(text, offset) !== null;
}

function nextWordFrom(text: string, offset: number, limit: number): number | null {
  let position = offset;
  while (position < limit && !isContentAt(text, position)) position += codePointLengthAt(text, position);
  return position < limit ? position : null;
}

function previousWordBefore(text: string, offset: number, limit: number): number | null {
  let position = offset;
  while (position > limit && !isContentAt(text, position - codePointLengthBefore(text, position))) {
    position -= codePointLengthBefore(text, position);
  }
  return position > limit ? position - codePointLengthBefore(text, position) : null;
}

/**
 * The span with one edge moved by one token, or null when it cannot move (text boundary, or
 * the span would become empty).
 */
export function stepSpanEdge(text: string, span: TextRange, edge: SpanEdge, direction: 1 | -1): TextRange | null {
  if (edge === 'end' && direction === 1) {
    const word = nextWordFrom(text, span.end, text.length);
    const token = word === null ? null : tokenAt(text, word);
    return token ? { start: span.start, end: token.end } : null;
  }
  if (edge === 'end') {
    const last = span.end - codePointLengthBefore(text, span.end);
    const current = tokenAt(text, last);
    const word = previousWordBefore(text, current?.start ?? last, span.start);
    const token = word === null ? null : tokenAt(text, word);
    return token && token.end > span.start ? { start: span.start, end: token.end } : null;
  }
  if (direction === -1) {
    const word = previousWordBefore(text, span.start, 0);
    const token = word === null ? null : tokenAt(text, word);
    return token ? { start: token.start, end: span.end } : null;
  }
  const current = tokenAt(text, span.start);
  const word = nextWordFrom(text, current?.end ?? span.start + 1, span.end);
  const token = word === null ? null : tokenAt(text, word);
  return token && token.start < span.end ? { start: token.start, end: span.end } : null;
}
