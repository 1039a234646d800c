import { describe, expect, test } from 'vitest';
import { describeForm } from '../core/describe.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import { validateData } from '../core/validate.ts';
import form, { outputs, type Form347ResultsReport } from './347-ket-qua-thuc-hien.ts';

const contact = { name: 'Lê Thị Hoa', phone: '0271 3870 456' };

const districtReport: Form347ResultsReport = {
  reportsVaccination: true,
  dose2Age18Plus: { target: 80_000, vaccinated: 76_000 },
  dose2Age12to17: { target: 9_000, vaccinated: 6_000 },
  dose3Age18Plus: { target: 80_000, vaccinated: 8_000 },
  mobileTeams: 25,
  screening: { tested: 12_000, positive: 150 },
  drugs: { received: 800, allocated: 600, facilities: 5 },
  medicalStations: 6,
  workforce: { retired: 12, private: 30 },
  narrative: 'Hoàn thành tiêm mũi 2 cho người từ 18 tuổi trở lên tại 10/11 xã, phường.',
  contact,
};

const departmentReport: Form347ResultsReport = {
  reportsVaccination: false,
  mobileTeams: 0,
  screening: { tested: 300, positive: 0 },
  drugs: { received: 0, allocated: 0, facilities: 0 },
  medicalStations: 0,
  workforce: { retired: 0, private: 3 },
  narrative: 'Đã quán triệt, triển khai các nội dung được giao trong toàn lực lượng.',
  contact,
};

const unit = (code: string, name: string, kind: OrgUnit['kind']): OrgUnit => ({ code, name, kind, parent: '70' });

describe('347 results form: valid reports', () => {
  test('a district with the three targets and every measure', () => {
    expect(validateData(form.schema, districtReport)).toEqual({ ok: true, data: districtReport });
  });

  test('a department that does not vaccinate leaves the targets out', () => {
    expect(validateData(form.schema, departmentReport)).toEqual({ ok: true, data: departmentReport });
  });

  test('more people vaccinated than the estimated target is accepted (workers vaccinated where they work)', () => {
    expect(validateData(form.schema, { ...districtReport, dose2Age18Plus: { target: 80_000, vaccinated: 81_200 } })).toMatchObject({ ok: true });
  });
});

describe('347 results form: rules', () => {
  test('a unit that reports vaccination must report all three targets', () => {
    const { dose2Age12to17: _a, dose3Age18Plus: _b, ...partial } = districtReport;
    expect(validateData(form.schema, partial)).toEqual({
      ok: false,
      fields: {
        dose2Age12to17: ['Vui lòng điền “Tiêm mũi 2 cho người từ 12-17 tuổi (trong tháng 01/2022)” vì đã chọn “Có — báo cáo kết quả tiêm theo 3 mục tiêu”.'],
        dose3Age18Plus: ['Vui lòng điền “Tiêm mũi thứ 3 cho người từ 18 tuổi trở lên (trong quý i/2022)” vì đã chọn “Có — báo cáo kết quả tiêm theo 3 mục tiêu”.'],
      },
    });
  });

  test('a unit that does not report vaccination cannot fill a target', () => {
    expect(validateData(form.schema, { ...departmentReport, dose2Age18Plus: { target: 10, vaccinated: 5 } })).toEqual({
      ok: false,
      fields: {
        dose2Age18Plus: [
          'Vui lòng bỏ trống “Tiêm mũi 2 cho người từ 18 tuổi trở lên (chậm nhất ngày 31/12/2021)” vì đã chọn “Không — đơn vị không trực tiếp tổ chức tiêm”.',
        ],
      },
    });
  });

  test('positives above tests, allocated above received, facilities above courses', () => {
    expect(
      validateData(form.schema, {
        ...districtReport,
        screening: { tested: 1_000, positive: 1_001 },
        drugs: { received: 500, allocated: 600, facilities: 601 },
      }),
    ).toEqual({
      ok: false,
      fields: {
        'screening.positive': ['Số ca dương tính phát hiện qua tầm soát không được lớn hơn số người được xét nghiệm tầm soát (1.000).'],
        'drugs.allocated': ['Số liệu trình đã phân bổ cho cơ sở thu dung, điều trị không được lớn hơn số liệu trình thuốc điều trị đã tiếp nhận (500).'],
        'drugs.facilities': ['Số cơ sở thu dung, điều trị được cấp thuốc không được lớn hơn số liệu trình đã phân bổ cho cơ sở thu dung, điều trị (600).'],
      },
    });
    expect(
      validateData(form.schema, { ...districtReport, screening: { tested: 7, positive: 7 }, drugs: { received: 9, allocated: 9, facilities: 9 } }),
    ).toMatchObject({ ok: true });
  });

  test('the coverage percent is computed, never typed', () => {
    expect(validateData(form.schema, { ...districtReport, dose2Age18Plus: { ...districtReport.dose2Age18Plus, coverage: 95 } })).toEqual({
      ok: false,
      fields: { 'dose2Age18Plus.coverage': ['Trường này không có trong biểu mẫu.'] },
    });
    const described = describeForm(form).jsonSchema.properties!;
    for (const key of ['dose2Age18Plus', 'dose2Age12to17', 'dose3Age18Plus']) {
      expect(described[key]!.computed).toEqual([
        expect.objectContaining({ key: 'coverage', formula: { op: 'percent', numerator: 'vaccinated', denominator: 'target' } }),
      ]);
    }
  });

  test('the narrative is required and bounded; the yes/no must be answered', () => {
    const { reportsVaccination: _, ...unanswered } = districtReport;
    expect(validateData(form.schema, { ...unanswered, narrative: '   ' })).toEqual({
      ok: false,
      fields: { reportsVaccination: ['Vui lòng chọn một phương án.'], narrative: ['Vui lòng nhập thông tin này.'] },
    });
    expect(validateData(form.schema, { ...districtReport, narrative: 'x'.repeat(3001) })).toEqual({
      ok: false,
      fields: { narrative: ['Tối đa 3.000 ký tự.'] },
    });
  });
});

describe('347 results summary', () => {
  const d1 = unit('688', 'Thị xã Phước Long', 'district');
  const d2 = unit('689', 'Thành phố Đồng Xoài', 'district');
  const syt = unit('70-SYT', 'Sở Y tế tỉnh Bình Phước', 'department');
  const ca = unit('70-CA', 'Công an tỉnh Bình Phước', 'department');
  const d2Report: Form347ResultsReport = {
    ...districtReport,
    dose2Age18Plus: { target: 120_000, vaccinated: 111_980 },
    dose2Age12to17: { target: 15_000, vaccinated: 9_000 },
    dose3Age18Plus: { target: 120_000, vaccinated: 30_000 },
    mobileTeams: 40,
    screening: { tested: 8_000, positive: 50 },
    drugs: { received: 1_000, allocated: 1_000, facilities: 8 },
    medicalStations: 4,
    workforce: { retired: 20, private: 10 },
  };
  // The Sở Y tế reports the whole province: it must not be added to the districts.
  const sytReport: Form347ResultsReport = {
    ...districtReport,
    dose2Age18Plus: { target: 700_000, vaccinated: 650_000 },
    dose2Age12to17: { target: 80_000, vaccinated: 60_000 },
    dose3Age18Plus: { target: 700_000, vaccinated: 100_000 },
    mobileTeams: 0,
    screening: { tested: 5_000, positive: 20 },
    drugs: { received: 6_000, allocated: 4_000, facilities: 15 },
    medicalStations: 0,
    workforce: { retired: 5, private: 0 },
    narrative: 'Đã phân bổ thuốc điều trị cho 15 cơ sở thu dung, điều trị.',
  };
  const content = outputs.summary({
    period: '2022-01-08',
    earlier: [],
    reporters: [],
    reports: [
      { unit: syt, data: sytReport, timeliness: 'on-time' },
      { unit: d2, data: d2Report, timeliness: 'late' },
      { unit: ca, data: departmentReport, timeliness: 'on-time' },
      { unit: d1, data: districtReport, timeliness: 'on-time' },
    ],
  });
  const table = (id: string) => content.tables.find((t) => t.id === id)!;

  test('coverage per target adds up districts only', () => {
    // 187.980 / 200.000 = 93,99 %; 15.000 / 24.000 = 62,5 %; 38.000 / 200.000 = 19 %.
    expect(table('coverage').rows).toEqual([
      { target: 'Tiêm mũi 2 cho người từ 18 tuổi trở lên', deadline: 'Chậm nhất ngày 31/12/2021', population: 200_000, vaccinated: 187_980, percent: 94, reported: 2 },
      { target: 'Tiêm mũi 2 cho người từ 12-17 tuổi', deadline: 'Trong tháng 01/2022', population: 24_000, vaccinated: 15_000, percent: 62.5, reported: 2 },
      { target: 'Tiêm mũi thứ 3 cho người từ 18 tuổi trở lên', deadline: 'Trong Quý I/2022', population: 200_000, vaccinated: 38_000, percent: 19, reported: 2 },
    ]);
    expect(table('coverage').title.vi).toContain('cộng số liệu các huyện, thị xã, thành phố');
  });

  test('figures: target 1 coverage first, as a percentage with one decimal, then the measures of the districts (a department may count a district\'s again)', () => {
    expect(content.figures.map((f) => f.value)).toEqual([94, 62.5, 19, 20_000, 200, 1_600, 10, 72, 65]);
    for (const f of content.figures) expect(f.label.vi).toMatch(/\(các huyện\)$/);
    expect(content.figures.map((f) => f.kind ?? 'integer')).toEqual([...Array(3).fill('percent'), ...Array(6).fill('integer')]);
    expect(content.figures[0]!.label.vi).toBe('Tỷ lệ tiêm mũi 2 cho người từ 18 tuổi trở lên (các huyện)');
  });

  test('other measures by kind of unit', () => {
    expect(table('measures').rows).toEqual([
      { measure: 'Số người được xét nghiệm tầm soát', districts: 20_000, departments: 5_300, all: 25_300 },
      { measure: 'Số ca dương tính phát hiện qua tầm soát', districts: 200, departments: 20, all: 220 },
      { measure: 'Số liệu trình thuốc điều trị đã tiếp nhận', districts: 1_800, departments: 6_000, all: 7_800 },
      { measure: 'Số liệu trình đã phân bổ cho cơ sở thu dung, điều trị', districts: 1_600, departments: 4_000, all: 5_600 },
      { measure: 'Số cơ sở thu dung, điều trị được cấp thuốc', districts: 13, departments: 15, all: 28 },
      { measure: 'Số Trạm Y tế lưu động đã thành lập', districts: 10, departments: 0, all: 10 },
      { measure: 'Số nhân viên y tế đã nghỉ hưu được huy động', districts: 32, departments: 5, all: 37 },
      { measure: 'Số nhân viên y tế tư nhân được huy động', districts: 40, departments: 3, all: 43 },
      { measure: 'Số tổ lưu động vận động và tiêm vắc xin', districts: 65, departments: 0, all: 65 },
    ]);
  });

  test('one row per unit by code, with its own coverage and measures', () => {
    const rows = table('by-unit').rows;
    expect(rows.map((r) => [r.code, r.kind, r.dose2Age18Plus, r.dose2Age12to17, r.dose3Age18Plus, r.timeliness])).toEqual([
      ['688', 'Huyện, thị xã, thành phố', 95, 66.7, 10, 'Đúng hạn'],
      ['689', 'Huyện, thị xã, thành phố', 93.3, 60, 25, 'Muộn'],
      ['70-CA', 'Sở, ban, ngành', null, null, null, 'Đúng hạn'],
      ['70-SYT', 'Sở, ban, ngành', 92.9, 75, 14.3, 'Đúng hạn'],
    ]);
    expect(rows[1]).toMatchObject({ screeningTested: 8_000, drugsAllocated: 1_000, mobileTeams: 40 });
    expect(table('by-unit').total).toMatchObject({ name: 'Tổng cộng', dose2Age18Plus: null, screeningTested: 25_300, privateWorkers: 43 });
  });

  test('each unit’s narrative is passed on as written', () => {
    expect(table('narratives').rows).toEqual([
      { name: 'Thị xã Phước Long', narrative: districtReport.narrative },
      { name: 'Thành phố Đồng Xoài', narrative: districtReport.narrative },
      { name: 'Công an tỉnh Bình Phước', narrative: departmentReport.narrative },
      { name: 'Sở Y tế tỉnh Bình Phước', narrative: sytReport.narrative },
    ]);
  });

  test('with no district reporting, coverage is empty rather than a division by zero', () => {
    const empty = outputs.summary({ period: '2022-01-08', earlier: [], reporters: [], reports: [{ unit: syt, data: sytReport, timeliness: 'late' }] });
    expect(empty.tables.find((t) => t.id === 'coverage')!.rows.map((r) => [r.population, r.percent, r.reported])).toEqual([
      [0, null, 0],
      [0, null, 0],
      [0, null, 0],
    ]);
    expect(empty.figures.slice(0, 3).map((f) => f.value)).toEqual([0, 0, 0]);
  });
});

describe('347 results demo', () => {
  test('passes the schema for districts and departments', () => {
    let seed = 0.42;
    const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    const units = [unit('689', 'Thành phố Đồng Xoài', 'district'), unit('70-SYT', 'Sở Y tế tỉnh Bình Phước', 'department'), unit('70-CA', 'Công an tỉnh Bình Phước', 'department')];
    for (const u of units) {
      for (let i = 0; i < 30; i++) {
        const result = validateData(form.schema, outputs.demo({ unit: u, random, period: '2022-01-08' }));
        if (!result.ok) throw new Error(`${u.code}: ${JSON.stringify(result.fields)}`);
      }
    }
  });
});

describe('347 progress against the targets, as of the report date', () => {
  const X: Form347ResultsReport = {
    ...districtReport,
    dose2Age18Plus: { target: 40_000, vaccinated: 37_400 },
    dose2Age12to17: { target: 6_000, vaccinated: 3_000, lastWeek: 700 },
    dose3Age18Plus: { target: 40_000, vaccinated: 8_000 },
  };
  const Y: Form347ResultsReport = {
    ...districtReport,
    dose2Age18Plus: { target: 100, vaccinated: 100 },
    dose2Age12to17: { target: 1_000, vaccinated: 900, lastWeek: 140 },
    dose3Age18Plus: { target: 100, vaccinated: 10, lastWeek: 7 },
  };
  const content = outputs.summary({
    period: '2022-01-08',
    earlier: [],
    reporters: [],
    reports: [
      { unit: unit('689', 'X', 'district'), data: X, timeliness: 'on-time' },
      { unit: unit('690', 'Y', 'district'), data: Y, timeliness: 'on-time' },
      { unit: unit('70-SYT', 'Sở Y tế', 'department'), data: { ...X, dose2Age12to17: { target: 1, vaccinated: 0, lastWeek: 0 } }, timeliness: 'on-time' },
    ],
  });
  const rows = content.tables.find((t) => t.id === 'progress')!.rows;
  const row = (unitName: string, target: string) => rows.find((r) => r.unit === unitName && String(r.target).startsWith(target))!;

  test('a target still open: the pace needed to meet the date, the last week’s pace, the date it leads to', () => {
    // 12–17, due 31/01/2022, 23 days after 08/01: 3.000 left, 131/day needed, 100/day now → 30 days → 07/02/2022.
    expect(row('X', 'Tiêm mũi 2 cho người từ 12-17')).toEqual({
      unit: 'X',
      target: 'Tiêm mũi 2 cho người từ 12-17 tuổi',
      due: '31/01/2022',
      remaining: 3000,
      needed: 131,
      current: 100,
      projected: '07/02/2022',
      status: 'Chậm tiến độ',
    });
    expect(row('Y', 'Tiêm mũi 2 cho người từ 12-17')).toMatchObject({ remaining: 100, needed: 5, current: 20, projected: '13/01/2022', status: 'Kịp tiến độ' });
  });

  test('a passed date, a reached target and a missing weekly figure are told apart', () => {
    expect(row('X', 'Tiêm mũi 2 cho người từ 18')).toMatchObject({ remaining: 2600, needed: null, status: 'Chậm tiến độ (đã quá thời hạn)' });
    expect(row('Y', 'Tiêm mũi 2 cho người từ 18')).toMatchObject({ remaining: 0, status: 'Đã đạt' });
    expect(row('X', 'Tiêm mũi thứ 3')).toMatchObject({ current: null, projected: '—', status: 'Thiếu số liệu 7 ngày' });
  });

  test('the province line adds up districts only, and needs every district’s weekly figure to project', () => {
    expect(row('Toàn tỉnh (các huyện)', 'Tiêm mũi 2 cho người từ 12-17')).toMatchObject({ remaining: 3100, needed: 135, current: 120, projected: '03/02/2022', status: 'Chậm tiến độ' });
    expect(row('Toàn tỉnh (các huyện)', 'Tiêm mũi thứ 3')).toMatchObject({ status: 'Thiếu số liệu 7 ngày' });
    expect(rows.some((r) => r.unit === 'Sở Y tế')).toBe(false);
  });

  test('answers given under version 1, without the weekly figure, are still valid', () => {
    expect(form.version).toBe(2);
    expect(validateData(form.schema, districtReport)).toMatchObject({ ok: true });
  });
});
