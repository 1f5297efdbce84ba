/**
 * Keyword in context: every occurrence of a phrase in a canonical text, found on the folded text
 * ("an ninh" finds "An ninh", "an  ninh" and "AN NINH"), with the left and right context cut at
 * character boundaries (a surrogate pair or a letter with its combining marks is never split).
 */
import { foldedByTable } from '../text/fold';
import { isLowSurrogate } from '../text/surrogates';
import { foldWithOffsets, type FoldedWithOffsets } from './fold-offsets';
import { parseSearchQuery } from './query';
import { isWordCharacterAt, isWordCharacterBefore, nextWordCharacter, wordsEndAt } from './word-chars';

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

/** What findOccurrences looks for, made once per query. */
interface Matcher {
  /**
   * The folded terms one after the other with only spaces or tabs between them (a line break
   * ends a phrase, and so does punctuation); findOccurrences checks that they are whole words.
   * No Unicode property is in it (see word-chars.ts), so a new query compiles it in microseconds.
   */
  pattern: RegExp;
  /** The accented words with single spaces: what most occurrences are when accents are asked for. */
  exactText: string | null;
}

// Per query object: the concordance passes one for thousands of notes or texts, and joining its
// words for a look-up on each was a tenth of a first notes concordance.
const matchers = new WeakMap<PhraseQuery, Matcher>();

function matcherOf(query: PhraseQuery): Matcher {
  let matcher = matchers.get(query);
  if (!matcher) {
    // Folded terms hold only word characters (wordsOf); escaping keeps the pattern safe all the same.
    const words = query.terms.map((term) => term.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
    matcher = { pattern: new RegExp(words.join('[^\\S\\n]+'), 'g'), exactText: query.exactPhrase?.join(' ') ?? null };
    matchers.set(query, matcher);
  }
  return matcher;
}

/**
 * Whether the words of `source` (as wordsOf splits it, after NFC and lower case) are exactly
 * `exactPhrase` (`exactText`: the same words with single spaces): listing the words of every
 * occurrence took a tenth of a notes concordance. Most occurrences are the words with single
 * spaces, one string comparison: walking them instead made a process's first notes concordance
 * ("nguồn", 5,000 notes) 20–30 ms slower while V8 still interpreted the walk.
 */
function hasExactWords(source: string, exactPhrase: readonly string[], exactText: string): boolean {
  const text = source.normalize('NFC').toLowerCase();
  if (text === exactText) return true;
  const end = wordsEndAt(text, nextWordCharacter(text, 0), exactPhrase);
  return end !== -1 && nextWordCharacter(text, end) === text.length;
}

/** Occurrences of `query` in `text` (canonical), in text order; none for a query without words. */
export function findOccurrences(text: string, query: PhraseQuery): Occurrence[] {
  if (query.terms.length === 0) return [];
  // Most text folds in place (the same offsets on both sides): no map back is made for it, nor a
  // range object per match (the notes concordance folds thousands of short notes per query).
  const inPlace = foldedByTable(text);
  const mapped = inPlace === null ? foldWithOffsets(text) : null;
  const found: Occurrence[] = [];
  eachOccurrence(text, inPlace ?? mapped!.folded, mapped, query, (startU16, endU16) =>
    found.push({ startU16, endU16 }),
  );
  return found;
}

/** An occurrence in one of several texts: the text's index, and the occurrence's offsets in it. */
export interface OccurrenceIn extends Occurrence {
  text: number;
}

/**
 * The occurrences of `query` in each of `texts`, as findOccurrences finds them in each, in one
 * list (by text, then in text order). Texts that all fold in place (most notes) are folded and
 * searched as one text, joined by line breaks, which no occurrence crosses and which are no word
 * characters: the notes concordance made one fold, one decoder call and one search per note,
 * 5,000 of them per query, most of a first call's matching while V8 still interpreted that code.
 */
export function findOccurrencesInEach(texts: readonly string[], query: PhraseQuery): OccurrenceIn[] {
  const found: OccurrenceIn[] = [];
  if (query.terms.length === 0) return found;
  const joined = texts.join('\n');
  const folded = foldedByTable(joined);
  if (folded === null) {
    texts.forEach((text, index) => {
      for (const { startU16, endU16 } of findOccurrences(text, query)) found.push({ text: index, startU16, endU16 });
    });
    return found;
  }
  // Occurrences come in order, so the text holding each is found by walking the texts once.
  let index = 0;
  let start = 0;
  eachOccurrence(joined, folded, null, query, (startU16, endU16) => {
    while (startU16 >= start + texts[index]!.length) start += texts[index++]!.length + 1;
    found.push({ text: index, startU16: startU16 - start, endU16: endU16 - start });
  });
  return found;
}

/**
 * Calls `found` for each occurrence of `query` (with words) in canonical `text`, in order, given
 * its fold (`mapped`: the map back to `text`, null when `folded` has the same offsets).
 */
function eachOccurrence(
  text: string,
  folded: string,
  mapped: FoldedWithOffsets | null,
  query: PhraseQuery,
  found: (startU16: number, endU16: number) => void,
): void {
  const { exactPhrase } = query;
  const { pattern, exactText } = matcherOf(query);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
    const matchEnd = match.index + match[0].length;
    const whole = !isWordCharacterBefore(folded, match.index) && !isWordCharacterAt(folded, matchEnd);
    let start = match.index;
    let end = matchEnd;
    if (mapped) ({ start, end } = mapped.toSource(start, end));
    if (!whole || (exactPhrase && !hasExactWords(text.slice(start, end), exactPhrase, exactText!))) {
      // Not this one; the next word may begin another.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    found(start, end);
  }
}

/** Characters of context on each side of a concordance line. */
export const CONTEXT_CHARS = 60;

export interface KwicLine {
  left: string;
  match: string;
  right: string;
}

const COMBINING = /^\p{M}/u;
/** Whitespace that showing a line on one line changes: any but a plain space, or two in a row. */
const SPACES_TO_JOIN = /[^\S ]|\s\s/;

/** Moves `index` back until it is not inside a surrogate pair nor before a combining mark. */
function clusterBoundaryAtOrBefore(text: string, index: number): number {
  let at = index;
  while (at > 0 && at < text.length) {
    if (!isLowSurrogate(text.charCodeAt(at)) && !COMBINING.test(text.slice(at, at + 2))) break;
    at--;
  }
  return at;
}

/** Moves `index` forward until it is a cluster boundary. */
function clusterBoundaryAtOrAfter(text: string, index: number): number {
  let at = index;
  while (at > 0 && at < text.length) {
    if (!isLowSurrogate(text.charCodeAt(at)) && !COMBINING.test(text.slice(at, at + 2))) break;
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
  // Most lines have only single plain spaces, which the replacement would copy unchanged.
  const oneLine = SPACES_TO_JOIN.test(text.slice(Math.min(leftStart, startU16), Math.max(rightEnd, endU16)))
    ? (part: string) => part.replace(/\s+/g, ' ')
    : (part: string) => part;
  return {
    left: oneLine(text.slice(leftStart, startU16)),
    match: oneLine(text.slice(startU16, endU16)),
    right: oneLine(text.slice(endU16, rightEnd)),
  };
}
