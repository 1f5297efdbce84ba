/**
 * A sort key whose plain binary order (SQLite's BINARY collation, JavaScript's `<`) is Vietnamese
 * alphabetical order, so the library can sort 100,000 titles in SQL without a custom collation
 * (better-sqlite3 cannot register one): a ă â b c d đ e ê … o ô ơ … u ư …, ignoring case and tone
 * marks (they only break ties, after the key), digit runs compared as numbers.
 */
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Letters sort after digits, spaces and punctuation, each on one code point of its own. */
const LETTER_BASE = 0x100;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const DIGITS = /\d+/g;
/** Digit runs are padded to this width, so "10" sorts after "9". */
const NUMBER_WIDTH = 12;

const letterCodes = new Map([...ALPHABET].map((letter, rank) => [letter, String.fromCharCode(LETTER_BASE + rank)]));

export function vietnameseSortKey(text: string): string {
  // NFD, then the tone marks go while the letter-forming marks (breve, circumflex, horn) stay.
  const toneless = text.trim().toLowerCase().normalize('NFD').replace(TONES, '').normalize('NFC');
  const padded = toneless.replace(DIGITS, (digits) => digits.padStart(NUMBER_WIDTH, '0'));
  let key = '';
  for (const character of padded) key += letterCodes.get(character) ?? character;
  return key;
}
