import { describe, expect, test } from 'vitest';
import { coverageMarks, labelEvery, linear, niceTicks, runs } from './chart.ts';
import { formatCell, formatPercent, periodLabel, shortDate, statusText } from './format.ts';

describe('dashboard formatting', () => {
  test('numbers, percentages and periods the vi-VN way', () => {
    expect(formatPercent(42.5)).toBe('42,5\u00a0%');
    expect(formatPercent(100)).toBe('100,0\u00a0%');
    expect(formatCell(14213, 'integer')).toBe('14.213');
    expect(formatCell(93.46, 'percent')).toBe('93,5\u00a0%');
    expect(formatCell(2.25, 'integer')).toBe('2,3');
    // No figure is a dash, never an empty cell that reads as nothing to say, nor a 0.
    expect(formatCell(null, 'integer')).toBe('—');
    expect(formatCell('Bác sỹ', 'text')).toBe('Bác sỹ');
    expect(periodLabel('2021-07-20')).toBe('20/07/2021');
    expect(periodLabel('2021-W29')).toBe('2021-W29');
    expect(shortDate('2021-10-03')).toBe('03/10');
    expect(shortDate('03/10')).toBe('03/10');
  });

  test('a status is always in words', () => {
    expect(statusText({ status: 'on-time' })).toBe('Đúng hạn');
    expect(statusText({ status: 'late', lateByMinutes: 125 })).toBe('Muộn 2 giờ 5 phút');
    expect(statusText({ status: 'late' })).toBe('Muộn');
    expect(statusText({ status: 'missing' })).toBe('Chưa báo cáo');
    expect(statusText(undefined)).toBe('Chưa báo cáo');
  });
});

describe('chart geometry', () => {
  test('round ticks that cover the values', () => {
    expect(niceTicks(0, 937)).toEqual([0, 250, 500, 750, 1000]);
    expect(niceTicks(0, 38_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(-5, 12)).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  test('a missing value breaks the line', () => {
    expect(runs([1, 2, null, 4])).toEqual([
      [
        { index: 0, value: 1 },
        { index: 1, value: 2 },
      ],
      [{ index: 3, value: 4 }],
    ]);
    expect(runs([null, null])).toEqual([]);
    // A day alone between two gaps is a run of its own (the chart draws it as a dot), never joined across the gaps.
    expect(runs([5, null, 6, null, null, 7, 8])).toEqual([[{ index: 0, value: 5 }], [{ index: 2, value: 6 }], [{ index: 5, value: 7 }, { index: 6, value: 8 }]]);
  });

  test('each day says how many reported, and whether that is fewer than due', () => {
    expect(coverageMarks([{ reported: 11, expected: 11 }, { reported: 1, expected: 11 }, { reported: 0, expected: 11 }], 3)).toEqual([
      { text: '11/11', incomplete: false },
      { text: '1/11', incomplete: true },
      { text: '0/11', incomplete: true },
    ]);
    // No coverage, or one that does not match the x axis: nothing is marked.
    expect(coverageMarks(undefined, 3)).toBeUndefined();
    expect(coverageMarks([{ reported: 1, expected: 11 }], 3)).toBeUndefined();
  });

  test('labels thin out, scales map linearly', () => {
    expect(labelEvery(31, 12)).toBe(3);
    expect(labelEvery(3, 12)).toBe(1);
    expect(linear(0, 10, 100, 0)(5)).toBe(50);
    expect(linear(3, 3, 0, 10)(3)).toBe(5);
  });
});
