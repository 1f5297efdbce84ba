import { cachedCodeUnitTest } from '../text/code-unit-test';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';

/**
 * Words as wordsOf reads them (query.ts), tested one code point at a time. A query's phrase
 * was found by a regular expression built for that query, with this class in lookarounds and
 * between the words: compiling the class's Unicode properties cost 3–10 ms for each new query
 * (an accented search, each concordance), more than running it. The phrase matchers here use
 * `indexOf`, `startsWith` and these tests, whose verdicts are kept per code unit.
 */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{Co}\p{Mn}]$/u;
// A lone surrogate is no word character, as for the `u` regular expressions.
const isBmpWordCharacter = cachedCodeUnitTest(WORD_CHARACTER);

/** Whether the code point starting at `index` is a word character (false at the end). */
export function isWordCharacterAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  return isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))
    ? WORD_CHARACTER.test(text.slice(index, index + 2))
    : isBmpWordCharacter(code);
}

/** Whether the code point ending at `index` is a word character (false at the start). */
export function isWordCharacterBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  return isLowSurrogate(code) && index >= 2 && isHighSurrogate(text.charCodeAt(index - 2))
    ? WORD_CHARACTER.test(text.slice(index - 2, index))
    : isBmpWordCharacter(code);
}

/** The first index at or after `from` where a word character starts; the text's length if none does. */
export function nextWordCharacter(text: string, from: number): number {
  let index = from;
  // One unit at a time: the low half of a pair alone is no word character.
  while (index < text.length && !isWordCharacterAt(text, index)) index++;
  return index;
}

/**
 * Where `words` end when they start at `start` of `text`, one after the other with at least one
 * non-word character between each two (what a regular expression `w1[^W]+w2…` matches there);
 * -1 when they do not. Words hold only word characters, so each separator is the whole run of
 * non-word characters after a word. Nothing is checked before the first word or after the last.
 */
export function wordsEndAt(text: string, start: number, words: readonly string[]): number {
  let at = start;
  for (const [index, word] of words.entries()) {
    if (index > 0) {
      const next = nextWordCharacter(text, at);
      if (next === at) return -1;
      at = next;
    }
    if (!text.startsWith(word, at)) return -1;
    at += word.length;
  }
  return at;
}
