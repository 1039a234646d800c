/**
 * Deadlines in words, apart from format.ts: the form page's island carries
 * format.ts on load, and only its receipt (loaded on submit) shows a deadline.
 */
import { localTimeOf } from './calendar.ts';
import { formatDate, formatWallClock } from './format.ts';

/**
 * A deadline as a reader cannot misread it: a midnight one is the end of the day before, as people say it
 * ("hết ngày 07/01/2022"), with the instant itself after it; any other in hours and date.
 * @example formatDeadline('2022-01-07T17:00:00Z') // "hết ngày 07/01/2022 (trước 00:00 ngày 08/01/2022)"
 * @example formatDeadline('2021-07-20T10:00:00Z') // "17:00 20/07/2021"
 */
export function formatDeadline(instant: string | Date): string {
  const local = localTimeOf(instant);
  if (!local.endsWith('T00:00')) return formatWallClock(local);
  const [year, month, day] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Plain calendar arithmetic on the local date: the day before, whatever the month or year.
  const before = new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
  return `hết ngày ${formatDate(before)} (trước 00:00 ngày ${formatDate(local.slice(0, 10))})`;
}

