/** Calendar helpers for period ids (`YYYY-MM-DD`) and Vietnam wall-clock deadlines (`YYYY-MM-DDTHH:mm`). */
import { formatDate, VIETNAM_TIME_ZONE } from '#schemas/core/format.ts';

const dayParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam, whatever the device's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  const parts = dayParts.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export { formatDate };

/** @example formatWallClock('2021-07-20T17:00') // "17:00 20/07/2021" */
export function formatWallClock(local: string): string {
  const [date = '', time = ''] = local.split('T');
  return `${time} ${formatDate(date)}`;
}

export function clampDate(date: string, from: string, to: string): string {
  return date < from ? from : date > to ? to : date;
}
