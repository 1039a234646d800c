import { describe, expect, test } from 'vitest';
import { matchStaff, regionDistance, type Party, type Transfer } from './staff-matching.ts';

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

/** The first, quadratic matching (re-sorts every remaining need at each step): the meaning the fast one must keep. */
function matchStaffReference(offers: Party[], needs: Party[]) {
  const remaining = new Map(needs.filter((n) => n.count > 0).map((n) => [n.code, n.count]));
  const transfers: Transfer[] = [];
  const unusedOffer: Record<string, number> = {};
  const donors = offers.filter((o) => o.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  for (const donor of donors) {
    let left = donor.count;
    while (left > 0) {
      const candidates = needs.filter((n) => (remaining.get(n.code) ?? 0) > 0);
      if (candidates.length === 0) break;
      candidates.sort(
        (a, b) =>
          regionDistance(donor.region, a.region) - regionDistance(donor.region, b.region) ||
          remaining.get(b.code)! - remaining.get(a.code)! ||
          a.code.localeCompare(b.code),
      );
      const target = candidates[0]!;
      const count = Math.min(left, remaining.get(target.code)!);
      transfers.push({ from: donor.code, to: target.code, count, distance: regionDistance(donor.region, target.region) });
      remaining.set(target.code, remaining.get(target.code)! - count);
      left -= count;
    }
    if (left > 0) unusedOffer[donor.code] = left;
  }
  const unmetNeed = Object.fromEntries([...remaining].filter(([, n]) => n > 0));
  return { transfers, unmetNeed, unusedOffer };
}

describe('the O(n log n) matching gives what the quadratic one gave', () => {
  // mulberry32 with a fixed seed: a failure names its case and reproduces.
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const REGIONS = [DBSH, BTB, TN, DNB, DBSCL, 'Trung du và miền núi phía Bắc', 'không rõ', 'khác'];

  test('on 500 random cases: few or many provinces, shared codes and regions, equal counts, zeros and unknown regions', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = rng(seed);
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      // Few codes and small counts make ties and repeated codes common.
      const codes = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => String(i + 1).padStart(2, '0'));
      const parties = (n: number) => Array.from({ length: n }, () => p(pick(codes), pick(REGIONS), Math.floor(random() * 4) === 0 ? 0 : 1 + Math.floor(random() * (random() < 0.5 ? 5 : 200))));
      const offers = parties(Math.floor(random() * 30));
      const needs = parties(Math.floor(random() * 30));
      expect(matchStaff(offers, needs), `seed ${seed}`).toEqual(matchStaffReference(offers, needs));
    }
  });
});
