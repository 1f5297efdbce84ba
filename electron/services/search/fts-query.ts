import type { SearchQuery } from '../../../shared/search/query';

/**
 * FTS5 query strings built only from words (see shared/search/query.ts). Every word is quoted,
 * so operators (AND, OR, NOT, NEAR), column filters and stray quotes are plain text.
 */

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Term `index` of `query` as FTS5 matches it: the word being typed as a word prefix (`"an"*`),
 * any other as a whole word (`"an"`, not "anh"). An exact term costs FTS5 a quarter to a half of
 * a prefix term, which merges every token it could start.
 */
function termQuery(query: SearchQuery, index: number): string {
  const term = quote(query.terms[index] ?? '');
  return query.lastIsPrefix && index === query.terms.length - 1 ? `${term}*` : term;
}

/**
 * What an article must hold for `query`: every word (the last as a prefix while it is typed, see
 * SearchQuery.lastIsPrefix), and each quoted part as a phrase of whole words (FTS5 joins
 * space-separated parts with AND). A word inside a quoted part is left to the phrase, which
 * already requires it whole. A query without words matches nothing.
 */
export function searchMatchQuery(query: SearchQuery): string {
  if (query.terms.length === 0) return '""';
  const quoted = new Set(query.phrases.flat());
  return [
    ...query.terms.flatMap((term, index) => (quoted.has(term) ? [] : [termQuery(query, index)])),
    ...query.phrases.map(phraseQuery),
  ].join(' ');
}

/**
 * The words one after the other, matched as searchMatchQuery matches them ("ha noi" → Hà Nội,
 * not "nội bộ … Hà Tĩnh"), and the quoted parts: the articles matching it rank first. Null for
 * one word, where there is no order to honour, and for a query that is one quoted phrase.
 */
export function adjacentQuery(query: SearchQuery): string | null {
  if (query.terms.length <= 1) return null;
  // The whole query in quotes: the phrase the match requires is already the words in order.
  const [only, ...others] = query.phrases;
  if (only && others.length === 0 && only.join(' ') === query.terms.join(' ')) return null;
  return [query.terms.map((_, index) => termQuery(query, index)).join(' + '), ...query.phrases.map(phraseQuery)].join(
    ' ',
  );
}

/**
 * Every word of the query, matched as searchMatchQuery matches it, quotes ignored: what decides
 * whether a query is broad (RANKED_MATCHES_MAX in shared/search/query.ts). It holds every match
 * (a phrase holds its words) and costs FTS5 less (no word positions are compared). Broadness is a
 * property of the words, so quoting them changes which articles match but not how they are ordered.
 */
export function wordsQuery(query: SearchQuery): string {
  return query.terms.length === 0 ? '""' : query.terms.map((_, index) => termQuery(query, index)).join(' ');
}

/** The terms as one FTS5 phrase: the same tokens, one after the other. */
export function phraseQuery(terms: readonly string[]): string {
  return quote(terms.join(' '));
}
