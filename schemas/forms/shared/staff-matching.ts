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

/** A need as it stood when queued: stale once its remaining count has changed. */
interface Queued {
  code: string;
  remaining: number;
}

/** Larger remaining need first, then province code: the order among needs at one distance. */
const before = (a: Queued, b: Queued) => b.remaining - a.remaining || a.code.localeCompare(b.code);

/** A binary heap of queued needs, best first by `before`. */
class NeedQueue {
  private readonly items: Queued[] = [];

  push(item: Queued) {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (before(items[i]!, items[up]!) >= 0) break;
      [items[i], items[up]] = [items[up]!, items[i]!];
      i = up;
    }
  }

  /** The best entry still current, dropping stale ones on the way. */
  peek(remaining: ReadonlyMap<string, number>): Queued | undefined {
    while (this.items.length > 0 && remaining.get(this.items[0]!.code) !== this.items[0]!.remaining) this.pop();
    return this.items[0];
  }

  private pop() {
    const items = this.items;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let best = i;
      if (l < items.length && before(items[l]!, items[best]!) < 0) best = l;
      if (r < items.length && before(items[r]!, items[best]!) < 0) best = r;
      if (best === i) return;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
  }
}

/**
 * Each donor takes the nearest region's largest remaining need, as long as it
 * has staff left. Needs are queued per region (a handful), so one step costs
 * the regions plus a heap operation and a matching of n provinces O(n log n).
 * @example matchStaff([{ code: '01', name: 'Hà Nội', region: 'Đồng bằng sông Hồng', count: 50 }], [{ code: '79', ... count: 80 }])
 * // { transfers: [{ from: '01', to: '79', count: 50, distance: 3 }], unmetNeed: { '79': 30 }, unusedOffer: {} }
 */
export function matchStaff(offers: Party[], needs: Party[]) {
  const remaining = new Map(needs.filter((n) => n.count > 0).map((n) => [n.code, n.count]));
  // Every unknown region is equally far from everything, so they share one queue.
  const UNKNOWN = '';
  const queues = new Map<string, NeedQueue>();
  const queuesOf = new Map<string, Set<string>>();
  for (const need of needs) {
    const count = remaining.get(need.code);
    if (count === undefined) continue;
    const region = order.has(need.region) ? need.region : UNKNOWN;
    const codes = queuesOf.get(need.code) ?? queuesOf.set(need.code, new Set()).get(need.code)!;
    if (codes.has(region)) continue;
    codes.add(region);
    const queue = queues.get(region) ?? queues.set(region, new NeedQueue()).get(region)!;
    queue.push({ code: need.code, remaining: count });
  }
  const distanceTo = (from: string, region: string) => (region === UNKNOWN ? regions.length : regionDistance(from, region));

  const transfers: Transfer[] = [];
  const unusedOffer: Record<string, number> = {};
  const donors = offers.filter((o) => o.count > 0).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  for (const donor of donors) {
    let left = donor.count;
    while (left > 0) {
      let target: Queued | undefined;
      let distance = Infinity;
      for (const [region, queue] of queues) {
        const head = queue.peek(remaining);
        if (!head) continue;
        const d = distanceTo(donor.region, region);
        if (d < distance || (d === distance && before(head, target!) < 0)) [target, distance] = [head, d];
      }
      if (!target) break;
      const count = Math.min(left, target.remaining);
      transfers.push({ from: donor.code, to: target.code, count, distance });
      const rest = target.remaining - count;
      remaining.set(target.code, rest);
      if (rest > 0) for (const region of queuesOf.get(target.code)!) queues.get(region)!.push({ code: target.code, remaining: rest });
      left -= count;
    }
    if (left > 0) unusedOffer[donor.code] = left;
  }
  const unmetNeed = Object.fromEntries([...remaining].filter(([, n]) => n > 0));
  return { transfers, unmetNeed, unusedOffer };
}

/**
 * The summary's two tables of the matching, one profession after another: the
 * proposed transfers (with their total) and what is left unmatched; and the
 * people matched and the need left unmet, in total.
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
    sheet: 'Đề xuất điều phối',
    emailTop: 'count',
    rows: transfers,
    columns: { profession: 'Chuyên môn', from: ['Tỉnh hỗ trợ', 'text'], fromRegion: ['Vùng', 'text'], to: ['Tỉnh nhận', 'text'], toRegion: ['Vùng nhận', 'text'], count: 'Số người' },
    total: 'Tổng cộng',
  });
  const unmatched = tableOf({
    id: 'unmatched',
    title: 'Chưa ghép được',
    emailTop: 'count',
    rows: [...unmet, ...unused],
    columns: { kind: ['Loại', 'text'], profession: ['Chuyên môn', 'text'], name: ['Tỉnh, thành phố', 'text'], count: 'Số người' },
  });
  const unmetTotal = unmet.reduce((total, row) => total + (row.count as number), 0);
  return { matching, unmatched, matched: matching.total!.count as number, unmet: unmetTotal };
}
