import { describe, expect, test } from 'vitest';
import { formatDateTime, formatDuration, formatInteger, formatPeriod, parseIntegerInput } from './format.ts';
import { formatDeadline } from './format-deadline.ts';

describe('vi-VN formatting', () => {
  test('groups thousands with dots', () => {
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatInteger(-9914)).toBe('-9.914');
  });

  test('shows instants as Vietnam wall-clock time', () => {
    expect(formatDateTime('2021-07-20T10:00:00Z')).toBe('17:00 20/07/2021');
    expect(formatDateTime('2021-07-20T17:30:00Z')).toBe('00:30 21/07/2021');
  });

  test('a midnight deadline reads as the end of the day before, in Vietnam time; any other as hours and date', () => {
    // 00:00 on 08/01/2022 in Vietnam is 17:00 UTC on 07/01.
    expect(formatDeadline('2022-01-07T17:00:00Z')).toBe('hết ngày 07/01/2022 (trước 00:00 ngày 08/01/2022)');
    // Across a month and a year.
    expect(formatDeadline('2021-07-31T17:00:00Z')).toBe('hết ngày 31/07/2021 (trước 00:00 ngày 01/08/2021)');
    expect(formatDeadline('2021-12-31T17:00:00Z')).toBe('hết ngày 31/12/2021 (trước 00:00 ngày 01/01/2022)');
    expect(formatDeadline('2021-07-20T10:00:00Z')).toBe('17:00 20/07/2021');
    // Midnight UTC is 07:00 in Vietnam: not a midnight deadline.
    expect(formatDeadline('2022-01-08T00:00:00Z')).toBe('07:00 08/01/2022');
  });

  test('periods as a person reads them', () => {
    expect(formatPeriod('2021-07-20')).toBe('20/07/2021');
    expect(formatPeriod('dot-2')).toBe('dot-2');
  });

  test('says durations in Vietnamese words', () => {
    expect(formatDuration(0)).toBe('0 phút');
    expect(formatDuration(125)).toBe('2 giờ 5 phút');
    expect(formatDuration(1440 + 60)).toBe('1 ngày 1 giờ');
  });

  test('reads counts typed with vi-VN grouping, and rejects anything else', () => {
    expect(parseIntegerInput('1.234')).toBe(1234);
    expect(parseIntegerInput(' 12 000 ')).toBe(12000);
    expect(parseIntegerInput('')).toBeUndefined();
    expect(parseIntegerInput('12a')).toBeNaN();
    expect(parseIntegerInput('1,5')).toBeNaN();
  });
});
