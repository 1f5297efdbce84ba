import { foldVietnamese } from '../text/fold';
import { foldWithOffsets } from './fold-offsets';
import { findTermMatches, firstPhraseIndex, type TermQuery } from './query';

export const MARK_OPEN = '[[';
export const MARK_CLOSE = ']]';

const SNIPPET_WIDTH = 160;
/** How much text to show before the anchor, so it reads in context but stays near the start. */
const CONTEXT_BEFORE = 50;

interface Range {
  start: number;
  end: number;
}

export interface SnippetResult {
  snippet: string;
  /** Words of the title and the text matching a term. */
  matchCount: number;
}

/** The snippet of canonical `text` for a parsed query, and how often its terms match (as the index matches them). */
export function snippetFor(title: string | null, text: string, query: TermQuery): SnippetResult {
  const folded = foldWithOffsets(text);
  const matches = findTermMatches(folded.folded, query);
  const ranges = matches.map((match) => folded.toSource(match.start, match.end));
  const anchor = ranges[firstPhraseIndex(matches, query)] ?? null;
  return {
    snippet: buildSnippet(text, ranges, anchor),
    matchCount: matches.length + findTermMatches(foldVietnamese(title ?? ''), query).length,
  };
}

/**
 * About `SNIPPET_WIDTH` characters of `text` around `anchor` (or from the start without one),
 * each match inside marked `[[…]]` (neighbouring matches share one mark). Cut at spaces, with
 * "…" where text was left out. Line breaks become spaces: a snippet is one line in a result list.
 * Text that itself contains "[[" is not escaped; news text practically never does.
 */
export function buildSnippet(text: string, matches: readonly Range[], anchor: Range | null): string {
  let start = anchor ? Math.max(0, anchor.start - CONTEXT_BEFORE) : 0;
  let end = Math.min(text.length, start + SNIPPET_WIDTH);
  start = Math.max(0, Math.min(start, end - SNIPPET_WIDTH));
  if (anchor) end = Math.max(end, anchor.end);
  start = snapStartToWord(text, start, anchor?.start ?? end);
  end = snapEndToWord(text, end, anchor?.end ?? start);

  let snippet = '';
  let cursor = start;
  for (const match of mergeAdjacent(text, matches)) {
    if (match.start < start || match.end > end) continue;
    snippet += text.slice(cursor, match.start) + MARK_OPEN + text.slice(match.start, match.end) + MARK_CLOSE;
    cursor = match.end;
  }
  snippet += text.slice(cursor, end);
  const oneLine = snippet.replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + oneLine + (end < text.length ? '…' : '');
}

/** Moves a cut that falls inside a word to just after the next space, if one comes before `limit`. */
function snapStartToWord(text: string, start: number, limit: number): number {
  if (start === 0 || /\s/.test(text[start - 1] ?? '')) return start;
  const space = text.slice(start, limit).search(/\s/);
  return space === -1 ? start : start + space + 1;
}

/** Moves a cut that falls inside a word back to the previous space, if one comes after `limit`. */
function snapEndToWord(text: string, end: number, limit: number): number {
  if (end === text.length || /\s/.test(text[end] ?? '')) return end;
  const space = text.slice(limit, end).search(/\s\S*$/);
  return space === -1 ? end : limit + space;
}

/** "[[đề]] [[xuất]]" reads worse than "[[đề xuất]]": join matches separated only by spaces. */
function mergeAdjacent(text: string, matches: readonly Range[]): Range[] {
  const merged: Range[] = [];
  for (const match of matches) {
    const last = merged.at(-1);
    if (last && /^[^\S\n]*$/.test(text.slice(last.end, match.start))) last.end = match.end;
    else merged.push({ ...match });
  }
  return merged;
}
