/**
 * File names as reports print them. A name can hold control characters (a newline forges a
 * line of the command line's report) and bidi controls (they reorder what is shown); both are
 * written as visible escapes, `\u{202E}`, so every name shows what it really is.
 */
// Control characters are what it looks for.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printableFileName(name: string): string {
  // Every character escaped is in the BMP: one code unit.
  return name.replace(NEEDS_ESCAPE, (char) => `\\u{${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}
