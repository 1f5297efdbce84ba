/** Deeper than this, the walk below stops (it recurses) and says the JSON nests too deeply. */
export const MAX_JSON_DEPTH = 5000;

/**
 * Where JSON.parse gave up. V8's messages do not always carry a position ("Unexpected token
 * '}', ... is not valid JSON"), and the report must name the line, so this walks the JSON
 * grammar once (only for text that already failed) and returns the offset of the first error,
 * or 'too-deep' past MAX_JSON_DEPTH levels (the walk would overflow the stack: "column NaN").
 */
export function jsonErrorOffset(text: string): number | 'too-deep' {
  let i = 0;
  let depth = 0;
  const fail = (): never => {
    throw i;
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const sequence = (close: string, item: () => void): void => {
    if (++depth > MAX_JSON_DEPTH) throw TOO_DEEP;
    i++;
    space();
    if (text[i] === close) {
      i++;
      depth--;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        depth--;
        return;
      }
      fail();
    }
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      sequence('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    } else if (char === '[') sequence(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (thrown) {
    return thrown === TOO_DEEP ? 'too-deep' : (thrown as number);
  }
}

const TOO_DEEP = Symbol('too deep');

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
