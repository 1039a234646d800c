/**
 * The schedules of a round: a summary at each deadline and, unless the round
 * turns it off, a reminder a while before. Computed from the stored round at
 * run time: the local scheduler follows them, and on AWS the API writes them
 * as EventBridge Scheduler schedules (one group, created by the stack) when a
 * round is opened, moved or closed. Nothing is derived from the registry at
 * deploy time any more.
 */
import { shiftLocal, VIETNAM_TIME_ZONE } from '#schemas/core/calendar.ts';
import { addDays, daysBetween, type PeriodSpec } from '#schemas/core/period.ts';
import type { Round } from './rounds.ts';

export type ScheduleExpression =
  | { kind: 'at'; /** Vietnam wall clock, `YYYY-MM-DDTHH:mm` */ local: string }
  | { kind: 'daily'; hour: number; minute: number; /** first and last day, inclusive */ from: string; to: string };

export type JobName = 'summary' | 'reminder';

export interface ScheduleEntry {
  /** Unique and stable, e.g. `summary-971-nhan-luc-y-te`: `<job>-<round id>` (an EventBridge schedule name). */
  id: string;
  job: JobName;
  roundId: string;
  formId: string;
  expression: ScheduleExpression;
  timeZone: string;
}

/** What the jobs function is invoked with. */
export interface JobPayload {
  job: JobName;
  roundId: string;
}

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
 * A round's schedules: none once it is closed.
 * @example roundSchedules(seedRound(form971))[0] // { id: 'summary-971-nhan-luc-y-te', expression: { kind: 'at', local: '2021-07-20T17:00' }, … }
 */
export function roundSchedules(round: Pick<Round, 'id' | 'formId' | 'period' | 'reminderMinutes' | 'status'>): ScheduleEntry[] {
  if (round.status === 'closed') return [];
  const entry = (job: JobName, minutesBefore: number): ScheduleEntry => ({
    id: `${job}-${round.id}`,
    job,
    roundId: round.id,
    formId: round.formId,
    expression: expressionOf(round.period, minutesBefore),
    timeZone: VIETNAM_TIME_ZONE,
  });
  return round.reminderMinutes > 0 ? [entry('summary', 0), entry('reminder', round.reminderMinutes)] : [entry('summary', 0)];
}

/** Every schedule of many rounds. */
export function listSchedules(rounds: ReadonlyArray<Parameters<typeof roundSchedules>[0]>): ScheduleEntry[] {
  return rounds.flatMap(roundSchedules);
}
