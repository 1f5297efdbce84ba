import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';

/** Text around a span, counted in code points so a surrogate pair is never cut in half. */

/** Up to `points` code points ending at UTF-16 offset `end`. */
export function textBefore(text: string, end: number, points: number): string {
  let start = end;
  for (let counted = 0; counted < points && start > 0; counted++) {
    start -=
      isLowSurrogate(text.charCodeAt(start - 1)) && start > 1 && isHighSurrogate(text.charCodeAt(start - 2)) ? 2 : 1;
  }
  return text.slice(start, end);
}

/** Up to `points` code points starting at UTF-16 offset `start`. */
export function textAfter(text: string, start: number, points: number): string {
  let end = start;
  for (let counted = 0; counted < points && end < text.length; counted++) {
    end += isHighSurrogate(text.charCodeAt(end)) && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1;
  }
  return text.slice(start, end);
}
