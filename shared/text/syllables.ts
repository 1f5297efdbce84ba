import { partitionPoint } from '../domain/partition-point';

/**
 * Syllable tokens, selection snapping and sentence ranges on canonical text (NFC, LF, plain
 * spaces). Offsets are UTF-16 code units, `[start, end)`.
 *
 * One tokenizer serves both the editor's selection snapping and the CoNLL export, so a snapped
 * span always starts at a token start and ends at a token end, and maps onto whole BIO tokens.
 *
 * Token rules:
 * - A **word token** is a maximal run of letters, marks and digits (`\p{L}\p{M}\p{N}`), which in
 *   Vietnamese is one syllable, extended across a connector that sits *between* two word
 *   characters:
 *   - `-` `/` `.` `'` `’` anywhere: "36-NQ/TW", "10/1/2023", "A.N", "GS.TS", "TP.HCM";
 *   - `,` `:` only between two digits: "1,5" (Vietnamese decimal comma), "10:30".
 *   A connector with a space or punctuation on either side is a token of its own: "TS." is
 *   "TS" + ".", "(Hà" is "(" + "Hà", "2020 - 2025" is three tokens.
 * - Every other non-space character is a **punctuation or symbol token** of its own, together
 *   with the combining marks and emoji skin-tone modifiers that follow it. Two regional
 *   indicators (a flag such as 🇻🇳) stay one token. (Canonical text has no ZWJ, so joined emoji
 *   sequences do not arise.)
 * - Whitespace separates tokens and never belongs to one.
 *
 * Matching is per code point (regex `u` flag), so a surrogate pair is never split, and a combining
 * mark always stays with the character before it: inside a word it is a word character, after
 * punctuation it is absorbed into the punctuation token.
 */

export interface TextRange {
  start: number;
  end: number;
}

const WORD_TOKEN = String.raw`[\p{L}\p{M}\p{N}]+(?:(?:[\-\/.'’]|(?<=\p{N})[,:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*`;
const OTHER_TOKEN = String.raw`(?:\p{Regional_Indicator}{2}|\S)[\p{M}\p{Emoji_Modifier}]*`;
// The word alternative comes first, so the catch-all `\S` only ever takes a non-word character.
const TOKEN = new RegExp(`${WORD_TOKEN}|${OTHER_TOKEN}`, 'gu');

/**
 * Tokens trimmed off the edges of a selection: punctuation (quotes, brackets, dashes, . , ; : ! ?)
 * and invisible or control characters. Percent signs are punctuation to Unicode but part of a
 * quantity to a reader ("tăng 3,5%"), and symbols (currency, °, emoji) are content, so they stay.
 */
const TRIMMED_AT_EDGES = /^(?![%‰‱])[\p{P}\p{C}]/u;

/** Every word and punctuation/symbol token of `text`, in order; whitespace is skipped. */
export function syllableTokens(text: string): TextRange[] {
  return Array.from(tokensFrom(text, 0));
}

/**
 * Snap a selection to whole tokens: a selection that starts or ends inside a token grows to the
 * whole token, then punctuation and whitespace are trimmed from both ends (internal punctuation
 * stays). Returns null when the selection is empty or holds nothing but whitespace/punctuation.
 * Throws a RangeError when the offsets are not `0 ≤ start ≤ end ≤ text.length` integers.
 * `tokens`, when given, must be `syllableTokens(text)`.
 */
export function snapToSyllables(
  text: string,
  start: number,
  end: number,
  tokens?: readonly TextRange[],
): TextRange | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    throw new RangeError(`selection [${start}, ${end}) is outside the text (length ${text.length})`);
  }
  if (start === end) return null;

  let first: TextRange | undefined;
  let last: TextRange | undefined;
  // Tokens never contain whitespace, so the whitespace before `start` is a token boundary and
  // tokenizing from there finds the same tokens as tokenizing the whole text would. A caller
  // snapping many ranges of one text passes its `syllableTokens` instead (no tokenizing at all).
  const candidates = tokens ? tokensEndingAfter(tokens, start) : tokensFrom(text, wordChunkStart(text, start));
  for (const token of candidates) {
    if (token.start >= end) break;
    if (token.end <= start || TRIMMED_AT_EDGES.test(text.slice(token.start, token.end))) continue;
    first ??= token;
    last = token;
  }
  return first && last ? { start: first.start, end: last.end } : null;
}

const SENTENCE_TERMINATOR = /^[.!?…]$/u;
const CLOSING_QUOTE_OR_BRACKET = /^[”’»"')\]]$/u;
const SENTENCE_OPENER = /^[\p{Lu}“‘«"']/u;
/**
 * Titles and place words written with a period before a name: "TS. Nguyễn", "GS.TS. Lê",
 * "TP. Hồ Chí Minh". Compared upper-cased. Single letters (initials "A. Nguyễn", "Q. 1",
 * "v.v.") are handled by length, not listed.
 */
const ABBREVIATIONS = new Set('TS THS GS PGS BS KS LS CN TP TX TT NXB MR MRS MS DR ST'.split(' '));

/**
 * Sentence ranges for CoNLL blocks. A sentence ends at every newline, and after a run of `.`
 * `!` `?` `…` (plus any closing quotes or brackets glued to it) when whitespace follows and the
 * next token starts with an upper-case letter or an opening quote. A period right after an
 * abbreviation or a single-letter initial does not end a sentence; "1.000", "A.N" and "GS.TS"
 * never do, because their periods sit inside a word token.
 *
 * Ranges are built from `syllableTokens`, so each starts at a token start and ends at a token end
 * (surrounding whitespace excluded); whitespace-only text has no sentences. A caller that has the
 * text's `syllableTokens` already passes them, so the text is not split twice.
 */
export function sentenceRanges(text: string, tokens: readonly TextRange[] = syllableTokens(text)): TextRange[] {
  const sentences: TextRange[] = [];
  let sentenceStart: number | undefined;
  tokens.forEach((token, index) => {
    sentenceStart ??= token.start;
    const next = tokens[index + 1];
    if (next === undefined || endsSentence(text, tokens, index, next)) {
      sentences.push({ start: sentenceStart, end: token.end });
      sentenceStart = undefined;
    }
  });
  return sentences;
}

function endsSentence(text: string, tokens: readonly TextRange[], index: number, next: TextRange): boolean {
  const token = tokens[index] as TextRange;
  const gap = text.slice(token.end, next.start);
  if (gap.includes('\n')) return true;
  if (gap === '' || !SENTENCE_OPENER.test(tokenText(text, next))) return false;

  // Step back over closing quotes/brackets glued to the terminator: «… tốt.” Sau đó».
  let terminatorIndex = index;
  while (CLOSING_QUOTE_OR_BRACKET.test(tokenText(text, tokens[terminatorIndex] as TextRange))) {
    const previous = tokens[terminatorIndex - 1];
    if (previous === undefined || previous.end !== (tokens[terminatorIndex] as TextRange).start) return false;
    terminatorIndex--;
  }
  const terminator = tokens[terminatorIndex] as TextRange;
  const terminatorText = tokenText(text, terminator);
  if (!SENTENCE_TERMINATOR.test(terminatorText)) return false;
  return terminatorText !== '.' || !followsAbbreviation(text, tokens[terminatorIndex - 1], terminator);
}

/** Whether the word glued to the left of a period is an abbreviation or an initial. */
function followsAbbreviation(text: string, previous: TextRange | undefined, period: TextRange): boolean {
  if (previous === undefined || previous.end !== period.start) return false;
  // "GS.TS." is judged by its last part, "TS".
  const lastPart = tokenText(text, previous).split('.').pop() ?? '';
  return /^\p{L}\p{M}*$/u.test(lastPart) || ABBREVIATIONS.has(lastPart.toUpperCase());
}

function* tokensFrom(text: string, from: number): Generator<TextRange> {
  // A private copy: lastIndex is state, and callers may interleave iterations.
  const pattern = new RegExp(TOKEN);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    yield { start: match.index, end: match.index + match[0].length };
  }
}

/** The tokens from the first one ending after `offset` (binary search; tokens are sorted and disjoint). */
function* tokensEndingAfter(tokens: readonly TextRange[], offset: number): Generator<TextRange> {
  const first = partitionPoint(tokens, (token) => token.end <= offset);
  for (let index = first; index < tokens.length; index++) yield tokens[index] as TextRange;
}

/** Start of the run of non-whitespace that contains or ends at `offset`. */
function wordChunkStart(text: string, offset: number): number {
  let chunkStart = offset;
  // Every whitespace character is in the BMP, so testing single code units is exact.
  while (chunkStart > 0 && !/\s/.test(text.charAt(chunkStart - 1))) chunkStart--;
  return chunkStart;
}

function tokenText(text: string, token: TextRange): string {
  return text.slice(token.start, token.end);
}
