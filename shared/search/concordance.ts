/**
 * Keyword in context: every occurrence of a phrase in a canonical text, found on the folded text
 * ("an ninh" finds "An ninh", "an  ninh" and "AN NINH"), with the left and right context cut at
 * character boundaries (a surrogate pair or a letter with its combining marks is never split).
 */
import { foldWithOffsets } from './fold-offsets';
import { parseSearchQuery, wordsOf } from './query';

export interface PhraseQuery {
  /** Folded words, matched as whole words, one after the other. */
  terms: string[];
  /** The words as typed (NFC, lower case) when the query has diacritics: the match must have them. */
  exactPhrase: string[] | null;
}

export function parsePhraseQuery(query: string): PhraseQuery {
  const { terms, exactPhrase } = parseSearchQuery(query);
  return { terms, exactPhrase };
}

export interface Occurrence {
  startU16: number;
  endU16: number;
}

/** Only spaces or tabs between the words of a phrase: a line break ends it, and so does punctuation. */
const PHRASE_GAP = /^[^\S\n]+$/;

/** Occurrences of `query` in `text` (canonical), in text order; none for a query without words. */
export function findOccurrences(text: string, query: PhraseQuery): Occurrence[] {
  const { terms, exactPhrase } = query;
  if (terms.length === 0) return [];
  const folded = foldWithOffsets(text);
  const words = wordsOf(folded.folded);
  const found: Occurrence[] = [];
  for (let at = 0; at + terms.length <= words.length; at++) {
    const matches = terms.every((term, k) => {
      const word = words[at + k]!;
      if (word.word !== term) return false;
      return k === 0 || PHRASE_GAP.test(folded.folded.slice(words[at + k - 1]!.end, word.start));
    });
    if (!matches) continue;
    const first = words[at]!;
    const last = words[at + terms.length - 1]!;
    const { start, end } = folded.toSource(first.start, last.end);
    if (exactPhrase && !hasExactWords(text.slice(start, end), exactPhrase)) continue;
    found.push({ startU16: start, endU16: end });
    at += terms.length - 1;
  }
  return found;
}

function hasExactWords(source: string, exactPhrase: readonly string[]): boolean {
  const words = wordsOf(source.normalize('NFC').toLowerCase()).map((match) => match.word);
  return words.length === exactPhrase.length && words.every((word, k) => word === exactPhrase[k]);
}

/** Characters of context on each side of a concordance line. */
export const CONTEXT_CHARS = 60;

export interface KwicLine {
  left: string;
  match: string;
  right: string;
}

const COMBINING = /^\p{M}/u;

/** Moves `index` back until it is not inside a surrogate pair nor before a combining mark. */
function clusterBoundaryAtOrBefore(text: string, index: number): number {
  let at = index;
  while (at > 0 && at < text.length) {
    const unit = text.charCodeAt(at);
    const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
    if (!isLowSurrogate && !COMBINING.test(text.slice(at, at + 2))) break;
    at--;
  }
  return at;
}

/** Moves `index` forward until it is a cluster boundary. */
function clusterBoundaryAtOrAfter(text: string, index: number): number {
  let at = index;
  while (at > 0 && at < text.length) {
    const unit = text.charCodeAt(at);
    const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
    if (!isLowSurrogate && !COMBINING.test(text.slice(at, at + 2))) break;
    at++;
  }
  return at;
}

/**
 * The line of a concordance: up to `width` characters each side, cut between words where the
 * context has a space, whitespace (line breaks too) shown as one space.
 */
export function kwicLine(text: string, startU16: number, endU16: number, width = CONTEXT_CHARS): KwicLine {
  let leftStart = clusterBoundaryAtOrAfter(text, Math.max(0, startU16 - width));
  let rightEnd = clusterBoundaryAtOrBefore(text, Math.min(text.length, endU16 + width));
  // Whole words at the outer edges: a cut inside a word moves to the nearest space inside the context.
  if (leftStart > 0 && /\S/.test(text[leftStart - 1] ?? '')) {
    const space = text.slice(leftStart, startU16).search(/\s/);
    if (space >= 0) leftStart += space + 1;
  }
  if (rightEnd < text.length && /\S/.test(text[rightEnd] ?? '')) {
    const space = text.slice(endU16, rightEnd).search(/\s\S*$/);
    if (space >= 0) rightEnd = endU16 + space;
  }
  const oneLine = (part: string) => part.replace(/\s+/g, ' ');
  return {
    left: oneLine(text.slice(leftStart, startU16)),
    match: oneLine(text.slice(startU16, endU16)),
    right: oneLine(text.slice(endU16, rightEnd)),
  };
}
