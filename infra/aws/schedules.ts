/**
 * Turns the shared schedule list into EventBridge Scheduler settings. Pure, so
 * the rules below are tested without a synth.
 *
 * EventBridge Scheduler refuses a recurring schedule whose StartDate lies more
 * than 5 minutes in the past, so an entry is shaped by the time of the synth
 * (a deploy synthesizes just before it runs): entries that can no longer fire
 * are left out (the local scheduler keeps them but they never fire either),
 * and a daily round already under way starts at once, without a StartDate.
 */
import { instantOf } from '#schemas/core/calendar.ts';
import type { ScheduleEntry, ScheduleExpression } from '../../functions/core/schedules.ts';

export interface ScheduleSpec {
  entry: ScheduleEntry;
  /** `at(...)` or `cron(...)`, read in `timeZone`. */
  expression: string;
  timeZone: string;
  /** The jobs Lambda's event. */
  payload: { job: ScheduleEntry['job']; formId: string };
  start?: Date;
  end?: Date;
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

/** A StartDate closer than this to the synth could be in the past by the time CloudFormation creates the schedule. */
const START_MARGIN_MS = 60 * 60_000;

/** Entries are Vietnam wall-clock times (their `timeZone` is always the calendar's). */
const instant = (date: string, time: string) => instantOf(`${date}T${time}`);

const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The last instant an entry fires. */
export function lastRun(entry: ScheduleEntry): Date {
  const e = entry.expression;
  if (e.kind === 'at') {
    const [date, time] = e.local.split('T') as [string, string];
    return instant(date, time);
  }
  return instant(e.to, hhmm(e.hour, e.minute));
}

/**
 * The schedules to deploy at `now`, one per entry that can still fire.
 * @example toScheduleSpecs(listSchedules(registry.list()), new Date())
 */
export function toScheduleSpecs(entries: readonly ScheduleEntry[], now: Date): ScheduleSpec[] {
  return entries
    .filter((entry) => lastRun(entry) > now)
    .map((entry) => {
      const e = entry.expression;
      const spec: ScheduleSpec = {
        entry,
        expression: toEventBridgeExpression(e),
        timeZone: entry.timeZone,
        payload: { job: entry.job, formId: entry.formId },
      };
      if (e.kind === 'daily') {
        const start = instant(e.from, '00:00');
        if (start.getTime() > now.getTime() + START_MARGIN_MS) spec.start = start;
        spec.end = instant(e.to, '23:59:59');
      }
      return spec;
    });
}
