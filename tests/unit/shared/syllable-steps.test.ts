import { describe, expect, it } from 'vitest';
import { stepSpanEdge } from '../../../shared/text/syllable-steps';

const text = 'Thượng tướng Lương Tam Quang, Thứ trưởng Bộ Công an 🇻🇳 nêu rõ.';
const span = (quote: string) => {
  const start = text.indexOf(quote);
  return { start, end: start + quote.length };
};
const quoteOf = (range: { start: number; end: number } | null) => (range ? text.slice(range.start, range.end) : null);

describe('stepSpanEdge', () => {
  it('grows and shrinks the end by whole syllables, skipping punctuation', () => {
    expect(quoteOf(stepSpanEdge(text, span('Lương Tam'), 'end', 1))).toBe('Lương Tam Quang');
    expect(quoteOf(stepSpanEdge(text, span('Lương Tam Quang'), 'end', 1))).toBe('Lương Tam Quang, Thứ');
    expect(quoteOf(stepSpanEdge(text, span('Lương Tam Quang, Thứ'), 'end', -1))).toBe('Lương Tam Quang');
    expect(stepSpanEdge(text, span('Lương'), 'end', -1)).toBeNull();
  });

  it('grows and shrinks the start by whole syllables', () => {
    expect(quoteOf(stepSpanEdge(text, span('Lương Tam Quang'), 'start', -1))).toBe('tướng Lương Tam Quang');
    expect(quoteOf(stepSpanEdge(text, span('Quang, Thứ trưởng'), 'start', 1))).toBe('Thứ trưởng');
    expect(stepSpanEdge(text, span('Thượng'), 'start', -1)).toBeNull();
    expect(stepSpanEdge(text, span('Quang'), 'start', 1)).toBeNull();
  });

  it('steps over emoji without splitting surrogate pairs', () => {
    const grown = stepSpanEdge(text, span('Công an'), 'end', 1);
    expect(quoteOf(grown)).toBe('Công an 🇻🇳');
    expect(quoteOf(stepSpanEdge(text, span('Công an 🇻🇳'), 'end', 1))).toBe('Công an 🇻🇳 nêu');
  });
});
