import { describe, expect, test } from 'vitest';
import type { PeriodSpec } from '#schemas/core/period.ts';
import { loadForms } from '#schemas/registry.ts';
import { seedRound, type Round } from './rounds.ts';
import { listSchedules, roundSchedules } from './schedules.ts';

describe('schedules of the seed rounds', () => {
  test('971 gets one summary at its deadline, in Vietnam time', async () => {
    const registry = await loadForms();
    expect(listSchedules(registry.list().map(seedRound))).toContainEqual({
      id: 'summary-971-nhan-luc-y-te',
      job: 'summary',
      roundId: '971-nhan-luc-y-te',
      formId: '971-nhan-luc-y-te',
      expression: { kind: 'at', local: '2021-07-20T17:00' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });
});

describe('reminder schedules', () => {
  const round = (period: PeriodSpec, reminderMinutes = 120, status: Round['status'] = 'open') => ({ id: 'r', formId: 'f', period, reminderMinutes, status });

  test('a one-off round is reminded two hours before its deadline by default', () => {
    expect(roundSchedules(round({ kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' }))).toEqual([
      { id: 'summary-r', job: 'summary', roundId: 'r', formId: 'f', expression: { kind: 'at', local: '2021-07-20T17:00' }, timeZone: 'Asia/Ho_Chi_Minh' },
      { id: 'reminder-r', job: 'reminder', roundId: 'r', formId: 'f', expression: { kind: 'at', local: '2021-07-20T15:00' }, timeZone: 'Asia/Ho_Chi_Minh' },
    ]);
  });

  test('a deadline at midnight is reminded the evening before; a round can change the lead time or turn reminders off; a closed round has none', () => {
    expect(roundSchedules(round({ kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' }, 180))[1]!.expression).toEqual({
      kind: 'at',
      local: '2022-01-07T21:00',
    });
    expect(roundSchedules(round({ kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' }, 0))).toHaveLength(1);
    expect(roundSchedules(round({ kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' }, 120, 'closed'))).toEqual([]);
  });

  test('a daily round is reminded each day; an early deadline moves the round a day back', () => {
    expect(roundSchedules(round({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' }))[1]!.expression).toEqual({
      kind: 'daily',
      hour: 16,
      minute: 0,
      from: '2021-10-01',
      to: '2021-10-31',
    });
    expect(roundSchedules(round({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '01:30' }))[1]!.expression).toEqual({
      kind: 'daily',
      hour: 23,
      minute: 30,
      from: '2021-09-30',
      to: '2021-10-30',
    });
  });
});
