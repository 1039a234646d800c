import { describe, expect, test } from 'vitest';
import { deadlineOf, vietnamDate, vietnamTimeToInstant } from './deadlines.ts';

describe('deadlines in Vietnam time', () => {
  test('17:00 on 20/07/2021 in Vietnam is 10:00 UTC', () => {
    expect(vietnamTimeToInstant('2021-07-20T17:00').toISOString()).toBe('2021-07-20T10:00:00.000Z');
  });

  test('a daily form is due at its time on each day of the round', () => {
    const spec = { kind: 'daily' as const, from: '2021-10-01', to: '2021-10-10', deadlineTime: '18:00' };
    expect(deadlineOf(spec, '2021-10-05').toISOString()).toBe('2021-10-05T11:00:00.000Z');
  });

  test('the Vietnam date turns at 17:00 UTC', () => {
    expect(vietnamDate(new Date('2021-07-20T16:59:00Z'))).toBe('2021-07-20');
    expect(vietnamDate(new Date('2021-07-20T17:00:00Z'))).toBe('2021-07-21');
  });

  test('a malformed wall-clock time is refused', () => {
    expect(() => vietnamTimeToInstant('20/07/2021 17:00')).toThrow(/not a local date-time/);
  });
});
