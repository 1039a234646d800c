import { describe, expect, test } from 'vitest';
import type { ScheduleEntry } from '../../core/schedules.ts';
import { lastRun, toEventBridgeExpression, toScheduleSpec } from './schedule-specs.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const once: ScheduleEntry = {
  id: 'summary-a',
  job: 'summary',
  roundId: 'a',
  formId: 'form-a',
  timeZone: TZ,
  expression: { kind: 'at', local: '2030-07-20T17:00' },
};
const daily: ScheduleEntry = {
  id: 'reminder-b',
  job: 'reminder',
  roundId: 'b',
  formId: 'form-b',
  timeZone: TZ,
  expression: { kind: 'daily', hour: 16, minute: 30, from: '2030-10-01', to: '2030-10-31' },
};
const specs = (entries: ScheduleEntry[], now: string) => entries.flatMap((e) => toScheduleSpec(e, new Date(now)) ?? []);

describe('EventBridge Scheduler settings of a round’s schedule entries', () => {
  test('expressions are at() for one-time entries and cron() for daily ones', () => {
    expect(toEventBridgeExpression({ kind: 'at', local: '2021-07-20T17:00' })).toBe('at(2021-07-20T17:00:00)');
    expect(toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, from: '2021-10-01', to: '2021-10-31' })).toBe('cron(0 18 * * ? *)');
    expect(toEventBridgeExpression({ kind: 'daily', hour: 7, minute: 5, from: '2021-10-01', to: '2021-10-31' })).toBe('cron(5 7 * * ? *)');
  });

  test('a one-time entry becomes an at() in Vietnam time with its job and round as payload', () => {
    expect(toScheduleSpec(once, new Date('2030-01-01T00:00:00Z'))).toEqual({
      entry: once,
      expression: 'at(2030-07-20T17:00:00)',
      timeZone: TZ,
      payload: { job: 'summary', roundId: 'a' },
    });
  });

  test('a daily round runs from the first day 00:00 to the last day 23:59:59, Vietnam time', () => {
    const spec = toScheduleSpec(daily, new Date('2030-01-01T00:00:00Z'));
    expect(spec).toMatchObject({ expression: 'cron(30 16 * * ? *)', timeZone: TZ, payload: { job: 'reminder', roundId: 'b' } });
    expect(spec!.start?.toISOString()).toBe('2030-09-30T17:00:00.000Z');
    expect(spec!.end?.toISOString()).toBe('2030-10-31T16:59:59.000Z');
  });

  test('written at run time, a start a minute ahead is kept; a round already under way gets none, which EventBridge would refuse as past', () => {
    expect(toScheduleSpec(daily, new Date('2030-09-30T16:59:00Z'))!.start?.toISOString()).toBe('2030-09-30T17:00:00.000Z');
    const started = toScheduleSpec(daily, new Date('2030-09-30T17:00:00Z'))!;
    expect(started.start).toBeUndefined();
    expect(started.end?.toISOString()).toBe('2030-10-31T16:59:59.000Z');
    expect(toScheduleSpec(daily, new Date('2030-10-10T00:00:00Z'))!.start).toBeUndefined();
  });

  test('entries that can no longer fire are left out, up to the minute', () => {
    expect(lastRun(once).toISOString()).toBe('2030-07-20T10:00:00.000Z');
    expect(specs([once, daily], '2030-07-20T09:59:59Z').map((s) => s.entry.id)).toEqual(['summary-a', 'reminder-b']);
    expect(specs([once, daily], '2030-07-20T10:00:00Z').map((s) => s.entry.id)).toEqual(['reminder-b']);
    expect(specs([once, daily], '2030-10-31T09:30:00Z')).toEqual([]);
    expect(specs([daily], '2030-10-31T09:29:00Z')).toHaveLength(1);
  });
});
