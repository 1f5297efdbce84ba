/**
 * Syllable tokens for CoNLL: runs of letters, marks and digits (a Vietnamese syllable, a number,
 * a Latin word), and every other visible character as a token of its own (punctuation, symbols,
 * emoji with their modifiers). Whitespace separates and is never a token. Offsets are UTF-16.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]\p{M}*/gu;

export function syllableTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return tokens;
}

/** Index of the first token that ends after `offset` (tokens.length when none does). */
export function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
