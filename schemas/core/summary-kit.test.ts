import { describe, expect, test } from 'vitest';
import * as z from './zod.ts';
import { count, section, yesNo } from './fields.ts';
import type { SummaryInput } from './form.ts';
import type { OrgUnit } from './org-unit.ts';
import { countTable, crossTab, daily, figures, groupTable, percent, tableOf, unitTable } from './summary-kit.ts';

const unit = (code: string, region?: string, parent = 'VN'): OrgUnit => ({ code, name: `Tỉnh ${code}`, kind: 'province', parent, ...(region ? { region } : {}) });
const [A, B, C] = [unit('79', 'Đông Nam Bộ'), unit('01', 'Đồng bằng sông Hồng'), unit('02', 'Trung du và miền núi phía Bắc')];

describe('tableOf', () => {
  test('sums counts, leaves text empty, recomputes a percent from the totals, infers kinds', () => {
    const t = tableOf({
      id: 't',
      title: 'Bảng',
      rows: [
        { name: 'X', done: 1, target: 4 },
        { name: 'Y', done: 2, target: 0 },
      ],
      columns: { name: 'Tên', done: 'Đã tiêm', target: 'Mục tiêu', rate: { label: 'Tỷ lệ', percent: ['done', 'target'] }, note: ['Ghi chú', 'text'] },
      total: 'Tổng cộng',
    });
    expect(t).toEqual({
      id: 't',
      title: { vi: 'Bảng' },
      columns: [
        { key: 'name', label: { vi: 'Tên' }, kind: 'text' },
        { key: 'done', label: { vi: 'Đã tiêm' }, kind: 'integer' },
        { key: 'target', label: { vi: 'Mục tiêu' }, kind: 'integer' },
        { key: 'rate', label: { vi: 'Tỷ lệ' }, kind: 'percent' },
        { key: 'note', label: { vi: 'Ghi chú' }, kind: 'text' },
      ],
      rows: [
        { name: 'X', done: 1, target: 4, rate: 25, note: null },
        { name: 'Y', done: 2, target: 0, rate: null, note: null },
      ],
      total: { name: 'Tổng cộng', done: 3, target: 4, rate: 75, note: '' },
    });
  });
});

const input = (over: Partial<SummaryInput<{ n: number; s?: { m: number } }>>): SummaryInput<{ n: number; s?: { m: number } }> => ({
  period: '2021-07-20',
  reporters: [A, B, C],
  earlier: [],
  reports: [
    { unit: A, data: { n: 5, s: { m: 1 } }, timeliness: 'late' },
    { unit: B, data: { n: 3 }, timeliness: 'on-time' },
  ],
  ...over,
});

describe('unitTable', () => {
  test('reported units only: by code, status in the platform words, total label under the name', () => {
    const t = unitTable(input({}), { id: 'u', title: 'Theo tỉnh', columns: { n: 'Số', region: { label: 'Vùng', kind: 'text', value: (_, u) => u.region ?? '' } }, total: 'Tổng cộng' });
    expect(t.columns.map((c) => [c.key, c.label.vi, c.kind])).toEqual([
      ['code', 'Mã', 'text'],
      ['name', 'Tỉnh, thành phố', 'text'],
      ['n', 'Số', 'integer'],
      ['region', 'Vùng', 'text'],
      ['timeliness', 'Thời hạn', 'text'],
    ]);
    expect(t.rows).toEqual([
      { code: '01', name: 'Tỉnh 01', n: 3, region: 'Đồng bằng sông Hồng', timeliness: 'Đúng hạn' },
      { code: '79', name: 'Tỉnh 79', n: 5, region: 'Đông Nam Bộ', timeliness: 'Muộn' },
    ]);
    expect(t.total).toEqual({ code: '', name: 'Tổng cộng', n: 8, region: '', timeliness: '' });
  });

  test('with missing: every unit, empty cells and "Chưa báo cáo" for the silent one, how many reported', () => {
    const t = unitTable(input({}), { id: 'u', title: 'Theo tỉnh', missing: true, columns: { n: ['Số', (d) => d.n], always: { label: 'Luôn', each: (u) => u.code.length } }, total: 'Cả nước' });
    expect(t.rows).toEqual([
      { code: '01', name: 'Tỉnh 01', n: 3, always: 2, status: 'Đúng hạn' },
      { code: '02', name: 'Tỉnh 02', n: null, always: 2, status: 'Chưa báo cáo' },
      { code: '79', name: 'Tỉnh 79', n: 5, always: 2, status: 'Muộn' },
    ]);
    expect(t.total).toEqual({ code: '', name: 'Cả nước', n: 8, always: 6, status: '2/3 đã báo cáo' });
    expect(t.columns.at(-1)).toEqual({ key: 'status', label: { vi: 'Tình trạng báo cáo' }, kind: 'text' });
  });
});

test('countTable: a column per count field of the schema, labelled from the form, hidden sections empty', () => {
  const schema = z.strictObject({
    yes: yesNo({ label: { vi: 'Có?', en: '' }, yes: { vi: 'Có', en: '' }, no: { vi: 'Không', en: '' } }),
    n: count({ label: { vi: 'Số ca', en: '' }, max: 10 }),
    s: z.optional(section({ label: { vi: 'Nhu cầu', en: '' } }, { m: count({ label: { vi: 'Bác sỹ', en: '' }, max: 10 }) })),
  });
  const t = countTable(schema, input({}));
  expect(t.columns.map((c) => [c.key, c.label.vi, c.kind])).toEqual([
    ['code', 'Mã', 'text'],
    ['name', 'Tỉnh, thành phố', 'text'],
    ['n', 'Số ca', 'integer'],
    ['s.m', 'Nhu cầu: Bác sỹ', 'integer'],
    ['status', 'Tình trạng báo cáo', 'text'],
  ]);
  expect(t.rows.map((r) => [r.code, r.n, r['s.m']])).toEqual([
    ['01', 3, null],
    ['02', null, null],
    ['79', 5, 1],
  ]);
  expect(t.total).toEqual({ code: '', name: 'Tổng cộng', n: 8, 's.m': 1, status: '2/3 đã báo cáo' });
});

test('groupTable by region: north to south, reported of expected, sums and percents per group', () => {
  const t = groupTable(input({ reporters: [A, B, C, unit('75', 'Đông Nam Bộ')] }), {
    id: 'g',
    title: 'Theo vùng',
    by: 'region',
    columns: { n: ['Số', (d) => d.n], m: ['Trong đó', (d) => d.s?.m ?? 0], share: { label: 'Tỷ lệ', percent: ['m', 'n'] } },
    total: 'Cả nước',
  });
  expect(t.rows).toEqual([
    { group: 'Trung du và miền núi phía Bắc', reported: 0, expected: 1, n: 0, m: 0, share: null },
    { group: 'Đồng bằng sông Hồng', reported: 1, expected: 1, n: 3, m: 0, share: 0 },
    { group: 'Đông Nam Bộ', reported: 1, expected: 2, n: 5, m: 1, share: 20 },
  ]);
  expect(t.total).toEqual({ group: 'Cả nước', reported: 2, expected: 4, n: 8, m: 1, share: 12.5 });
});

test('groupTable by parent names the parents it is told', () => {
  const t = groupTable(input({ reporters: [unit('688', undefined, '70'), unit('100', undefined, '01')], reports: [] }), {
    id: 'g', title: 'Theo tỉnh', by: 'parent', names: { '70': 'Bình Phước' }, columns: {},
  });
  expect(t.rows).toEqual([
    { group: '01', reported: 0, expected: 1 },
    { group: 'Bình Phước', reported: 0, expected: 1 },
  ]);
});

test('crossTab: rows × columns with a total column and a total row', () => {
  const grid: Record<string, Record<string, number>> = { d1: { young: 1, old: 2 }, d2: { young: 3, old: 4 } };
  const t = crossTab({
    id: 'x', title: 'Lưới', corner: ['dose', 'Mũi'],
    rows: [{ key: 'd1', label: 'Mũi 1' }, { key: 'd2', label: { vi: 'Mũi 2', en: 'Dose 2' } }],
    columns: [{ value: 'young', label: 'Trẻ' }, { value: 'old', label: 'Già' }],
    cell: (r, c) => grid[r]![c]!, rowTotal: 'Tổng', total: 'Tổng cộng',
  });
  expect(t.columns.map((c) => [c.key, c.label.vi, c.kind])).toEqual([['dose', 'Mũi', 'text'], ['young', 'Trẻ', 'integer'], ['old', 'Già', 'integer'], ['total', 'Tổng', 'integer']]);
  expect(t.rows).toEqual([{ dose: 'Mũi 1', young: 1, old: 2, total: 3 }, { dose: 'Mũi 2', young: 3, old: 4, total: 7 }]);
  expect(t.total).toEqual({ dose: 'Tổng cộng', young: 4, old: 6, total: 10 });
});

describe('daily', () => {
  const round = daily(input({
    period: '2021-10-03',
    earlier: [
      { period: '2021-10-01', unit: A, data: { n: 1 } },
      { period: '2021-10-01', unit: B, data: { n: 2 } },
      { period: '2021-10-02', unit: A, data: { n: 4 } },
    ],
    reports: [{ unit: A, data: { n: 8 }, timeliness: 'on-time' }],
  }));
  test('days, per-day sums, running totals, per unit, and how many reported each day', () => {
    expect(round.days).toEqual(['2021-10-01', '2021-10-02', '2021-10-03']);
    expect(round.labels).toEqual(['01/10', '02/10', '03/10']);
    expect(round.perDay((d) => d.n)).toEqual([3, 4, 8]);
    expect(round.running(round.perDay((d) => d.n))).toEqual([3, 7, 15]);
    expect(round.ofUnit('01', (d) => d.n)).toEqual([2, null, null]);
    expect(round.cumulative('79', (d) => d.n)).toEqual(13);
    expect(round.coverage).toEqual([{ reported: 2, expected: 3 }, { reported: 1, expected: 3 }, { reported: 1, expected: 3 }]);
    expect(round.runningCoverage).toEqual([{ reported: 2, expected: 3 }, { reported: 3, expected: 6 }, { reported: 4, expected: 9 }]);
  });

  // 01/10 and 04/10 reported, 02/10 and 03/10 by nobody, today (05/10) by nobody yet.
  const gappy = daily(
    input({
      period: '2021-10-05',
      earlier: [
        { period: '2021-10-01', unit: A, data: { n: 1 } },
        { period: '2021-10-01', unit: B, data: { n: 2 } },
        { period: '2021-10-01', unit: C, data: { n: 3 } },
        { period: '2021-10-04', unit: B, data: { n: 7 } },
      ],
      reports: [],
    }),
  );
  test('every day up to today, none skipped: a day nobody reported is null (a gap), not 0, in sums and running totals', () => {
    expect(gappy.labels).toEqual(['01/10', '02/10', '03/10', '04/10', '05/10']);
    expect(gappy.perDay((d) => d.n)).toEqual([6, null, null, 7, null]);
    expect(gappy.running(gappy.perDay((d) => d.n))).toEqual([6, null, null, 13, null]);
    expect(gappy.coverage.map((c) => `${c.reported}/${c.expected}`)).toEqual(['3/3', '0/3', '0/3', '1/3', '0/3']);
    expect(gappy.runningCoverage.map((c) => `${c.reported}/${c.expected}`)).toEqual(['3/3', '3/6', '3/9', '4/12', '4/15']);
  });

  test('from the round\'s first day when given, even before anyone reported; never past the summary\'s day', () => {
    const early = daily(input({ period: '2021-10-02', reports: [], earlier: [{ period: '2021-10-02', unit: A, data: { n: 1 } }, { period: '2021-10-09', unit: A, data: { n: 9 } }] }), { from: '2021-09-30' });
    expect(early.days).toEqual(['2021-09-30', '2021-10-01', '2021-10-02']);
    expect(early.perDay((d) => d.n)).toEqual([null, null, 1]);
    expect(daily(input({ period: '2021-10-01', reports: [], earlier: [] })).days).toEqual(['2021-10-01']);
  });

  test('by default from the first day of the round summarised (input.firstPeriod), not the form file\'s', () => {
    const november = daily(input({ period: '2021-11-03', firstPeriod: '2021-11-01', reports: [], earlier: [{ period: '2021-11-02', unit: A, data: { n: 4 } }] }));
    expect(november.days).toEqual(['2021-11-01', '2021-11-02', '2021-11-03']);
    expect(november.cumulative(A.code, (d) => d.n)).toBe(4);
    // `from` still overrides it.
    expect(daily(input({ period: '2021-11-02', firstPeriod: '2021-11-01', reports: [], earlier: [] }), { from: '2021-11-02' }).days).toEqual(['2021-11-02']);
  });

  test('the series table: a unit per row, a day per column, how many reported each day, totals both ways', () => {
    const t = round.table({ id: 's', title: 'Theo ngày', name: 'Tỉnh', value: (d) => d.n, total: 'Cả nước' });
    expect(t.columns.map((c) => [c.key, c.label.vi, c.kind])).toEqual([
      ['name', 'Tỉnh', 'text'], ['2021-10-01', '01/10', 'integer'], ['2021-10-02', '02/10', 'integer'], ['2021-10-03', '03/10', 'integer'], ['total', 'Cộng', 'integer'],
    ]);
    expect(t.rows).toEqual([
      { name: 'Tỉnh 01', '2021-10-01': 2, '2021-10-02': null, '2021-10-03': null, total: 2 },
      { name: 'Tỉnh 02', '2021-10-01': null, '2021-10-02': null, '2021-10-03': null, total: 0 },
      { name: 'Tỉnh 79', '2021-10-01': 1, '2021-10-02': 4, '2021-10-03': 8, total: 13 },
      { name: 'Số tỉnh, thành phố đã báo cáo (trên 3)', '2021-10-01': 2, '2021-10-02': 1, '2021-10-03': 1, total: null },
    ]);
    expect(t.total).toEqual({ name: 'Cả nước', '2021-10-01': 3, '2021-10-02': 4, '2021-10-03': 8, total: 15 });
  });

  test('the series table on days nobody reported: 0 of them reported, and the day\'s total is empty, not 0', () => {
    const t = gappy.table({ id: 's', title: 'Theo ngày', name: 'Tỉnh', value: (d) => d.n, total: 'Cả nước' });
    expect(t.rows.at(-1)).toEqual({ name: 'Số tỉnh, thành phố đã báo cáo (trên 3)', '2021-10-01': 3, '2021-10-02': 0, '2021-10-03': 0, '2021-10-04': 1, '2021-10-05': 0, total: null });
    expect(t.total).toEqual({ name: 'Cả nước', '2021-10-01': 6, '2021-10-02': null, '2021-10-03': null, '2021-10-04': 7, '2021-10-05': null, total: 13 });
  });

  test('a chart over every day carries how many reported: per day by default, up to each day for a running total, none for one unit\'s lines', () => {
    const sums = gappy.perDay((d) => d.n);
    const chart = gappy.chart({ id: 'c', title: 'Mỗi ngày', unit: 'mẫu', series: [['Các tỉnh đã báo cáo', sums]] });
    expect(chart).toEqual({
      id: 'c',
      title: { vi: 'Mỗi ngày' },
      unit: { vi: 'mẫu' },
      x: ['01/10', '02/10', '03/10', '04/10', '05/10'],
      series: [{ label: { vi: 'Các tỉnh đã báo cáo' }, values: [6, null, null, 7, null] }],
      coverage: gappy.coverage,
    });
    expect(gappy.chart({ id: 'r', title: 'Lũy kế', series: [['Cả nước', gappy.running(sums)]], coverage: 'running' }).coverage).toEqual(gappy.runningCoverage);
    expect(gappy.chart({ id: 'u', title: 'Theo tỉnh', series: [['Tỉnh 01', gappy.ofUnit('01', (d) => d.n)]], coverage: false })).not.toHaveProperty('coverage');
  });
});

test('figures: labels in order, percent marked', () => {
  expect(figures({ 'Tổng': 8, 'Tỷ lệ': percent(12.5) })).toEqual([
    { label: { vi: 'Tổng' }, value: 8 },
    { label: { vi: 'Tỷ lệ' }, value: 12.5, kind: 'percent' },
  ]);
});
