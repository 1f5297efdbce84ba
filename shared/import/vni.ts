/**
 * VNI-Windows (the VNI font encoding) read as Windows-1252 text → Unicode. VNI writes a base
 * letter, then a second character for the modifier and/or tone ("Tieáng" = Tiếng, "chöõ" =
 * chữ); ơ ư đ and the i-with-tone letters are single characters. iconv has no VNI table, so the
 * table is here.
 */

const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

const TONES: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** After a, e, o: circumflex, with or without a tone. */
const CIRCUMFLEX_SUFFIXES: Record<string, string> = {
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
};
/** After a only: breve, with or without a tone. */
const BREVE_SUFFIXES: Record<string, string> = {
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};
/** Letters VNI writes as one character. */
const SINGLES: Record<string, string> = {
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
};

const withUpper = (table: Record<string, string>, upperValue: (value: string) => string): Map<string, string> =>
  new Map(
    Object.entries(table).flatMap(([key, value]) => [
      [key, value] as const,
      [key.toUpperCase(), upperValue(value)] as const,
    ]),
  );

const TONE_MAP = withUpper(TONES, (mark) => mark);
const CIRCUMFLEX_MAP = withUpper(CIRCUMFLEX_SUFFIXES, (marks) => marks);
const BREVE_MAP = withUpper(BREVE_SUFFIXES, (marks) => marks);
const SINGLE_MAP = withUpper(SINGLES, (letter) => letter.toUpperCase());

const VOWEL = /[aeiouyAEIOUYơưƠƯ]/;

/** Converts VNI text (as Windows-1252 characters) to NFC Unicode. */
export function vniToUnicode(text: string): string {
  let out = '';
  let base = '';
  for (const char of text) {
    const lower = base.toLowerCase();
    const suffix =
      (lower === 'a' || lower === 'e' || lower === 'o' ? CIRCUMFLEX_MAP.get(char) : undefined) ??
      (lower === 'a' ? BREVE_MAP.get(char) : undefined) ??
      (VOWEL.test(base) ? TONE_MAP.get(char) : undefined);
    if (suffix !== undefined) {
      out += suffix;
      base = '';
      continue;
    }
    const single = SINGLE_MAP.get(char);
    out += single ?? char;
    base = single ?? char;
  }
  return out.normalize('NFC');
}

/** Unicode → VNI (as Windows-1252 characters): builds test samples from Unicode text. */
export function unicodeToVni(text: string): string {
  const reverseSingles = new Map([...SINGLE_MAP].map(([vni, letter]) => [letter, vni]));
  const markOf = (map: Map<string, string>, marks: string, upper: boolean) =>
    [...map].find(([key, value]) => value === marks && (key === key.toUpperCase()) === upper)?.[0] ?? '';
  let out = '';
  for (const char of text.normalize('NFC')) {
    const single = reverseSingles.get(char);
    if (single) {
      out += single;
      continue;
    }
    const decomposed = char.normalize('NFD');
    const letter = decomposed[0] as string;
    // NFD orders a dot below before the circumflex (ộ = o + ̣ + ̂); the tables put the modifier first.
    const all = [...decomposed.slice(1)];
    const isModifier = (mark: string) => mark === CIRCUMFLEX || mark === BREVE || mark === '\u031b';
    const marks = [...all.filter(isModifier), ...all.filter((mark) => !isModifier(mark))].join('');
    const upper = letter !== letter.toLowerCase();
    if (marks === '' || !/[aeiouyAEIOUY]/.test(letter)) {
      out += char;
      continue;
    }
    const horn = marks.includes('\u031b');
    if (horn) {
      const hornLetter = reverseSingles.get((letter + '\u031b').normalize('NFC')) as string;
      out += hornLetter + markOf(TONE_MAP, marks.replace('\u031b', ''), upper);
      continue;
    }
    const table = marks.startsWith(CIRCUMFLEX) ? CIRCUMFLEX_MAP : marks.startsWith(BREVE) ? BREVE_MAP : TONE_MAP;
    out += letter + markOf(table, marks, upper);
  }
  return out;
}
