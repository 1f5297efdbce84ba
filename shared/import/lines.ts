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

export function wordCountOf(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}
