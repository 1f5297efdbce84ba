import { foldVietnamese } from '../text/fold';
import { isWordCharacterAt, isWordCharacterBefore, wordsEndAt } from './word-chars';

/**
 * What counts as a word, as close as a regular expression gets to SQLite's `unicode61`
 * tokenizer with diacritic removal: letters, digits, private-use characters and non-spacing
 * marks. Everything else (punctuation, symbols, emoji, FTS5 operators' quotes and brackets)
 * separates words, so it can never reach the index as syntax.
 */
const WORD = /[\p{L}\p{N}\p{Co}\p{Mn}]+/gu;

/** Enough for any real query; beyond it, extra words are ignored rather than slowing every search. */
export const MAX_QUERY_TERMS = 16;

/**
 * A text query matching more articles than this is broad: it is not ranked by bm25, whose cost
 * FTS5 pays on every match (about 1 µs each, plus a pass over the whole index per word or phrase
 * for its weight: 80–130 ms for words in most of 100,000 articles, a 50 ms budget). A broad
 * query's results come as a relevance page always does, the articles with the words in a row
 * first, but within each group newest (last imported) first, and the library says so. Such
 * words are in so many articles that bm25 gives them almost no weight anyway (FTS5 clamps the
 * weight of a word in more than half of the articles to ~0).
 */
export const RANKED_MATCHES_MAX = 10_000;

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
  /** Folded words; an article must match all of them (see `lastIsPrefix`). */
  terms: string[];
  /**
   * Whether the last term is the word still being typed, matched as a word prefix ("an n" finds
   * "an ninh"). Every other term matches whole words only: Vietnamese words are syllables, and
   * once the user has typed past "an", "anh" is another word (a prefix term also costs FTS5 a
   * merge of every token it could start). False when the query ends in a quoted part (a phrase
   * is exact) or has more words than MAX_QUERY_TERMS (the user typed past the last term kept).
   */
  lastIsPrefix: boolean;
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
  const words = wordsOf(foldVietnamese(query)).map((match) => match.word);
  const terms = words.slice(0, MAX_QUERY_TERMS);
  const typed = query.normalize('NFC').toLowerCase();
  const exactWords = wordsOf(typed)
    .map((match) => match.word)
    .slice(0, MAX_QUERY_TERMS);
  const hasDiacritics = DIACRITIC.test(query.normalize('NFD'));
  const quotedParts = [...query.matchAll(QUOTED)];
  const phrases = quotedParts
    .map((match) => wordsOf(foldVietnamese(match[1] ?? '')).map((word) => word.word))
    .filter((phrase) => phrase.length > 0);
  const lastQuote = quotedParts.at(-1);
  const afterLastQuote = lastQuote ? query.slice(lastQuote.index + lastQuote[0].length) : query;
  return {
    terms,
    lastIsPrefix: words.length <= MAX_QUERY_TERMS && wordsOf(afterLastQuote).length > 0,
    exactPhrase: hasDiacritics && exactWords.length > 0 ? exactWords : null,
    phrases,
  };
}

/** The terms and how the last one matches: what the index and the snippet need of a query. */
export type TermQuery = Pick<SearchQuery, 'terms' | 'lastIsPrefix'>;

/** Whether folded `word` matches term `index` of `query`: whole, or as a prefix for the word being typed. */
export function matchesTerm(word: string, query: TermQuery, index: number): boolean {
  const term = query.terms[index];
  if (term === undefined) return false;
  return query.lastIsPrefix && index === query.terms.length - 1 ? word.startsWith(term) : word === term;
}

/**
 * Words of folded `text` matching one of the terms (as the index matches them), in order: the
 * words of wordsOf that matchesTerm accepts for some term. Only those are made into objects (a
 * snippet per library row listed every word of the text, a hundred texts per page).
 */
export function findTermMatches(foldedText: string, query: TermQuery): WordMatch[] {
  const last = query.terms.length - 1;
  const prefix = query.lastIsPrefix ? (query.terms[last] ?? null) : null;
  const whole = new Set(prefix === null ? query.terms : query.terms.slice(0, last));
  const found: WordMatch[] = [];
  const words = new RegExp(WORD.source, 'gu');
  let ordinal = 0;
  for (let match = words.exec(foldedText); match !== null; match = words.exec(foldedText), ordinal++) {
    const word = match[0];
    if (whole.has(word) || (prefix !== null && word.startsWith(prefix))) {
      found.push({ word, start: match.index, end: match.index + word.length, ordinal });
    }
  }
  return found;
}

/**
 * Index in `matches` where the terms first occur as a phrase (consecutive words, in query
 * order), so "de xuat" shows "đề xuất" rather than an earlier "đến". 0 when they never do.
 */
export function firstPhraseIndex(matches: readonly WordMatch[], query: TermQuery): number {
  const index = matches.findIndex((first, at) =>
    query.terms.every((_, k) => {
      const match = matches[at + k];
      return match !== undefined && match.ordinal === first.ordinal + k && matchesTerm(match.word, query, k);
    }),
  );
  return Math.max(index, 0);
}

/**
 * Whether a text holds the exact (accented) phrase as consecutive words, ignoring case; the last
 * word may be unfinished when it is the word being typed ("ĐỀ XU" is in "đề xuất"). `phrase`
 * and `lastIsPrefix` come from parseSearchQuery. The words with separators between them and a
 * word boundary at each end, as wordsOf splits a text, found from each place the first word is
 * (word-chars.ts: no regular expression is compiled per query).
 */
export function exactPhraseTest(phrase: readonly string[], lastIsPrefix: boolean): (text: string) => boolean {
  const first = phrase[0];
  // parseSearchQuery gives no empty phrase; an empty first word would be found everywhere.
  if (!first) throw new RangeError('An exact phrase has at least one word.');
  return (text) => {
    const lower = text.normalize('NFC').toLowerCase();
    for (let at = lower.indexOf(first); at !== -1; at = lower.indexOf(first, at + 1)) {
      if (isWordCharacterBefore(lower, at)) continue;
      const end = wordsEndAt(lower, at, phrase);
      if (end !== -1 && (lastIsPrefix || !isWordCharacterAt(lower, end))) return true;
    }
    return false;
  };
}
