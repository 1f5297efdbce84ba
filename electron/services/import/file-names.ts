/**
 * File names as reports print them. A name can hold control characters (a newline forges a
 * line of the command line's report) and bidi controls (they reorder what is shown); both are
 * written as visible escapes, `\u{202E}`, so every name shows what it really is.
 */
const BIDI_AND_SEPARATORS = new Set([
  0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

function needsEscape(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI_AND_SEPARATORS.has(code);
}

export function printableFileName(name: string): string {
  return Array.from(name, (char) => {
    const code = char.codePointAt(0) as number;
    return needsEscape(code) ? `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}` : char;
  }).join('');
}
