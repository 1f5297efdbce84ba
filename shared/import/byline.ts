/**
 * Recognises the closing signature line of a Vietnamese news article: initials ("D.T - A.N"),
 * a name ("Hà An"), or a name glued to its credentials ("Tô LâmĐại tướng, GS.TS, …", as
 * saved pages often run the author block together). Pure: shared by metadata and chrome.
 */

// One capitalised syllable: Vietnamese names are written syllable by syllable, each capitalised.
const NAME_WORD = String.raw`\p{Lu}\p{Ll}*`;
const NAME = String.raw`${NAME_WORD}(?:[ ]${NAME_WORD}){1,4}`;
const NAME_ONLY = new RegExp(String.raw`^(${NAME})$`, 'u');
// A name followed directly by a capitalised credential ("LâmĐại") or a comma and credentials.
const NAME_WITH_CREDENTIALS = new RegExp(String.raw`^(${NAME})(?:(?=\p{Lu}\p{Ll})|,\s)`, 'u');
// Initials such as "D.T", "T.H.", joined by dashes or commas: "D.T - A.N".
const INITIALS = String.raw`\p{Lu}(?:\.\p{Lu})+\.?`;
const INITIALS_ONLY = new RegExp(String.raw`^${INITIALS}(?:\s*[-–,&]\s*${INITIALS})*$`, 'u');

const MAX_BYLINE_LINE = 160;

/** The author named by a closing line, or null when the line is not a signature. */
export function bylineOf(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_BYLINE_LINE) return null;
  if (INITIALS_ONLY.test(trimmed)) return trimmed;
  const nameOnly = NAME_ONLY.exec(trimmed);
  if (nameOnly?.[1]) return nameOnly[1];
  // Credentials never end with a full stop; a sentence that starts with a name does.
  if (/[.!?…"”]$/.test(trimmed)) return null;
  const withCredentials = NAME_WITH_CREDENTIALS.exec(trimmed);
  return withCredentials?.[1] ?? null;
}
