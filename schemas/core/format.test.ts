import { describe, expect, test } from 'vitest';
import { formatDateTime, formatDuration, formatInteger, parseIntegerInput } from './format.ts';

describe('vi-VN formatting', () => {
  test('groups thousands with dots', () => {
    expect(formatInteger(1234567)).toBe('1.234.567');
    expect(formatInteger(-9914)).toBe('-9.914');
  });

  test('shows instants as Vietnam wall-clock time', () => {
    expect(formatDateTime('2021-07-20T10:00:00Z')).toBe('17:00 20/07/2021');
    expect(formatDateTime('2021-07-20T17:30:00Z')).toBe('00:30 21/07/2021');
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
