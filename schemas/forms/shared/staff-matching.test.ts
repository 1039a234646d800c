import { describe, expect, test } from 'vitest';
import { matchStaff, regionDistance } from './staff-matching.ts';

const p = (code: string, region: string, count: number) => ({ code, name: code, region, count });
const DBSH = 'Đồng bằng sông Hồng';
const BTB = 'Bắc Trung Bộ và Duyên hải miền Trung';
const TN = 'Tây Nguyên';
const DNB = 'Đông Nam Bộ';
const DBSCL = 'Đồng bằng sông Cửu Long';

describe('matching offered staff to needs', () => {
  test('regions are ordered north to south', () => {
    expect(regionDistance(DBSH, DNB)).toBe(3);
    expect(regionDistance(TN, DNB)).toBe(1);
    expect(regionDistance('không rõ', DNB)).toBe(6);
  });

  test('nearest region first, then the largest remaining need; larger offers placed first', () => {
    const result = matchStaff(
      [p('48', BTB, 30), p('01', DBSH, 50), p('68', TN, 10)],
      [p('79', DNB, 60), p('92', DBSCL, 40), p('70', DNB, 20)],
    );
    expect(result.transfers).toEqual([
      { from: '01', to: '79', count: 50, distance: 3 },
      { from: '48', to: '70', count: 20, distance: 2 },
      { from: '48', to: '79', count: 10, distance: 2 },
      { from: '68', to: '92', count: 10, distance: 2 },
    ]);
    expect(result.unmetNeed).toEqual({ '92': 30 });
    expect(result.unusedOffer).toEqual({});
  });

  test('more offered than needed leaves the rest with the donors', () => {
    const result = matchStaff([p('01', DBSH, 5), p('02', DBSH, 7)], [p('79', DNB, 8), p('80', DBSCL, 0)]);
    expect(result.transfers.reduce((s, t) => s + t.count, 0)).toBe(8);
    expect(result.unusedOffer).toEqual({ '01': 4 });
    expect(result.unmetNeed).toEqual({});
  });
});
