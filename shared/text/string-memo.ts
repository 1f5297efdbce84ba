/**
 * `compute` with its answers kept for the strings most asked for: a hot loop over a corpus's
 * tokens or grapheme clusters meets a few thousand distinct ones many times. Once `maxEntries`
 * are kept the memo starts afresh, so a stream of distinct strings cannot grow it without bound.
 */
export function memoizeString(compute: (input: string) => string, maxEntries: number): (input: string) => string {
  const kept = new Map<string, string>();
  return (input) => {
    let answer = kept.get(input);
    if (answer === undefined) {
      answer = compute(input);
      if (kept.size >= maxEntries) kept.clear();
      kept.set(input, answer);
    }
    return answer;
  };
}
