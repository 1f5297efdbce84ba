/**
 * A piece of a file name taken from user text (an author's name): the text kept, Vietnamese
 * included, but the characters no file system takes in a name (and control characters) become
 * "_". Empty after trimming: `fallback`.
 */
export function fileNamePart(text: string, fallback: string): string {
  const safe = Array.from(text, (char) =>
    (char.codePointAt(0) ?? 0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '_' : char,
  ).join('');
  return safe.trim() || fallback;
}
