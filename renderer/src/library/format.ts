import type { ArticleStatus } from '../../../shared/domain/schemas';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  done: 'Done',
};

const numberFormat = new Intl.NumberFormat('en-US');
export const formatCount = (count: number): string => numberFormat.format(count);

/**
 * Publication dates are kept as found: full ISO timestamps are shown as dd/mm/yyyy hh:mm,
 * the way Vietnamese sites print them; partial ones are shown as stored.
 */
export function formatPublished(value: string | null): string {
  if (!value) return '—';
  // Day and month found without a year ("Chiều 26/2"): stored as --02-26, never given a guessed year.
  const dayMonth = /^--(\d{2})-(\d{2})$/.exec(value);
  if (dayMonth) return `${dayMonth[2]}/${dayMonth[1]}`;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day, hour, minute] = match;
  return hour ? `${day}/${month}/${year} ${hour}:${minute}` : `${day}/${month}/${year}`;
}
