/**
 * Progress of vaccination targets against their dates (347's point 2): the daily
 * pace needed, the pace of the last 7 days, the date that pace leads to, and a
 * verdict an official can act on. Pure, so it is tested apart from the form.
 */
import type { Cell, SummaryTable } from '../../core/form.ts';
import { formatDate } from '../../core/format.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import { addDays, daysBetween } from '../../core/period.ts';
import { tableOf } from '../../core/summary-kit.ts';

export interface Target<K extends string = string> {
  key: K;
  label: string;
  /** The last day, `YYYY-MM-DD`. */
  due: string;
}

/** One unit's (or the province's) figures for one target; `lastWeek` is optional since version 2 added it. */
export interface Progress {
  target: number;
  vaccinated: number;
  lastWeek?: number | undefined;
}

export interface Assessment {
  remaining: number;
  /** People a day to meet the date; null once it has passed with people left. */
  needed: number | null;
  /** The last week's exact pace, people a day; null without the weekly figure. */
  current: number | null;
  /** The day the current pace reaches the target; null when there is no pace. */
  projected: string | null;
  status: 'Đã đạt' | 'Chậm tiến độ (đã quá thời hạn)' | 'Thiếu số liệu 7 ngày' | 'Chậm tiến độ' | 'Kịp tiến độ';
}

export function assess(asOf: string, due: string, s: Progress): Assessment {
  const remaining = Math.max(0, s.target - s.vaccinated);
  const daysLeft = daysBetween(asOf, due);
  const current = s.lastWeek === undefined ? null : s.lastWeek / 7;
  const needed = remaining === 0 ? 0 : daysLeft > 0 ? Math.ceil(remaining / daysLeft) : null;
  const projected = remaining === 0 ? asOf : current ? addDays(asOf, Math.ceil(remaining / current)) : null;
  let status: Assessment['status'];
  if (remaining === 0) status = 'Đã đạt';
  else if (daysLeft <= 0) status = 'Chậm tiến độ (đã quá thời hạn)';
  else if (current === null) status = 'Thiếu số liệu 7 ngày';
  else if (!projected || projected > due) status = 'Chậm tiến độ';
  else status = 'Kịp tiến độ';
  return { remaining, needed, current, projected, status };
}

/**
 * Each target as of the report date: first the province (the units added up; it is
 * projected only when every unit gave its weekly figure), then unit by unit.
 */
export function progressTable<K extends string>(
  asOf: string,
  targets: ReadonlyArray<Target<K>>,
  units: ReadonlyArray<{ unit: OrgUnit; data: Partial<Record<K, Progress | undefined>> }>,
  province: string,
): SummaryTable {
  const rows: Array<Record<string, Cell>> = [];
  const row = (name: string, t: Target<K>, s: Progress) => {
    const a = assess(asOf, t.due, s);
    return {
      unit: name,
      target: t.label,
      due: formatDate(t.due),
      remaining: a.remaining,
      needed: a.needed,
      // Shown in whole people a day; the projection uses the exact pace.
      current: a.current === null ? null : Math.round(a.current),
      projected: a.projected ? formatDate(a.projected) : '—',
      status: a.status,
    };
  };
  for (const t of targets) {
    const sections = units.flatMap((u) => (u.data[t.key] ? [u.data[t.key]!] : []));
    if (sections.length === 0) continue;
    const sum = (f: (x: Progress) => number | undefined) => sections.reduce((a, x) => a + (f(x) ?? 0), 0);
    const allPaced = sections.every((x) => x.lastWeek !== undefined);
    rows.push(row(province, t, { target: sum((x) => x.target), vaccinated: sum((x) => x.vaccinated), ...(allPaced ? { lastWeek: sum((x) => x.lastWeek) } : {}) }));
  }
  for (const { unit, data } of units) for (const t of targets) if (data[t.key]) rows.push(row(unit.name, t, data[t.key]!));
  return tableOf({
    id: 'progress',
    title: `Tiến độ so với mục tiêu, tính đến ${formatDate(asOf)}`,
    sheet: 'Tiến độ so với mục tiêu',
    rows,
    columns: {
      unit: ['Đơn vị', 'text'],
      target: ['Mục tiêu', 'text'],
      due: ['Thời hạn', 'text'],
      remaining: 'Số người còn phải tiêm',
      needed: 'Tốc độ cần (người/ngày)',
      current: 'Tốc độ hiện tại (người/ngày, 7 ngày qua)',
      projected: ['Dự kiến hoàn thành', 'text'],
      status: ['Đánh giá', 'text'],
    },
  });
}
