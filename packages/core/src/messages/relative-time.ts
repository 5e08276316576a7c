// "5 minutes ago", "yesterday", "in 2 hours": the largest unit that fits.

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
/** Closer than this is "now": nobody needs "3 seconds ago". */
const NOW_SECONDS = 10;

/** Relative time of `date` from `now`; an empty string for an invalid date (never throws). */
export function formatRelativeTime(
  format: Intl.RelativeTimeFormat,
  date: Date | string,
  now: Date,
): string {
  const seconds = (new Date(date).getTime() - now.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return '';
  if (Math.abs(seconds) < NOW_SECONDS) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}
