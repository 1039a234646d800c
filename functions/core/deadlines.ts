/** Deadlines are Vietnam wall-clock times; this turns them into instants. */
import { TZDate } from '@date-fns/tz';
import { VIETNAM_TIME_ZONE } from '#schemas/core/format.ts';
import { localDeadline, type PeriodSpec } from '#schemas/core/period.ts';

/**
 * The instant a wall-clock time `YYYY-MM-DDTHH:mm` in Vietnam denotes.
 * @example vietnamTimeToInstant('2021-07-20T17:00').toISOString() // '2021-07-20T10:00:00.000Z'
 */
export function vietnamTimeToInstant(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, VIETNAM_TIME_ZONE).getTime());
}

/** The deadline instant of one period of a form. */
export function deadlineOf(spec: PeriodSpec, period: string): Date {
  return vietnamTimeToInstant(localDeadline(spec, period));
}

/**
 * Today's date in Vietnam, as a period id.
 * @example vietnamDate(new Date('2021-07-20T18:00:00Z')) // '2021-07-21'
 */
export function vietnamDate(instant: Date): string {
  return new TZDate(instant.getTime(), VIETNAM_TIME_ZONE).toISOString().slice(0, 10);
}
