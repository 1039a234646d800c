/**
 * The schedule list, derived from the form registry. The local scheduler and
 * the AWS stack both read it, so they cannot drift apart.
 */
import { shiftLocal, VIETNAM_TIME_ZONE } from '#schemas/core/calendar.ts';
import type { AnyForm } from '#schemas/core/form.ts';
import { addDays, daysBetween, type PeriodSpec } from '#schemas/core/period.ts';

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

function expressionOf(spec: PeriodSpec, minutesBefore: number): ScheduleExpression {
  if (spec.kind === 'once') return { kind: 'at', local: shiftLocal(spec.deadline, -minutesBefore) };
  // The first day's run; a reminder before an early-morning deadline falls on the previous day.
  const first = shiftLocal(`${spec.from}T${spec.deadlineTime}`, -minutesBefore);
  const dayShift = daysBetween(spec.from, first.slice(0, 10));
  return {
    kind: 'daily',
    hour: Number(first.slice(11, 13)),
    minute: Number(first.slice(14, 16)),
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
