/**
 * Reporting periods. A period id is a date (`2021-07-20`); a deadline is a
 * wall-clock time in Vietnam (`2021-07-20T17:00`), turned into an instant
 * only by `calendar.ts` beside this file.
 */
export type PeriodSpec =
  | {
      kind: 'once';
      /** The one period this form answers, e.g. `2021-07-20`. */
      period: string;
      /** Vietnam wall-clock deadline, `YYYY-MM-DDTHH:mm`. */
      deadline: string;
    }
  | {
      kind: 'daily';
      /** First and last day of the campaign round, inclusive. */
      from: string;
      to: string;
      /** Vietnam wall-clock time each day's report is due, `HH:mm`. */
      deadlineTime: string;
    };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings (no time zone involved).
 * @example addDays('2021-10-31', 1) // '2021-11-01'
 */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** @example daysBetween('2022-01-08', '2022-01-31') // 23 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Every period of a form, in order.
 * @example listPeriods({ kind: 'daily', from: '2021-10-01', to: '2021-10-03', deadlineTime: '18:00' })
 * // ['2021-10-01', '2021-10-02', '2021-10-03']
 */
export function listPeriods(spec: PeriodSpec): string[] {
  if (spec.kind === 'once') return [spec.period];
  const out: string[] = [];
  for (let day = spec.from; day <= spec.to && out.length < 3660; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Whether `period` is one this form asks for. */
export function isValidPeriod(spec: PeriodSpec, period: string): boolean {
  if (!DATE.test(period)) return false;
  if (spec.kind === 'once') return period === spec.period;
  return period >= spec.from && period <= spec.to && addDays(period, 0) === period;
}

/**
 * The Vietnam wall-clock deadline of one period, `YYYY-MM-DDTHH:mm`.
 * @example localDeadline({ kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' }, '2021-07-20')
 * // '2021-07-20T17:00'
 */
export function localDeadline(spec: PeriodSpec, period: string): string {
  return spec.kind === 'once' ? spec.deadline : `${period}T${spec.deadlineTime}`;
}
