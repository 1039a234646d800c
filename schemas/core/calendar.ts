/**
 * The Vietnam calendar: the one place that knows the platform's time zone.
 * Deadlines are wall-clock times in Vietnam (`YYYY-MM-DDTHH:mm`); periods are
 * Vietnam dates (`YYYY-MM-DD`). Everything that turns one into an instant, or
 * an instant into "today", "now" or "which period", calls this module, in the
 * browser and on the server alike.
 *
 * One mechanism: the zone's UTC offset at an instant, from `@date-fns/tz`
 * (`Intl` underneath, a few hundred bytes in the browser). Vietnam has kept
 * UTC+7 since 1975, but nothing here relies on that.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { listPeriods, localDeadline, type PeriodSpec } from './period.ts';

/** Vietnam's time zone: every deadline is a wall-clock time here. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const offsetMs = (utc: number) => tzOffset(VIETNAM_TIME_ZONE, new Date(utc)) * 60_000;

/** Instants already worked out: every answer of a period shares its deadline, and `Intl` is slow to ask. */
const instants = new Map<string, number>();

/**
 * The instant a Vietnam wall-clock time `YYYY-MM-DDTHH:mm[:ss]` denotes.
 * @example instantOf('2021-07-20T17:00').toISOString() // '2021-07-20T10:00:00.000Z'
 */
export function instantOf(local: string): Date {
  let instant = instants.get(local);
  if (instant === undefined) {
    const match = LOCAL.exec(local);
    if (!match) throw new Error(`not a local date-time: ${local}`);
    const [y, mo, d, h, mi, s = 0] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
    const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s);
    // The offset at the guess, then at the result: right on either side of an offset change.
    const guess = asUtc - offsetMs(asUtc);
    instant = asUtc - offsetMs(guess);
    if (instants.size >= 10_000) instants.clear();
    instants.set(local, instant);
  }
  return new Date(instant);
}


/**
 * The Vietnam wall-clock time of an instant, `YYYY-MM-DDTHH:mm`.
 * @example localTimeOf(new Date('2021-07-20T10:00:00Z')) // '2021-07-20T17:00'
 */
export function localTimeOf(instant: Date | string | number): string {
  const t = new Date(instant).getTime();
  return new Date(t + offsetMs(t)).toISOString().slice(0, 16);
}

/**
 * The Vietnam date of an instant, as a period id.
 * @example dateOf(new Date('2021-07-20T18:00:00Z')) // '2021-07-21'
 */
export function dateOf(instant: Date | string | number): string {
  return localTimeOf(instant).slice(0, 10);
}

/**
 * A wall-clock time moved by whole minutes (negative: earlier), still a wall-clock time.
 * @example shiftLocal('2021-07-20T17:00', -120) // '2021-07-20T15:00'
 */
export function shiftLocal(local: string, minutes: number): string {
  return localTimeOf(instantOf(local).getTime() + minutes * 60_000);
}

/**
 * The deadline instant of one period of a form.
 * @example deadlineOf({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' }, '2021-10-05').toISOString()
 * // '2021-10-05T11:00:00.000Z'
 */
export function deadlineOf(spec: PeriodSpec, period: string): Date {
  return instantOf(localDeadline(spec, period));
}

/**
 * The period a unit works on at `now`: today for a daily form (the first or
 * last day outside the round), the only period of a one-off form.
 * @example currentPeriod({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' }, new Date('2021-11-05T03:00:00Z')) // '2021-10-31'
 */
export function currentPeriod(spec: PeriodSpec, now: Date | number): string {
  if (spec.kind === 'once') return spec.period;
  const today = dateOf(now);
  return today < spec.from ? spec.from : today > spec.to ? spec.to : today;
}

/**
 * Periods whose day has come (deadline today or earlier): a daily round shows
 * the days so far; before the round starts, its first day.
 * @example duePeriods({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' }, new Date('2021-10-03T05:00:00Z'))
 * // ['2021-10-01', '2021-10-02', '2021-10-03']
 */
export function duePeriods(spec: PeriodSpec, now: Date | number): string[] {
  const all = listPeriods(spec);
  const today = dateOf(now);
  const due = all.filter((p) => p <= today);
  return due.length > 0 ? due : all.slice(0, 1);
}
