import { memoizeString } from '../text/string-memo';
import { sentenceRanges, syllableTokens, type TextRange } from '../text/syllables';

/**
 * How a syllable is compared: lower case, with its letters and its marks apart and the marks
 * sorted, so "hoà" and "hòa" (old and new tone placement) and "Bộ"/"bộ" compare equal, while
 * "Pháp" (France) and "pháp" (law) differ only in case and "Nga" and "ngã" never meet. Plain
 * folding would merge all of these: good for search, too loose for suggestions.
 */
function computeSyllableKey(token: string): string {
  const lower = token.toLowerCase();
  // A printable-ASCII token has no marks to sort: skip the decomposition.
  if (/^[\x20-\x7e]*$/.test(lower)) return lower;
  const decomposed = lower.normalize('NFD');
  const marks = decomposed.match(MARKS);
  return marks ? `${decomposed.replace(MARKS, '')}${marks.sort().join('')}` : decomposed;
}

const MARKS = /\p{M}/gu;

/** A syllable's lookup key (see `computeSyllableKey`), kept for the most frequent syllables. */
export const syllableKey = memoizeString(computeSyllableKey, 50_000);

/**
 * An article's canonical text with what the suggesters derive from it: its syllable tokens,
 * their lookup keys and its sentences, each worked out on first use and then shared. Splitting
 * 400,000 characters into syllables was half of a suggestion request's CPU when both name lists
 * did it, and the patterns' sentences split it a third time (bench/README.md, branch suggest).
 * Everything here is a pure function of `text`, so one kept per text is safe to reuse.
 */
export class ArticleText {
  private tokensMemo: readonly TextRange[] | null = null;
  private keysMemo: readonly string[] | null = null;
  private sentencesMemo: readonly TextRange[] | null = null;

  constructor(readonly text: string) {}

  /** `syllableTokens(text)`. */
  get tokens(): readonly TextRange[] {
    this.tokensMemo ??= syllableTokens(this.text);
    return this.tokensMemo;
  }

  /** Each token's `syllableKey`, index for index. */
  get keys(): readonly string[] {
    this.keysMemo ??= this.tokens.map(({ start, end }) => syllableKey(this.text.slice(start, end)));
    return this.keysMemo;
  }

  /** `sentenceRanges(text)`. */
  get sentences(): readonly TextRange[] {
    this.sentencesMemo ??= sentenceRanges(this.text, this.tokens);
    return this.sentencesMemo;
  }
}
