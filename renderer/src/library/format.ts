import type { Language } from '../i18n/languages';

const numberFormats = new Map<Language, Intl.NumberFormat>();
/** A count in the UI language's digit grouping (1,234 / 1.234). */
export function formatCount(count: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(count);
}

// Vietnamese analysts read dates as dd/mm/yyyy, the way Vietnamese sites print them; in English
// a month name keeps 02/03 from being read either way.
const DATE_OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};
const DAY_MONTH_OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  vi: { day: 'numeric', month: 'numeric' },
  en: { day: 'numeric', month: 'short' },
};
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
type DatePart = 'date' | 'dayMonth' | 'time';
const PART_OPTIONS: Record<DatePart, (language: Language) => Intl.DateTimeFormatOptions> = {
  date: (language) => DATE_OPTIONS[language],
  dayMonth: (language) => DAY_MONTH_OPTIONS[language],
  time: () => TIME_OPTIONS,
};

// Made once per language and part: building an Intl.DateTimeFormat costs ~100 times a format
// call, and the library and concordance format a date for every row scrolled into view.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatUtc(utc: number, part: DatePart, language: Language): string {
  const key = `${language}:${part}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...PART_OPTIONS[part](language), timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(utc);
}

/**
 * Publication dates are kept as found, without a time zone: they are shown in the UI language's
 * date format with the stored wall-clock values (formatted as UTC so nothing shifts), date before
 * time as news sites print them; values the pattern does not read are shown as stored.
 */
export function formatPublished(value: string | null, language: Language): string {
  if (!value) return '—';
  // Day and month found without a year ("Chiều 26/2"): stored as --02-26, never given a guessed year.
  const dayMonth = /^--(\d{2})-(\d{2})$/.exec(value);
  // A leap year, so 29/2 exists.
  if (dayMonth) return formatUtc(Date.UTC(2000, Number(dayMonth[1]) - 1, Number(dayMonth[2])), 'dayMonth', language);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const [year, month, day, hour, minute] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const utc = Date.UTC(year!, month! - 1, day!, hour ?? 0, minute ?? 0);
  const date = formatUtc(utc, 'date', language);
  return hour === undefined ? date : `${date} ${formatUtc(utc, 'time', language)}`;
}
