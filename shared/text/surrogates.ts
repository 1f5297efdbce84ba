/** UTF-16 surrogate halves: a code point above U+FFFF is a high unit followed by a low one. */
export const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether a whole surrogate pair (an astral code point) starts at `index`; a lone half is not one. */
export const isSurrogatePairAt = (text: string, index: number): boolean =>
  isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));

/** Whether `offset` falls between the two halves of a surrogate pair. */
export const splitsSurrogatePair = (text: string, offset: number): boolean =>
  offset > 0 && isSurrogatePairAt(text, offset - 1);

/** Length in UTF-16 units (1 or 2) of the code point starting at `index`. */
export const codePointLengthAt = (text: string, index: number): number => (isSurrogatePairAt(text, index) ? 2 : 1);

/** Length in UTF-16 units (1 or 2) of the code point ending at `offset`. */
export const codePointLengthBefore = (text: string, offset: number): number =>
  offset >= 2 && isSurrogatePairAt(text, offset - 2) ? 2 : 1;
