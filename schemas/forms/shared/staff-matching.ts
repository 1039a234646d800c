/**
 * The 971 summary's proposed matching of offered staff to needs, per
 * profession: each offering province's staff go to the province in the nearest
 * region first (regions ordered north to south, `schemas/data/vung-kinh-te.json`),
 * then to the largest remaining need. Larger offers are placed first; ties go
 * by province code so the proposal is the same every time.
 */
import regions from '../../data/vung-kinh-te.json' with { type: 'json' };
import type { Cell } from '../../core/form.ts';
import { tableOf } from '../../core/summary-kit.ts';

export interface Party {
  code: string;
  name: string;
  region: string;
  count: number;
}

export interface Transfer {
  from: Party['code'];
  to: Party['code'];
  count: number;
  distance: number;
}

const order = new Map(regions.map((r) => [r.name, r.order]));

/** Steps between two regions; an unknown region counts as farthest. */
export function regionDistance(a: string, b: string): number {
  const x = order.get(a);
  const y = order.get(b);
  return x === undefined || y === undefined ? regions.length : Math.abs(x - y);
}

/**
 * @example matchStaff([{ code: '01', name: 'Hà Nội', region: 'Đồng bằng sông Hồng', count: 50 }], [{ code: '79', ... count: 80 }])
 * // { transfers: [{ from: '01', to: '79', count: 50, distance: 3 }], unmetNeed: { '79': 30 }, unusedOffer: {} }
 */
export function matchStaff(offers: Party[], needs: Party[]) {
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

/**
 * The summary's two tables of the matching, one profession after another: the
 * proposed transfers (with their total) and what is left unmatched.
 */
export function matchingTables(professions: Array<{ profession: string; offers: Party[]; needs: Party[] }>) {
  const party = new Map(professions.flatMap((p) => [...p.offers, ...p.needs]).map((x) => [x.code, x]));
  const transfers: Array<Record<string, Cell>> = [];
  const unmet: Array<Record<string, Cell>> = [];
  const unused: Array<Record<string, Cell>> = [];
  for (const { profession, offers, needs } of professions) {
    const { transfers: moves, unmetNeed, unusedOffer } = matchStaff(offers, needs);
    for (const t of moves) {
      const [from, to] = [party.get(t.from)!, party.get(t.to)!];
      transfers.push({ profession, from: from.name, fromRegion: from.region, to: to.name, toRegion: to.region, count: t.count });
    }
    const leftover = (rest: Record<string, number>, kind: string) =>
      Object.entries(rest).map(([code, count]) => ({ kind, profession, name: party.get(code)!.name, count }));
    unmet.push(...leftover(unmetNeed, 'Nhu cầu chưa được đáp ứng'));
    unused.push(...leftover(unusedOffer, 'Khả năng hỗ trợ chưa sử dụng'));
  }
  const matching = tableOf({
    id: 'matching',
    title: 'Đề xuất điều phối nhân lực (ưu tiên vùng gần nhất, rồi nhu cầu lớn nhất)',
    rows: transfers,
    columns: { profession: 'Chuyên môn', from: ['Tỉnh hỗ trợ', 'text'], fromRegion: ['Vùng', 'text'], to: ['Tỉnh nhận', 'text'], toRegion: ['Vùng nhận', 'text'], count: 'Số người' },
    total: 'Tổng cộng',
  });
  const unmatched = tableOf({
    id: 'unmatched',
    title: 'Chưa ghép được',
    rows: [...unmet, ...unused],
    columns: { kind: ['Loại', 'text'], profession: ['Chuyên môn', 'text'], name: ['Tỉnh, thành phố', 'text'], count: 'Số người' },
  });
  return { matching, unmatched, matched: matching.total!.count as number };
}
