import { describe, expect, test } from 'vitest';
import type { ScheduleEntry } from '../../functions/core/schedules.ts';
import { toEventBridgeExpression, toScheduleSpecs } from '../../infra/aws/schedules.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const once: ScheduleEntry = { id: 'summary-a', job: 'summary', formId: 'a', timeZone: TZ, expression: { kind: 'at', local: '2030-07-20T17:00' } };
const daily: ScheduleEntry = {
  id: 'reminder-b',
  job: 'reminder',
  formId: 'b',
  timeZone: TZ,
  expression: { kind: 'daily', hour: 16, minute: 30, from: '2030-10-01', to: '2030-10-31' },
};

describe('EventBridge Scheduler settings from the schedule list', () => {
  test('expressions are at() for one-time entries and cron() for daily ones', () => {
    expect(toEventBridgeExpression({ kind: 'at', local: '2021-07-20T17:00' })).toBe('at(2021-07-20T17:00:00)');
    expect(toEventBridgeExpression({ kind: 'daily', hour: 18, minute: 0, from: '2021-10-01', to: '2021-10-31' })).toBe('cron(0 18 * * ? *)');
  });

  test('a one-time entry becomes an at() in Vietnam time with its job as payload', () => {
    expect(toScheduleSpecs([once], new Date('2030-01-01T00:00:00Z'))).toEqual([
      { entry: once, expression: 'at(2030-07-20T17:00:00)', timeZone: TZ, payload: { job: 'summary', formId: 'a' } },
    ]);
  });

  test('a daily round runs from the first day 00:00 to the last day 23:59:59, Vietnam time', () => {
    const [spec] = toScheduleSpecs([daily], new Date('2030-01-01T00:00:00Z'));
    expect(spec).toMatchObject({ expression: 'cron(30 16 * * ? *)', timeZone: TZ, payload: { job: 'reminder', formId: 'b' } });
    expect(spec!.start?.toISOString()).toBe('2030-09-30T17:00:00.000Z');
    expect(spec!.end?.toISOString()).toBe('2030-10-31T16:59:59.000Z');
  });

  test('a round already under way gets no start date, which EventBridge Scheduler would refuse as past', () => {
    const [spec] = toScheduleSpecs([daily], new Date('2030-10-10T00:00:00Z'));
    expect(spec!.start).toBeUndefined();
    expect(spec!.end?.toISOString()).toBe('2030-10-31T16:59:59.000Z');
  });

  test('entries that can no longer fire are left out', () => {
    expect(toScheduleSpecs([once, daily], new Date('2030-07-20T10:00:00Z')).map((s) => s.entry.id)).toEqual(['reminder-b']);
    expect(toScheduleSpecs([once, daily], new Date('2030-10-31T09:30:00Z'))).toEqual([]);
    expect(toScheduleSpecs([daily], new Date('2030-10-31T09:29:00Z'))).toHaveLength(1);
  });
});
