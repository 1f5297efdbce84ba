/**
 * File names as reports print them. A name can hold control characters (a newline forges a
 * line of the command line's report) and bidi controls (they reorder what is shown); both are
 * written as visible escapes, `\u{202E}`, so every name shows what it really is.
 */
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function printableFileName(name: string): string {
  return name.replace(
    INVISIBLE_OR_CONTROL,
    (char) => `\\u{${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}}`,
  );
}
