import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '../core/org-unit.ts';
import { validateData } from '../core/validate.ts';
import form, { outputs, type Form3294Report } from './3294-tien-do-tiem-hang-ngay.ts';

const contact = { name: 'Nguyễn Thị Mai', phone: '0271 3879 123' };
type Vaccines = Form3294Report['vaccines'];

/** A day's report with dose 1 and dose 2 given as [18–49, 50+]. */
function day(dose1: [number, number], dose2: [number, number], vaccines: Vaccines = [{ vaccine: 'astrazeneca', openingStock: 3000, received: 1000 }]): Form3294Report {
  return {
    doses: { dose1: { age18to49: dose1[0], age50plus: dose1[1] }, dose2: { age18to49: dose2[0], age50plus: dose2[1] } },
    sites: { fixed: 10, mobile: 4 },
    vaccines,
    dataEntry: { enteredToday: 900, backlog: 1500 },
    contact,
  };
}

const district = (code: string, name: string): OrgUnit => ({ code, name, kind: 'district', parent: '70' });
const A = district('688', 'Thị xã Phước Long');
const B = district('689', 'Thành phố Đồng Xoài');
const C = district('690', 'Thị xã Bình Long');

/** The rule as the platform runs it: on what `keep` kept of each earlier day. */
function historyIssues(current: Form3294Report, earlier: Form3294Report[]) {
  const fields: Record<string, string[]> = {};
  form.history!.check(
    current,
    earlier.map((data, i) => ({ period: `2021-10-0${i + 1}`, kept: form.history!.keep(data) })),
    (path: string, message: string) => (fields[path] ??= []).push(message),
  );
  return fields;
}

describe('3294 form: a valid day', () => {
  test('passes as sent, with the optional note trimmed', () => {
    const report = day([1200, 300], [400, 100]);
    expect(validateData(form.schema, report)).toEqual({ ok: true, data: report });
    expect(validateData(form.schema, { ...report, note: '  Thiếu người nhập liệu  ' })).toEqual({
      ok: true,
      data: { ...report, note: 'Thiếu người nhập liệu' },
    });
  });

  test('a day without vaccine on hand and without doses is a valid report', () => {
    expect(validateData(form.schema, day([0, 0], [0, 0], []))).toMatchObject({ ok: true });
  });

  test('doses exactly equal to the vaccine available are accepted', () => {
    expect(validateData(form.schema, day([2000, 1000], [700, 300]))).toMatchObject({ ok: true });
  });
});

describe('3294 form: rules within a day', () => {
  test('more doses than vaccine available today are refused beside the doses', () => {
    expect(validateData(form.schema, day([2000, 1000], [800, 300]))).toEqual({
      ok: false,
      fields: {
        doses: ['Tổng số liều đã tiêm trong ngày (4.100) vượt quá tổng số vắc xin có thể sử dụng trong ngày (4.000 liều).'],
      },
    });
    expect(validateData(form.schema, day([1, 0], [0, 0], []))).toEqual({
      ok: false,
      fields: { doses: ['Tổng số liều đã tiêm trong ngày (1) vượt quá tổng số vắc xin có thể sử dụng trong ngày (0 liều).'] },
    });
  });

  test('a vaccine listed twice is refused on the repeated row', () => {
    const report = day([10, 0], [0, 0], [
      { vaccine: 'astrazeneca', openingStock: 100, received: 0 },
      { vaccine: 'pfizer', openingStock: 100, received: 0 },
      { vaccine: 'astrazeneca', openingStock: 5, received: 0 },
      { vaccine: 'pfizer', openingStock: 5, received: 0 },
    ]);
    expect(validateData(form.schema, report)).toEqual({
      ok: false,
      fields: {
        'vaccines.2.vaccine': ['Loại vắc xin này đã có ở dòng 1; mỗi loại vắc xin chỉ khai một dòng.'],
        'vaccines.3.vaccine': ['Loại vắc xin này đã có ở dòng 2; mỗi loại vắc xin chỉ khai một dòng.'],
      },
    });
  });

  test('unknown vaccines, negative or huge cells, a missing cell and an unknown age group', () => {
    const bad = structuredClone(day([10, 0], [0, 0])) as unknown as {
      vaccines: Array<Record<string, unknown>>;
      doses: Record<'dose1' | 'dose2', Record<string, unknown>>;
    };
    bad.vaccines[0]!.vaccine = 'covaxin';
    bad.doses.dose1.age18to49 = -5;
    bad.doses.dose2.age50plus = 50_001;
    delete bad.doses.dose2.age18to49;
    bad.doses.dose1.age12to17 = 3;
    expect(validateData(form.schema, bad)).toEqual({
      ok: false,
      fields: {
        'doses.dose1.age18to49': ['Không được là số âm.'],
        'doses.dose1.age12to17': ['Trường này không có trong biểu mẫu.'],
        'doses.dose2.age18to49': ['Vui lòng nhập thông tin này.'],
        'doses.dose2.age50plus': ['Không được lớn hơn 50.000.'],
        'vaccines.0.vaccine': ['Vui lòng chọn một phương án trong danh sách.'],
      },
    });
  });

  test('the computed "có thể sử dụng" cannot be typed in', () => {
    const report = day([10, 0], [0, 0]);
    expect(validateData(form.schema, { ...report, vaccines: [{ ...report.vaccines[0], available: 99_999 }] })).toEqual({
      ok: false,
      fields: { 'vaccines.0.available': ['Trường này không có trong biểu mẫu.'] },
    });
  });
});

describe('3294 history rule: cumulative dose 2 never above cumulative dose 1', () => {
  test('counts the earlier days of the round with today', () => {
    // Dose 1 so far: 150 + 0 = 150; dose 2: 30 + 100 = 130.
    const earlier = [day([100, 50], [20, 10]), day([0, 0], [60, 40])];
    expect(historyIssues(day([0, 0], [15, 5]), earlier)).toEqual({});
    expect(historyIssues(day([0, 0], [15, 6]), earlier)).toEqual({
      doses: ['Lũy kế mũi 2 trong đợt tiêm (151 liều) vượt quá lũy kế mũi 1 (150 liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước, hoặc nhập lũy kế trước đợt tiêm.'],
    });
  });

  test('formats large numbers the vi-VN way, and a first day is checked on its own', () => {
    expect(historyIssues(day([1000, 0], [1001, 0]), [])).toEqual({
      doses: ['Lũy kế mũi 2 trong đợt tiêm (1.001 liều) vượt quá lũy kế mũi 1 (1.000 liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước, hoặc nhập lũy kế trước đợt tiêm.'],
    });
    expect(historyIssues(day([0, 0], [2000, 0]), [day([1500, 0], [0, 0]), day([0, 1000], [0, 0])])).toEqual({});
  });
});

describe('3294 history rule with doses given before the round', () => {
  test('second doses for people first vaccinated before the round pass once the before-round totals are given', () => {
    const secondDoseDay = day([100, 0], [900, 0]);
    expect(historyIssues(secondDoseDay, [])).toEqual({
      doses: [`Lũy kế mũi 2 trong đợt tiêm (900 liều) vượt quá lũy kế mũi 1 (100 liều). ${'Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước, hoặc nhập lũy kế trước đợt tiêm.'}`],
    });
    expect(historyIssues({ ...secondDoseDay, before: { dose1: 5000, dose2: 1000 } }, [])).toEqual({});
  });

  test('the latest before-round figures given on an earlier day count, and the rule still bites past them', () => {
    const first = { ...day([0, 0], [0, 0]), before: { dose1: 1000, dose2: 900 } };
    expect(historyIssues(day([0, 0], [100, 0]), [first])).toEqual({});
    expect(historyIssues(day([0, 0], [101, 0]), [first])).toEqual({
      doses: ['Lũy kế mũi 2 kể cả trước đợt (1.001 liều) vượt quá lũy kế mũi 1 (1.000 liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước.'],
    });
  });
});

describe('3294 summary', () => {
  // Days 1 and 2: A and C both days, B only day 1. Day 3: A on time, C late, B silent.
  const earlier = [
    { period: '2021-10-01', unit: A, data: day([100, 50], [20, 10]) },
    { period: '2021-10-01', unit: B, data: day([200, 0], [0, 0]) },
    { period: '2021-10-01', unit: C, data: day([10, 10], [5, 5]) },
    { period: '2021-10-02', unit: A, data: day([300, 100], [50, 50]) },
    { period: '2021-10-02', unit: C, data: day([0, 0], [5, 0]) },
  ];
  const todayA: Form3294Report = {
    ...day([1000, 200], [300, 100], [
      { vaccine: 'astrazeneca', openingStock: 2000, received: 500 },
      { vaccine: 'pfizer', openingStock: 100, received: 0 },
    ]),
    dataEntry: { enteredToday: 1500, backlog: 2000 },
  };
  const todayC: Form3294Report = {
    ...day([40, 60], [30, 20], [
      { vaccine: 'sinopharm', openingStock: 0, received: 200 },
      { vaccine: 'astrazeneca', openingStock: 300, received: 0 },
    ]),
    sites: { fixed: 3, mobile: 0 },
    dataEntry: { enteredToday: 150, backlog: 80 },
  };
  const content = outputs.summary({ firstPeriod: '2021-10-01',
    period: '2021-10-03',
    reporters: [A, B, C],
    earlier,
    reports: [
      { unit: C, data: todayC, timeliness: 'late' },
      { unit: A, data: todayA, timeliness: 'on-time' },
    ],
  });
  const table = (id: string) => content.tables.find((t) => t.id === id)!;

  test('the round day by day: doses per district and day, how many districts reported, cumulative doses and the backlog trend', () => {
    expect(table('daily-series').rows).toEqual([
      { name: 'Thị xã Phước Long', '2021-10-01': 180, '2021-10-02': 500, '2021-10-03': 1600, total: 2280 },
      { name: 'Thành phố Đồng Xoài', '2021-10-01': 200, '2021-10-02': null, '2021-10-03': null, total: 200 },
      { name: 'Thị xã Bình Long', '2021-10-01': 30, '2021-10-02': 5, '2021-10-03': 150, total: 185 },
      { name: 'Số huyện, thị xã, thành phố đã báo cáo (trên 3)', '2021-10-01': 3, '2021-10-02': 2, '2021-10-03': 2, total: null },
    ]);
    expect(table('daily-series').total).toEqual({ name: 'Toàn tỉnh', '2021-10-01': 410, '2021-10-02': 505, '2021-10-03': 1750, total: 2665 });
    const chart = (id: string) => content.charts!.find((c) => c.id === id)!;
    expect(content.charts!.map((c) => c.id)).toEqual(['doses-per-day', 'doses-per-district', 'cumulative', 'backlog']);
    expect(chart('doses-per-day').x).toEqual(['01/10', '02/10', '03/10']);
    expect(chart('doses-per-day').series).toEqual([{ label: { vi: 'Toàn tỉnh (các huyện đã báo cáo)' }, values: [410, 505, 1750] }]);
    // 2 of the 3 districts on 02/10 and 03/10: the sums there are not the province's.
    expect(chart('doses-per-day').coverage).toEqual([{ reported: 3, expected: 3 }, { reported: 2, expected: 3 }, { reported: 2, expected: 3 }]);
    // A district's own line is its whole figure: nothing to mark.
    expect(chart('doses-per-district').series.map((s) => [s.label.vi, s.values])).toEqual([
      ['Thị xã Phước Long', [180, 500, 1600]],
      ['Thành phố Đồng Xoài', [200, null, null]],
      ['Thị xã Bình Long', [30, 5, 150]],
    ]);
    expect(chart('doses-per-district')).not.toHaveProperty('coverage');
    expect(chart('cumulative').series[0]!.values).toEqual([410, 915, 2665]);
    expect(chart('cumulative').coverage).toEqual([{ reported: 3, expected: 3 }, { reported: 5, expected: 6 }, { reported: 7, expected: 9 }]);
    expect(chart('backlog').series[0]!.values).toEqual([4500, 3000, 2080]);
    expect(chart('backlog').coverage).toEqual(chart('doses-per-day').coverage);
  });

  test('the x axis is every day of the round up to the summary\'s day: days nobody reported are gaps, a day one district reported says 1/3', () => {
    // As on the demo platform: the round's first days reported, then nothing until one district on 31/10.
    const late = outputs.summary({ firstPeriod: '2021-10-01',
      period: '2021-10-31',
      reporters: [A, B, C],
      earlier: [
        { period: '2021-10-01', unit: A, data: day([100, 50], [20, 10]) },
        { period: '2021-10-01', unit: B, data: day([200, 0], [0, 0]) },
        { period: '2021-10-01', unit: C, data: day([10, 10], [5, 5]) },
      ],
      reports: [{ unit: B, data: day([600, 300], [50, 15]), timeliness: 'on-time' }],
    });
    const perDay = late.charts!.find((c) => c.id === 'doses-per-day')!;
    expect(perDay.x).toHaveLength(31);
    expect(perDay.x.slice(0, 3)).toEqual(['01/10', '02/10', '03/10']);
    expect(perDay.x.at(-1)).toBe('31/10');
    expect(perDay.series[0]!.values).toEqual([410, ...Array(29).fill(null), 965]);
    expect(perDay.coverage!.at(0)).toEqual({ reported: 3, expected: 3 });
    expect(perDay.coverage!.slice(1, 30).every((c) => c.reported === 0)).toBe(true);
    expect(perDay.coverage!.at(-1)).toEqual({ reported: 1, expected: 3 });
    const cumulative = late.charts!.find((c) => c.id === 'cumulative')!;
    expect(cumulative.series[0]!.values).toEqual([410, ...Array(29).fill(null), 1375]);
    expect(cumulative.coverage!.at(-1)).toEqual({ reported: 4, expected: 93 });
    const series = late.tables.find((t) => t.id === 'daily-series')!;
    expect(series.columns).toHaveLength(1 + 31 + 1);
    expect(series.rows.at(-1)).toMatchObject({ name: 'Số huyện, thị xã, thành phố đã báo cáo (trên 3)', '2021-10-01': 3, '2021-10-15': 0, '2021-10-31': 1 });
    expect(series.total).toMatchObject({ '2021-10-01': 410, '2021-10-15': null, '2021-10-31': 965, total: 1375 });
  });

  test('the charts start on the round\'s first day even when nobody reported until later', () => {
    const third = outputs.summary({ firstPeriod: '2021-10-01', period: '2021-10-03', reporters: [A, B, C], earlier: [], reports: [{ unit: A, data: day([100, 0], [0, 0]), timeliness: 'late' }] });
    const perDay = third.charts!.find((c) => c.id === 'doses-per-day')!;
    expect(perDay.x).toEqual(['01/10', '02/10', '03/10']);
    expect(perDay.series[0]!.values).toEqual([null, null, 100]);
    expect(perDay.coverage).toEqual([{ reported: 0, expected: 3 }, { reported: 0, expected: 3 }, { reported: 1, expected: 3 }]);
  });

  test('a later round an official opened counts from its own first day, and its headings say so', () => {
    const november = outputs.summary({ firstPeriod: '2021-11-01', period: '2021-11-02', reporters: [A, B, C], earlier: [], reports: [{ unit: A, data: day([100, 0], [0, 0]), timeliness: 'on-time' }] });
    expect(november.charts!.find((c) => c.id === 'doses-per-day')!.x).toEqual(['01/11', '02/11']);
    expect(november.charts!.find((c) => c.id === 'cumulative')!.title.vi).toBe('Lũy kế số mũi tiêm từ 01/11/2021 (toàn tỉnh)');
    expect(JSON.stringify(november)).not.toContain('01/10/2021');
  });

  test('key figures: today first, then cumulative since the round began, then data entry', () => {
    expect(content.figures.map((f) => [f.label.vi, f.value])).toEqual([
      ['Số liều đã tiêm trong ngày', 1750],
      ['Lũy kế số liều đã tiêm từ 01/10/2021 (7/9 báo cáo đã nhận)', 2665],
      ['Lũy kế mũi 1 từ 01/10/2021 (7/9 báo cáo đã nhận)', 2070],
      ['Lũy kế mũi 2 từ 01/10/2021 (7/9 báo cáo đã nhận)', 595],
      ['Số đối tượng nhập lên Hệ thống trong ngày', 1650],
      ['Số đối tượng tồn đọng chưa nhập lên Hệ thống (các huyện báo cáo hôm nay)', 2080],
    ]);
  });

  test('every district is listed; one silent today keeps its cumulative figures', () => {
    expect(table('by-district').rows).toEqual([
      {
        code: '688', name: 'Thị xã Phước Long',
        todayDose1: 1200, todayDose2: 400, todayTotal: 1600,
        cumulativeDose1: 1750, cumulativeDose2: 530, cumulativeTotal: 2280,
        fixedSites: 10, mobileSites: 4, enteredToday: 1500, backlog: 2000, status: 'Đúng hạn',
      },
      {
        code: '689', name: 'Thành phố Đồng Xoài',
        todayDose1: null, todayDose2: null, todayTotal: null,
        cumulativeDose1: 200, cumulativeDose2: 0, cumulativeTotal: 200,
        fixedSites: null, mobileSites: null, enteredToday: null, backlog: null, status: 'Chưa báo cáo',
      },
      {
        code: '690', name: 'Thị xã Bình Long',
        todayDose1: 100, todayDose2: 50, todayTotal: 150,
        cumulativeDose1: 120, cumulativeDose2: 65, cumulativeTotal: 185,
        fixedSites: 3, mobileSites: 0, enteredToday: 150, backlog: 80, status: 'Muộn',
      },
    ]);
    expect(table('by-district').total).toEqual({
      code: '', name: 'Toàn tỉnh',
      todayDose1: 1300, todayDose2: 450, todayTotal: 1750,
      cumulativeDose1: 2070, cumulativeDose2: 595, cumulativeTotal: 2665,
      fixedSites: 13, mobileSites: 4, enteredToday: 1650, backlog: 2080, status: '2/3 đã báo cáo',
    });
  });

  test('doses today by dose and age group for the province', () => {
    expect(table('by-dose-and-age').rows).toEqual([
      { dose: 'Mũi 1', age18to49: 1040, age50plus: 260, total: 1300 },
      { dose: 'Mũi 2', age18to49: 330, age50plus: 120, total: 450 },
    ]);
    expect(table('by-dose-and-age').total).toEqual({ dose: 'Tổng cộng', age18to49: 1370, age50plus: 380, total: 1750 });
  });

  test('vaccine on hand today per type, in the order of the national list', () => {
    expect(table('by-vaccine').rows).toEqual([
      { vaccine: 'AstraZeneca (Vaxzevria)', openingStock: 2300, received: 500, available: 2800 },
      { vaccine: 'Pfizer-BioNTech (Comirnaty)', openingStock: 100, received: 0, available: 100 },
      { vaccine: 'Sinopharm (Vero Cell)', openingStock: 0, received: 200, available: 200 },
    ]);
    expect(table('by-vaccine').total).toEqual({ vaccine: 'Tổng cộng', openingStock: 2400, received: 700, available: 3100 });
  });

  test('on the first day, with nobody reporting, every district shows as not reported and figures are zero', () => {
    const empty = outputs.summary({ firstPeriod: '2021-10-01', period: '2021-10-01', reporters: [A, B, C], earlier: [], reports: [] });
    expect(empty.figures.map((f) => f.value)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(empty.tables.find((t) => t.id === 'by-district')!.rows.map((r) => [r.code, r.cumulativeTotal, r.status])).toEqual([
      ['688', 0, 'Chưa báo cáo'],
      ['689', 0, 'Chưa báo cáo'],
      ['690', 0, 'Chưa báo cáo'],
    ]);
  });
});

describe('3294 demo', () => {
  test('passes the schema and, day after day, the cumulative rule', () => {
    let seed = 0.271;
    const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    for (const unit of [A, B, C]) {
      const earlier: Array<{ period: string; kept: ReturnType<NonNullable<typeof form.history>['keep']> }> = [];
      for (let d = 1; d <= 14; d++) {
        const period = `2021-10-${String(d).padStart(2, '0')}`;
        const result = validateData(form.schema, outputs.demo({ unit, random, period }));
        if (!result.ok) throw new Error(JSON.stringify(result.fields));
        const issues: string[] = [];
        form.history!.check(result.data, earlier, (path: string, message: string) => issues.push(`${path}: ${message}`));
        expect(issues).toEqual([]);
        earlier.push({ period, kept: form.history!.keep(result.data) });
      }
    }
  });
});
