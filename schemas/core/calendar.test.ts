import { describe, expect, test } from 'vitest';
import { currentPeriod, dateOf, deadlineOf, duePeriods, instantOf, localTimeOf, shiftLocal } from './calendar.ts';
import { formatDateTime } from './format.ts';

const daily = { kind: 'daily' as const, from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' };
const once = { kind: 'once' as const, period: '2021-07-20', deadline: '2021-07-20T17:00' };

describe('the Vietnam calendar', () => {
  test('17:00 on 20/07/2021 in Vietnam is 10:00 UTC, and back', () => {
    expect(instantOf('2021-07-20T17:00').toISOString()).toBe('2021-07-20T10:00:00.000Z');
    expect(instantOf('2021-07-20T23:59:59').toISOString()).toBe('2021-07-20T16:59:59.000Z');
    expect(localTimeOf(new Date('2021-07-20T10:00:00Z'))).toBe('2021-07-20T17:00');
  });

  test('a daily form is due at its time on each day of the round', () => {
    expect(deadlineOf(daily, '2021-10-05').toISOString()).toBe('2021-10-05T11:00:00.000Z');
    expect(deadlineOf(once, '2021-07-20').toISOString()).toBe('2021-07-20T10:00:00.000Z');
  });

  test('the Vietnam date turns at 17:00 UTC', () => {
    expect(dateOf(new Date('2021-07-20T16:59:00Z'))).toBe('2021-07-20');
    expect(dateOf(new Date('2021-07-20T17:00:00Z'))).toBe('2021-07-21');
  });

  test('shifting crosses midnight and month ends as wall-clock time', () => {
    expect(shiftLocal('2021-07-20T17:00', -120)).toBe('2021-07-20T15:00');
    expect(shiftLocal('2021-11-01T01:00', -120)).toBe('2021-10-31T23:00');
    expect(shiftLocal('2021-12-31T23:30', 60)).toBe('2022-01-01T00:30');
  });

  test('the current period is today inside a daily round, its first or last day outside it', () => {
    expect(currentPeriod(daily, new Date('2021-10-05T16:59:00Z'))).toBe('2021-10-05');
    expect(currentPeriod(daily, new Date('2021-10-05T17:00:00Z'))).toBe('2021-10-06');
    expect(currentPeriod(daily, new Date('2021-09-01T00:00:00Z'))).toBe('2021-10-01');
    expect(currentPeriod(daily, new Date('2021-12-01T00:00:00Z'))).toBe('2021-10-31');
    expect(currentPeriod(once, new Date('2030-01-01T00:00:00Z'))).toBe('2021-07-20');
  });

  test('due periods are the days so far, or the first before the round starts', () => {
    expect(duePeriods(daily, new Date('2021-10-03T05:00:00Z'))).toEqual(['2021-10-01', '2021-10-02', '2021-10-03']);
    expect(duePeriods(daily, new Date('2021-09-03T05:00:00Z'))).toEqual(['2021-10-01']);
    expect(duePeriods(daily, new Date('2022-01-01T05:00:00Z'))).toHaveLength(31);
  });

  test('instants are shown as Vietnam wall-clock time', () => {
    expect(formatDateTime('2021-07-20T10:00:00Z')).toBe('17:00 20/07/2021');
    expect(formatDateTime(new Date('2021-07-20T17:05:00Z'))).toBe('00:05 21/07/2021');
  });

  test('a malformed wall-clock time is refused', () => {
    expect(() => instantOf('20/07/2021 17:00')).toThrow(/not a local date-time/);
  });
});
