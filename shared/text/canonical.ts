/**
 * Canonical article text: the one string every offset in the workbench points into.
 *
 * Rules (DEVELOPERS.md, "Rules of the data"): NFC, LF newlines, exotic spaces become U+0020,
 * zero-width characters and the BOM are removed. The raw text is stored beside it untouched.
 */

/** What canonicalisation changed, so an import report can say it in plain numbers. */
export interface CanonicalChanges {
  /** Code points that were rewritten by NFC composition (e.g. "e" + U+0302 + U+0301 → "ế"). */
  nfcComposedChars: number;
  /** CRLF pairs and lone CRs turned into LF. */
  newlinesNormalised: number;
  /** No-break and other exotic spaces turned into U+0020. */
  spacesNormalised: number;
  /** Zero-width characters, soft hyphens and BOMs removed. */
  invisiblesRemoved: number;
}

export interface CanonicalText {
  text: string;
  changes: CanonicalChanges;
}

// U+00A0 no-break space, U+1680 ogham, U+2000–U+200A typographic spaces, U+202F narrow nbsp,
// U+205F math space, U+3000 ideographic space. Tabs are kept: they are real content.
const EXOTIC_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// U+200B–U+200D zero-width space/joiners, U+2060 word joiner, U+FEFF BOM / ZWNBSP, U+00AD soft hyphen.
const INVISIBLES = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const CR_NEWLINES = /\r\n?/g;
// Line and paragraph separators behave as newlines in browsers but not in Python's splitlines
// consistently; folding them to LF keeps every consumer's line count equal.
const UNICODE_LINE_SEPARATORS = /[\u2028\u2029\u0085]/g;

/**
 * Any character one of the rewrites above touches (of a CRLF, its CR), as one class: most texts
 * have none, and skip them. Twice as fast as the four patterns as alternatives, which the engine
 * tries one after the other at every character.
 */
const REWRITTEN = /[\r\u0085\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/;

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}

/** Canonicalise raw decoded text and report what changed. Idempotent. */
export function canonicalize(raw: string): CanonicalText {
  if (!REWRITTEN.test(raw)) return composedOf(raw, NOTHING_REWRITTEN);
  const invisiblesRemoved = countMatches(raw, INVISIBLES);
  let text = raw.replace(INVISIBLES, '');

  const newlinesNormalised = countMatches(text, CR_NEWLINES) + countMatches(text, UNICODE_LINE_SEPARATORS);
  text = text.replace(CR_NEWLINES, '\n').replace(UNICODE_LINE_SEPARATORS, '\n');

  const spacesNormalised = countMatches(text, EXOTIC_SPACES);
  text = text.replace(EXOTIC_SPACES, ' ');
  return composedOf(text, { newlinesNormalised, spacesNormalised, invisiblesRemoved });
}

const NOTHING_REWRITTEN = { newlinesNormalised: 0, spacesNormalised: 0, invisiblesRemoved: 0 };

/** The last step: NFC, and what it composed. */
function composedOf(text: string, rewritten: Omit<CanonicalChanges, 'nfcComposedChars'>): CanonicalText {
  const composed = text.normalize('NFC');
  const nfcComposedChars = composed === text ? 0 : countCodePoints(text) - countCodePoints(composed);
  return { text: composed, changes: { nfcComposedChars, ...rewritten } };
}

/** True when `text` is already canonical, i.e. canonicalize would return it unchanged. */
export function isCanonical(text: string): boolean {
  return canonicalize(text).text === text;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
