/**
 * FTS5 query strings built only from words (see shared/search/query.ts). Every word is quoted,
 * so operators (AND, OR, NOT, NEAR), column filters and stray quotes are plain text.
 */

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Every term as a word prefix; FTS5 joins space-separated phrases with AND. */
export function allPrefixesQuery(terms: readonly string[]): string {
  return terms.map((term) => `${quote(term)}*`).join(' ');
}

/** The terms as one FTS5 phrase: the same tokens, one after the other. */
export function phraseQuery(terms: readonly string[]): string {
  return quote(terms.join(' '));
}
