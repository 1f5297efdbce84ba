import { foldVietnamese } from '../text/fold';

/**
 * What counts as a word, as close as a regular expression gets to SQLite's `unicode61`
 * tokenizer with diacritic removal: letters, digits, private-use characters and non-spacing
 * marks. Everything else (punctuation, symbols, emoji, FTS5 operators' quotes and brackets)
 * separates words, so it can never reach the index as syntax.
 */
const WORD = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;

/** Enough for any real query; beyond it, extra words are ignored rather than slowing every search. */
export const MAX_QUERY_TERMS = 16;

export interface WordMatch {
  word: string;
  start: number;
  end: number;
  /** The word's position among the words of its text: 0, 1, 2… */
  ordinal: number;
}

export function wordsOf(text: string): WordMatch[] {
  return [...text.matchAll(WORD)].map((match, ordinal) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
    ordinal,
  }));
}

export interface SearchQuery {
  /** Folded words, each matched as a word prefix; an article must match all of them. */
  terms: string[];
  /**
   * The words as typed (NFC, lower case) when the query carries tone marks, a vowel diacritic
   * or đ: tone marks are lexical, so articles with this exact phrase rank first. Null otherwise.
   */
  exactPhrase: string[] | null;
  /**
   * The folded words of each quoted part (`"thứ nhất"`, also “curly” quotes): an article must
   * hold them as consecutive whole words. An unmatched quote mark is only a separator.
   */
  phrases: string[][];
}

/** A quoted part of a query: straight or typographic double quotes around it. */
const QUOTED = /["“”„]([^"“”„]*)["“”„]/gu;

/** Any combining mark after NFD (tones, circumflex, breve, horn) or đ, which has no decomposition. */
const DIACRITIC = /[\u0300-\u036f\u0111\u0110]/;

export function parseSearchQuery(query: string): SearchQuery {
  // Order and repeats are kept: they find the query as a phrase for the snippet.
  const terms = wordsOf(foldVietnamese(query))
    .map((match) => match.word)
    .slice(0, MAX_QUERY_TERMS);
  const typed = query.normalize('NFC').toLowerCase();
  const exactWords = wordsOf(typed)
    .map((match) => match.word)
    .slice(0, MAX_QUERY_TERMS);
  const hasDiacritics = DIACRITIC.test(query.normalize('NFD'));
  const phrases = [...query.matchAll(QUOTED)]
    .map((match) => wordsOf(foldVietnamese(match[1] ?? '')).map((word) => word.word))
    .filter((words) => words.length > 0);
  return { terms, exactPhrase: hasDiacritics && exactWords.length > 0 ? exactWords : null, phrases };
}

/** Words of folded `text` that start with one of the terms, in order. */
export function findTermMatches(foldedText: string, terms: readonly string[]): WordMatch[] {
  return wordsOf(foldedText).filter((match) => terms.some((term) => match.word.startsWith(term)));
}

/**
 * Index in `matches` where the terms first occur as a phrase (consecutive words, in query
 * order), so "de xuat" shows "đề xuất" rather than an earlier "đến". 0 when they never do.
 */
export function firstPhraseIndex(matches: readonly WordMatch[], terms: readonly string[]): number {
  const index = matches.findIndex((first, at) =>
    terms.every((term, k) => {
      const match = matches[at + k];
      return match !== undefined && match.ordinal === first.ordinal + k && match.word.startsWith(term);
    }),
  );
  return Math.max(index, 0);
}

/**
 * Whether `text` holds the exact (accented) phrase as consecutive words, ignoring case; the
 * last word may be unfinished ("ĐỀ XU" is in "đề xuất"). `phrase` comes from parseSearchQuery.
 */
export function containsExactPhrase(text: string, phrase: readonly string[]): boolean {
  const words = wordsOf(text.normalize('NFC').toLowerCase()).map((match) => match.word);
  const last = phrase.length - 1;
  return words.some((_, at) =>
    phrase.every((word, k) => {
      const candidate = words[at + k];
      return candidate !== undefined && (k === last ? candidate.startsWith(word) : candidate === word);
    }),
  );
}
