import type { SearchQuery } from '../../../shared/search/query';

/**
 * FTS5 query strings built only from words (see shared/search/query.ts). Every word is quoted,
 * so operators (AND, OR, NOT, NEAR), column filters and stray quotes are plain text.
 */

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * What an article must hold for `query`: every word as a word prefix, and each quoted part as a
 * phrase of whole words (FTS5 joins space-separated parts with AND). A word inside a quoted part
 * is left to the phrase, which already requires it: a prefix term costs FTS5 a merge of every
 * token it could start. A query without words matches nothing.
 */
export function searchMatchQuery(query: SearchQuery): string {
  if (query.terms.length === 0) return '""';
  const quoted = new Set(query.phrases.flat());
  return [
    ...query.terms.filter((term) => !quoted.has(term)).map((term) => `${quote(term)}*`),
    ...query.phrases.map(phraseQuery),
  ].join(' ');
}

/**
 * The words one after the other, each a prefix ("ha noi" → Hà Nội, not "nội bộ … Hà Tĩnh"), and
 * the quoted parts: the articles matching it rank first. Null for one word, where there is no
 * order to honour, and for a query that is one quoted phrase.
 */
export function adjacentQuery(query: SearchQuery): string | null {
  if (query.terms.length <= 1) return null;
  // The whole query in quotes: the phrase the match requires is already the words in order.
  const [only, ...others] = query.phrases;
  if (only && others.length === 0 && only.join(' ') === query.terms.join(' ')) return null;
  return [query.terms.map((term) => `${quote(term)}*`).join(' + '), ...query.phrases.map(phraseQuery)].join(' ');
}

/** The terms as one FTS5 phrase: the same tokens, one after the other. */
export function phraseQuery(terms: readonly string[]): string {
  return quote(terms.join(' '));
}
