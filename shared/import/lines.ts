import { cachedCodeUnitTest } from '../text/code-unit-test';

/** A line of canonical text with the offset where it starts, so cuts can be made by offset. */
export interface TextLine {
  text: string;
  start: number;
}

/** Splits LF-separated canonical text into lines, keeping each line's start offset. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start });
    start += line.length + 1;
  }
  return lines;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

// `\s` holds no astral character: a test of each code unit is exact.
const isSpace = cachedCodeUnitTest(/\s/);

/** Whitespace-separated words (`line.split(/\s+/).filter(Boolean).length`), counted in one pass without building them. */
export function wordCountOf(line: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const isWord = !isSpace(line.charCodeAt(i));
    if (isWord && !inWord) count++;
    inWord = isWord;
  }
  return count;
}
