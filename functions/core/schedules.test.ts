import { describe, expect, test } from 'vitest';
import { loadForms } from '#schemas/registry.ts';
import { listSchedules } from './schedules.ts';

describe('schedules from the registry', () => {
  test('971 gets one summary at its deadline, in Vietnam time', async () => {
    const registry = await loadForms();
    expect(listSchedules(registry.list())).toContainEqual({
      id: 'summary-971-nhan-luc-y-te',
      job: 'summary',
      formId: '971-nhan-luc-y-te',
      expression: { kind: 'at', local: '2021-07-20T17:00' },
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

});

describe('reminder schedules', () => {
  const form = (period: import('#schemas/core/period.ts').PeriodSpec, reminderHoursBefore?: number) =>
    ({ id: 'f', period, ...(reminderHoursBefore === undefined ? {} : { reminderHoursBefore }) }) as unknown as import('#schemas/core/form.ts').AnyForm;

  test('a one-off form is reminded two hours before its deadline by default', () => {
    expect(listSchedules([form({ kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' })])).toEqual([
      { id: 'summary-f', job: 'summary', formId: 'f', expression: { kind: 'at', local: '2021-07-20T17:00' }, timeZone: 'Asia/Ho_Chi_Minh' },
      { id: 'reminder-f', job: 'reminder', formId: 'f', expression: { kind: 'at', local: '2021-07-20T15:00' }, timeZone: 'Asia/Ho_Chi_Minh' },
    ]);
  });

  test('a deadline at midnight is reminded the evening before; a form can change the lead time or turn reminders off', () => {
    expect(listSchedules([form({ kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' }, 3)])[1]!.expression).toEqual({
      kind: 'at',
      local: '2022-01-07T21:00',
    });
    expect(listSchedules([form({ kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' }, 0)])).toHaveLength(1);
  });

  test('a daily form is reminded each day of its round; an early deadline moves the round a day back', () => {
    expect(listSchedules([form({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' })])[1]!.expression).toEqual({
      kind: 'daily',
      hour: 16,
      minute: 0,
      from: '2021-10-01',
      to: '2021-10-31',
    });
    expect(listSchedules([form({ kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '01:30' })])[1]!.expression).toEqual({
      kind: 'daily',
      hour: 23,
      minute: 30,
      from: '2021-09-30',
      to: '2021-10-30',
    });
  });
});
