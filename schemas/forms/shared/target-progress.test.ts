import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '../../core/org-unit.ts';
import { assess, progressTable } from './target-progress.ts';

const unit = (code: string, name: string): OrgUnit => ({ code, name, kind: 'district', parent: '70' }) as OrgUnit;

describe('a target against its date', () => {
  test('open target: the pace needed, the last week’s pace and the date it leads to', () => {
    // 23 days left; 3.000 people: 131 a day needed; 700 in 7 days is 100 a day → 30 days.
    expect(assess('2022-01-08', '2022-01-31', { target: 6_000, vaccinated: 3_000, lastWeek: 700 })).toEqual({
      remaining: 3000,
      needed: 131,
      current: 100,
      projected: '2022-02-07',
      status: 'Chậm tiến độ',
    });
    expect(assess('2022-01-08', '2022-01-31', { target: 1_000, vaccinated: 900, lastWeek: 140 })).toMatchObject({ projected: '2022-01-13', status: 'Kịp tiến độ' });
  });

  test('reached, past its date, and without the weekly figure are told apart', () => {
    expect(assess('2022-01-08', '2021-12-31', { target: 100, vaccinated: 120 })).toMatchObject({ remaining: 0, needed: 0, projected: '2022-01-08', status: 'Đã đạt' });
    expect(assess('2022-01-08', '2021-12-31', { target: 100, vaccinated: 90, lastWeek: 70 })).toMatchObject({ needed: null, status: 'Chậm tiến độ (đã quá thời hạn)' });
    expect(assess('2022-01-08', '2022-03-31', { target: 100, vaccinated: 90 })).toMatchObject({ current: null, projected: null, status: 'Thiếu số liệu 7 ngày' });
    // A week with nobody vaccinated leads nowhere.
    expect(assess('2022-01-08', '2022-03-31', { target: 100, vaccinated: 90, lastWeek: 0 })).toMatchObject({ projected: null, status: 'Chậm tiến độ' });
  });
});

describe('the progress table', () => {
  const targets = [{ key: 'a', label: 'Mục tiêu A', due: '2022-01-31' }] as const;
  const table = (data: Array<{ a?: { target: number; vaccinated: number; lastWeek?: number } }>) =>
    progressTable('2022-01-08', targets, data.map((d, i) => ({ unit: unit(`69${i}`, `H${i}`), data: d })), 'Toàn tỉnh');

  test('the province line first, adding the units up, then each unit that answered', () => {
    const t = table([{ a: { target: 1_000, vaccinated: 900, lastWeek: 70 } }, {}, { a: { target: 500, vaccinated: 100, lastWeek: 140 } }]);
    expect(t.rows.map((r) => [r.unit, r.remaining, r.current, r.projected])).toEqual([
      ['Toàn tỉnh', 500, 30, '25/01/2022'],
      ['H0', 100, 10, '18/01/2022'],
      ['H2', 400, 20, '28/01/2022'],
    ]);
    expect(t.columns.map((c) => c.kind)).toEqual(['text', 'text', 'text', 'integer', 'integer', 'integer', 'text', 'text']);
  });

  test('the province is projected only when every unit gave its weekly figure; no answers, no line', () => {
    const t = table([{ a: { target: 1_000, vaccinated: 900, lastWeek: 70 } }, { a: { target: 500, vaccinated: 100 } }]);
    expect(t.rows[0]).toMatchObject({ unit: 'Toàn tỉnh', current: null, projected: '—', status: 'Thiếu số liệu 7 ngày' });
    expect(table([{}, {}]).rows).toEqual([]);
  });
});
