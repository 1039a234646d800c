/**
 * A round's schedule entries as EventBridge Scheduler settings. Pure, so the
 * rules below are tested without AWS; the adapter (eventbridge-scheduler.ts)
 * sends them when a round is opened, moved or closed.
 *
 * EventBridge Scheduler refuses a recurring schedule whose StartDate lies more
 * than 5 minutes in the past, and a one-time `at()` in the past. So an entry is
 * shaped by the time of the call: one that can no longer fire is left out (the
 * adapter deletes it if it exists), and a daily round already under way starts
 * at once, without a StartDate (its cron then fires from the next occurrence on,
 * as it would have with the StartDate).
 */
import { instantOf } from '#schemas/core/calendar.ts';
import type { JobPayload, ScheduleEntry, ScheduleExpression } from '../../core/schedules.ts';

export interface ScheduleSpec {
  entry: ScheduleEntry;
  /** `at(...)` or `cron(...)`, read in `timeZone`. */
  expression: string;
  timeZone: string;
  /** The jobs Lambda's event. */
  payload: JobPayload;
  /** Daily only: the first day 00:00, when that is still ahead. */
  start?: Date;
  /** Daily only: the last day 23:59:59. */
  end?: Date;
}

/**
 * The EventBridge Scheduler expression of an entry.
 * @example toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, ... }) // 'cron(0 18 * * ? *)'
 */
export function toEventBridgeExpression(expression: ScheduleExpression): string {
  return expression.kind === 'at' ? `at(${expression.local}:00)` : `cron(${expression.minute} ${expression.hour} * * ? *)`;
}

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
 * The schedule to write for an entry at `now`, or undefined when it can no longer fire.
 * @example toScheduleSpec(roundSchedules(round)[0], new Date())?.expression // 'at(2030-07-20T17:00:00)'
 */
export function toScheduleSpec(entry: ScheduleEntry, now: Date): ScheduleSpec | undefined {
  if (lastRun(entry) <= now) return undefined;
  const e = entry.expression;
  const spec: ScheduleSpec = {
    entry,
    expression: toEventBridgeExpression(e),
    timeZone: entry.timeZone,
    payload: { job: entry.job, roundId: entry.roundId },
  };
  if (e.kind === 'daily') {
    const start = instant(e.from, '00:00');
    // Written at once (no deploy in between), so a start still ahead is never refused as past.
    if (start > now) spec.start = start;
    spec.end = instant(e.to, '23:59:59');
  }
  return spec;
}
