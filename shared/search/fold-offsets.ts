import { cachedCodeUnitTest } from '../text/code-unit-test';
import { foldedByTable, foldVietnamese } from '../text/fold';
import { memoizeString } from '../text/string-memo';
import { codePointLengthAt, isHighSurrogate } from '../text/surrogates';

/** Folded text that still knows where each of its UTF-16 units came from in the source. */
export interface FoldedWithOffsets {
  folded: string;
  /** The source range `[start, end)` that produced the folded range `[start, end)` (non-empty). */
  toSource(start: number, end: number): { start: number; end: number };
}

// Canonical text repeats a few hundred distinct clusters; folding each once keeps search fast.
const foldCluster = memoizeString(foldVietnamese, 20_000);

const MARK = /^\p{M}/u;
// One verdict per BMP code unit: the regular expression ran for every Vietnamese letter (all
// above U+0300) of every text a snippet or a concordance folded.
const isBmpMark = cachedCodeUnitTest(/^\p{M}$/u);
/** No combining mark lies below U+0300, so most characters skip every test. */
function isMarkAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x300) return false;
  return isHighSurrogate(code) ? MARK.test(text.slice(index, index + 2)) : isBmpMark(code);
}

/** End of the cluster starting at `start`: one code point and the combining marks after it. */
function clusterEnd(text: string, start: number): number {
  let end = start + codePointLengthAt(text, start);
  while (end < text.length && isMarkAt(text, end)) end += codePointLengthAt(text, end);
  return end;
}

/** Folds of single code units (most clusters), by code: no string is cut or looked up for them. */
const unitFolds: (string | undefined)[] = [];

/**
 * `foldVietnamese`, but with a map back to the source, because folding changes lengths:
 * NFD input shrinks ("e" + U+0302 + U+0301 → "e"), and letters excluded from composition grow
 * (U+0958 → क + U+093C).
 * Equal to `foldVietnamese(text)` except where case or composition depends on neighbouring
 * clusters (Greek final sigma, conjoining Hangul jamo); there a snippet may miss a mark, while
 * which articles match is still decided by the index.
 */
export function foldWithOffsets(text: string): FoldedWithOffsets {
  // Most canonical text (Vietnamese letters, punctuation) folds unit for unit in place: the
  // offsets are the same on both sides, and no map is built (the notes concordance folds
  // thousands of notes per query, a text concordance thousands of articles).
  const inPlace = foldedByTable(text);
  return inPlace === null ? foldByClusters(text) : { folded: inPlace, toSource: sameRange(text.length) };
}

/** toSource of a fold that kept every offset: the range itself, within `[0, length)`. */
function sameRange(length: number): FoldedWithOffsets['toSource'] {
  return (start, end) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || end <= start)
      throw new RangeError(`[${start}, ${end}) is not a non-empty range of the folded text`);
    return { start, end };
  };
}

function foldByClusters(text: string): FoldedWithOffsets {
  const pieces: string[] = [];
  // For each folded unit, the source range of the cluster it came from. Folding never moves
  // text across cluster boundaries, so each cluster folds on its own.
  const sourceStarts: number[] = [];
  const sourceEnds: number[] = [];
  for (let start = 0; start < text.length;) {
    const end = clusterEnd(text, start);
    let folded: string;
    if (end === start + 1) {
      const code = text.charCodeAt(start);
      folded = unitFolds[code] ??= foldVietnamese(String.fromCharCode(code));
    } else folded = foldCluster(text.slice(start, end));
    pieces.push(folded);
    for (let i = 0; i < folded.length; i++) {
      sourceStarts.push(start);
      sourceEnds.push(end);
    }
    start = end;
  }
  return {
    folded: pieces.join(''),
    toSource(start, end) {
      const sourceStart = sourceStarts[start];
      const sourceEnd = sourceEnds[end - 1];
      if (sourceStart === undefined || sourceEnd === undefined || end <= start)
        throw new RangeError(`[${start}, ${end}) is not a non-empty range of the folded text`);
      return { start: sourceStart, end: sourceEnd };
    },
  };
}
