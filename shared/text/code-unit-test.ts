/**
 * `pattern` (a one-character class such as `/[\p{L}\p{N}]/u`) as a test of one BMP code unit,
 * each verdict cached on first sight, so the regular expression runs once per distinct
 * character rather than once per character: the import's word count and duplicate key scan
 * every article this way. Surrogates are the caller's (a pair is tested as one code point; a lone one is no letter).
 */
export function cachedCodeUnitTest(pattern: RegExp): (code: number) => boolean {
  // 0 not yet asked, 1 no, 2 yes.
  const verdicts = new Uint8Array(0x10000);
  return (code) => {
    let verdict = verdicts[code] as number;
    if (verdict === 0) {
      verdict = pattern.test(String.fromCharCode(code)) ? 2 : 1;
      verdicts[code] = verdict;
    }
    return verdict === 2;
  };
}
