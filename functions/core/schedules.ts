/**
 * The schedule list, derived from the form registry. The local scheduler and
 * the AWS stack both read it, so they cannot drift apart.
 */
import { VIETNAM_TIME_ZONE } from '#schemas/core/format.ts';
import type { AnyForm } from '#schemas/core/form.ts';
import { addDays, type PeriodSpec } from '#schemas/core/period.ts';

export type ScheduleExpression =
  | { kind: 'at'; /** Vietnam wall clock, `YYYY-MM-DDTHH:mm` */ local: string }
  | { kind: 'daily'; hour: number; minute: number; /** first and last day, inclusive */ from: string; to: string };

export type JobName = 'summary' | 'reminder';

export interface ScheduleEntry {
  /** Unique and stable, e.g. `summary-971-nhan-luc-y-te`. */
  id: string;
  job: JobName;
  formId: string;
  expression: ScheduleExpression;
  timeZone: string;
}

/** Reminders go out this long before a deadline unless a form says otherwise. */
export const DEFAULT_REMINDER_HOURS = 2;

/** A Vietnam wall-clock time moved back by whole minutes, staying a wall-clock time (Vietnam has no DST). */
function earlier(local: string, minutes: number): string {
  const t = new Date(`${local}:00Z`).getTime() - minutes * 60_000;
  return new Date(t).toISOString().slice(0, 16);
}

function expressionOf(spec: PeriodSpec, minutesBefore: number): ScheduleExpression {
  if (spec.kind === 'once') return { kind: 'at', local: earlier(spec.deadline, minutesBefore) };
  const [hour, minute] = spec.deadlineTime.split(':').map(Number) as [number, number];
  const at = hour * 60 + minute - minutesBefore;
  // A reminder before an early-morning deadline falls on the previous day.
  const dayShift = Math.floor(at / 1440);
  const inDay = at - dayShift * 1440;
  return {
    kind: 'daily',
    hour: Math.floor(inDay / 60),
    minute: inDay % 60,
    from: addDays(spec.from, dayShift),
    to: addDays(spec.to, dayShift),
  };
}

/**
 * Per form: a summary at its deadline and, unless the form turns it off, a
 * reminder to units that have not reported a while before.
 * @example listSchedules(registry.list())[0].expression // { kind: 'at', local: '2021-07-20T17:00' }
 */
export function listSchedules(forms: AnyForm[]): ScheduleEntry[] {
  return forms.flatMap((form) => {
    const summary: ScheduleEntry = {
      id: `summary-${form.id}`,
      job: 'summary',
      formId: form.id,
      expression: expressionOf(form.period, 0),
      timeZone: VIETNAM_TIME_ZONE,
    };
    const hours = form.reminderHoursBefore ?? DEFAULT_REMINDER_HOURS;
    if (hours <= 0) return [summary];
    return [
      summary,
      { id: `reminder-${form.id}`, job: 'reminder', formId: form.id, expression: expressionOf(form.period, hours * 60), timeZone: VIETNAM_TIME_ZONE },
    ];
  });
}

/**
 * The EventBridge Scheduler expression of an entry.
 * @example toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, ... }) // 'cron(0 18 * * ? *)'
 */
export function toEventBridgeExpression(expression: ScheduleExpression): string {
  return expression.kind === 'at'
    ? `at(${expression.local}:00)`
    : `cron(${expression.minute} ${expression.hour} * * ? *)`;
}
