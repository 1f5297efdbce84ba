import type { MessageRef } from '../messages/backend-messages';
/**
 * Publication dates as Vietnamese news pages print them.
 *
 * Representation (what `publishedAt` holds), never more precise than the page:
 * - date and time with a zone: `2019-02-01T23:57+07:00` ("Thứ Sáu, 1/2/2019 23:57'(GMT+7)");
 * - date and time, no zone: `2023-01-10T14:45` ("14:45 10/01/2023");
 * - date only: `2023-01-10`;
 * - day and month without a year: `--02-26` ("Chiều 26/2"), the ISO 8601 truncated form.
 *   The year is never guessed.
 */

const pad = (value: number): string => String(value).padStart(2, '0');

interface DateParts {
  day: number;
  month: number;
  year?: number;
  hour?: number;
  minute?: number;
  /** Hours east of UTC, when the page states it ("GMT+7"). */
  zoneHours?: number;
}

function isValid(parts: DateParts): boolean {
  const { day, month, year, hour, minute } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year !== undefined && (year < 1900 || year > 2100)) return false;
  if (hour !== undefined && (hour > 23 || (minute ?? 0) > 59)) return false;
  return true;
}

function format(parts: DateParts): string {
  const monthDay = `${pad(parts.month)}-${pad(parts.day)}`;
  if (parts.year === undefined) return `--${monthDay}`;
  const date = `${parts.year}-${monthDay}`;
  if (parts.hour === undefined) return date;
  const time = `${date}T${pad(parts.hour)}:${pad(parts.minute ?? 0)}`;
  if (parts.zoneHours === undefined) return time;
  const sign = parts.zoneHours < 0 ? '-' : '+';
  return `${time}${sign}${pad(Math.abs(parts.zoneHours))}:00`;
}

const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

const DATE = String.raw`(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})`;
const TIME = String.raw`(\d{1,2})[:hg](\d{2})`;
const ZONE = String.raw`(?:'?\s*\(?\s*GMT\s*([+-]\d{1,2})\s*\)?)?`;
// "14:45 10/01/2023", "14:45, ngày 10/01/2023"
const TIME_THEN_DATE = new RegExp(String.raw`${TIME}'?\s*[,-]?\s*(?:ngày\s+)?${DATE}${ZONE}`, 'iu');
// "Thứ Sáu, 1/2/2019 23:57'(GMT+7)", "10/01/2023 - 14:45", "Ngày 10/01/2023"
const DATE_THEN_TIME = new RegExp(String.raw`${DATE}(?:\s*[,|-]?\s*${TIME}${ZONE})?`, 'u');
// "Chiều 26/2", "Sáng ngày 10/1": a day part, then day/month with no year.
const DAY_PART_DATE =
  /^(?:sáng|trưa|chiều|tối|đêm|rạng sáng|ngày|hôm nay)\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})(?![/\d-])/iu;
// "…được tổ chức ngày 13-8 tại Hà Nội": an event date inside the lead's first sentence. A date
// after "đến", "trước", "từ", "sau", "tới" or "hạn" is a deadline or a range, not the news day.
const LEAD_EVENT_DATE = /(?<!(?:đến|trước|từ|sau|tới|hạn)\s+)\bngày\s+(\d{1,2})[/-](\d{1,2})(?![/\d-])/iu;

/** A full date (with year) anywhere in a short header line, ISO-formatted; null otherwise. */
export function parseDateLine(line: string): string | null {
  const timeFirst = TIME_THEN_DATE.exec(line);
  if (timeFirst) {
    const [, hour, minute, day, month, year, zone] = timeFirst;
    const parts: DateParts = {
      day: Number(day),
      month: Number(month),
      year: Number(year),
      hour: Number(hour),
      minute: Number(minute),
      zoneHours: num(zone),
    };
    if (isValid(parts)) return format(parts);
  }
  const dateFirst = DATE_THEN_TIME.exec(line);
  if (dateFirst) {
    const [, day, month, year, hour, minute, zone] = dateFirst;
    const parts: DateParts = {
      day: Number(day),
      month: Number(month),
      year: Number(year),
      hour: num(hour),
      minute: num(minute),
      zoneHours: num(zone),
    };
    if (isValid(parts)) return format(parts);
  }
  return null;
}

/**
 * "Chiều 26/2, tại Hà Nội…" at the start of a lead, or "ngày 13-8" as the event day in its first
 * sentence: `--02-26`; null otherwise.
 */
export function parseLeadDayMonth(leadStart: string): string | null {
  const lead = leadStart.trim();
  const firstSentence = lead.split(/[.!?](?:\s|$)/u)[0] ?? lead;
  const match = DAY_PART_DATE.exec(lead) ?? LEAD_EVENT_DATE.exec(firstSentence);
  if (!match) return null;
  const parts: DateParts = { day: Number(match[1]), month: Number(match[2]) };
  return isValid(parts) ? format(parts) : null;
}

/** True when a line is nothing but a dateline (so it is never taken for a title). */
export function isDateLine(line: string): boolean {
  const withoutDate = line
    .replace(TIME_THEN_DATE, '')
    .replace(DATE_THEN_TIME, '')
    .replace(/^(?:thứ\s+\S+|chủ\s+nhật|cập nhật|đăng)[\s,:]*/iu, '')
    .trim();
  return parseDateLine(line) !== null && withoutDate.replace(/[\s,|:-]/g, '').length === 0;
}

const ISO_PUBLISHED =
  /^(?:(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?|--(\d{2})-(\d{2}))$/;

/**
 * Why a "Published" value typed by hand is not a date this app sorts, or null when it is one of
 * the forms above (or a year, or a year and month). "hôm qua" would sort anywhere.
 */
export function publishedDateProblem(value: string): MessageRef | null {
  const match = ISO_PUBLISHED.exec(value.trim());
  if (!match) return { key: 'publishedNotADate', params: { value } };
  const [, year, month, day, hour, minute, second, , monthOnly, dayOnly] = match;
  const parts: DateParts = {
    day: Number(day ?? dayOnly ?? 1),
    month: Number(month ?? monthOnly ?? 1),
    year: year === undefined ? undefined : Number(year),
    hour: hour === undefined ? undefined : Number(hour),
    minute: minute === undefined ? undefined : Number(minute),
  };
  // Day 31 of a 30-day month, 29 February of a common year: a year 2000 (leap) stands in when none is given.
  const lastDay = new Date(Date.UTC(parts.year ?? 2000, parts.month, 0)).getUTCDate();
  if (!isValid(parts) || parts.day > lastDay || Number(second ?? 0) > 59)
    return { key: 'publishedNotARealDate', params: { value } };
  return null;
}
