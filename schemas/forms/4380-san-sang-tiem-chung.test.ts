import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '../core/org-unit.ts';
import { validateData } from '../core/validate.ts';
import form, { outputs } from './4380-san-sang-tiem-chung.ts';
import relay from './laichau-4380-san-sang-tiem-chung.ts';
import type { Readiness } from './shared/vaccination-readiness.ts';

const unit = (code: string, name: string): OrgUnit => ({ code, name, kind: 'district', parent: '12' });
const zeros = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`g${String(i + 1).padStart(2, '0')}`, 0]));
const facility = {
  name: 'Trung tâm Y tế huyện Tam Đường',
  district: 'Tam Đường',
  address: 'Thị trấn Tam Đường',
  ownership: 'public' as const,
  sector: 'health' as const,
  mode: 'fixed' as const,
  dosesPerDay: 600,
  cold2to8: 300,
  coldMinus15to25: 40,
  coldUltra: 0,
  vaccinators: 12,
  ready: true,
};
const report: Readiness = {
  facilities: [
    facility,
    { ...facility, name: 'Phòng khám tư nhân An Bình', ownership: 'private', sector: 'health', mode: 'fixed', dosesPerDay: 150, cold2to8: 20, coldMinus15to25: 0, vaccinators: 3, ready: false, missing: 'Thiếu tủ lạnh' },
    { ...facility, name: 'Bệnh xá Công an tỉnh', ownership: 'public', sector: 'other', mode: 'mobile', dosesPerDay: 200, cold2to8: 0, coldMinus15to25: 0, coldUltra: 15, vaccinators: 4 },
  ],
  population: { ...zeros, g01: 1200, g04: 800, g08: 15000 },
  plan: [
    { batch: 'Đợt 5', vaccine: 'astrazeneca', doses: 5000, group: 'g08', facility: 'Trung tâm Y tế huyện Tam Đường', method: 'fixed', startDate: '2021-06-10', endDate: '2021-06-15' },
    { batch: 'Đợt 5', vaccine: 'pfizer', doses: 1200, group: 'g01', facility: 'bệnh xá công an tỉnh', method: 'mobile', startDate: '2021-06-12', endDate: '2021-06-12' },
  ],
  contact: { name: 'Hoàng Thị Lan', phone: '0214 387 6543' },
};

describe('4380 readiness form', () => {
  test('a full report with facilities, groups and a plan is valid', () => {
    expect(validateData(form.schema, report)).toMatchObject({ ok: true });
  });

  test('a facility that is not ready must say what it lacks, on its own row', () => {
    const bad = structuredClone(report);
    delete bad.facilities[1]!.missing;
    expect(validateData(form.schema, bad)).toEqual({
      ok: false,
      fields: {
        'facilities.1.missing': ['Vui lòng điền “Còn thiếu (cơ sở vật chất, trang thiết bị, nhân lực, tập huấn...)” vì đã chọn “Chưa sẵn sàng”.'],
      },
    });
  });

  test('a plan row must name a site of the register and end after it starts', () => {
    const bad = structuredClone(report);
    bad.plan[0]!.facility = 'Trạm Y tế xã không có';
    bad.plan[1]!.endDate = '2021-06-11';
    expect(validateData(form.schema, bad)).toEqual({
      ok: false,
      fields: {
        'plan.1.endDate': ['Ngày kết thúc phải từ ngày bắt đầu trở về sau.'],
        'plan.0.facility': ['Điểm tiêm chủng chưa có trong danh sách cơ sở tiêm chủng trên địa bàn.'],
      },
    });
    bad.plan[1]!.endDate = '2021-06-12';
    expect(validateData(form.schema, bad)).toEqual({
      ok: false,
      fields: { 'plan.0.facility': ['Điểm tiêm chủng chưa có trong danh sách cơ sở tiêm chủng trên địa bàn.'] },
    });
  });

  test('unknown vaccines and groups, negative capacities and an empty register are refused', () => {
    const bad = structuredClone(report) as unknown as { facilities: unknown[]; plan: Array<Record<string, unknown>> };
    bad.plan[0]!.vaccine = 'covaxin';
    bad.plan[0]!.group = 'g12';
    expect(validateData(form.schema, bad)).toEqual({
      ok: false,
      fields: {
        'plan.0.vaccine': ['Vui lòng chọn một phương án trong danh sách.'],
        'plan.0.group': ['Vui lòng chọn một phương án trong danh sách.'],
      },
    });
    expect(validateData(form.schema, { ...report, facilities: [] })).toMatchObject({
      ok: false,
      fields: { facilities: ['Cần ít nhất 1 dòng.'] },
    });
  });

  test('demo data passes for provinces, districts and departments', () => {
    let seed = 0.123;
    const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    for (const u of [unit('106', 'Huyện Tam Đường'), unit('12-CA', 'Công an tỉnh Lai Châu')]) {
      for (let i = 0; i < 20; i++) {
        expect(validateData(form.schema, outputs.demo({ unit: u, random, period: '2021-06-04' }))).toMatchObject({ ok: true });
      }
    }
  });
});

describe('readiness summary', () => {
  const content = outputs.summary({
    period: '2021-06-04',
    earlier: [],
    reporters: [],
    reports: [
      { unit: unit('106', 'Huyện Tam Đường'), data: report, timeliness: 'on-time' },
      { unit: unit('105', 'Thành phố Lai Châu'), data: { ...report, facilities: [facility], plan: [] }, timeliness: 'late' },
    ],
  });
  const table = (id: string) => content.tables.find((t) => t.id === id)!;

  test('counts facilities by ownership and sector, with capacity and readiness', () => {
    expect(table('facilities-by-kind').rows).toEqual([
      { ownership: 'Công lập', sector: 'Trong ngành y tế', count: 2, fixed: 2, mobile: 0, ready: 2, dosesPerDay: 1200, vaccinators: 24 },
      { ownership: 'Công lập', sector: 'Ngoài ngành y tế', count: 1, fixed: 0, mobile: 1, ready: 1, dosesPerDay: 200, vaccinators: 4 },
      { ownership: 'Tư nhân', sector: 'Trong ngành y tế', count: 1, fixed: 1, mobile: 0, ready: 0, dosesPerDay: 150, vaccinators: 3 },
      { ownership: 'Tư nhân', sector: 'Ngoài ngành y tế', count: 0, fixed: 0, mobile: 0, ready: 0, dosesPerDay: 0, vaccinators: 0 },
    ]);
    expect(table('facilities-by-kind').total).toMatchObject({ count: 4, ready: 3, dosesPerDay: 1550 });
  });

  test('adds cold-chain capacity per storage range', () => {
    expect(table('cold-chain').rows).toEqual([
      { range: '2 °C đến 8 °C', litres: 620, facilities: 3 },
      { range: '−15 °C đến −25 °C', litres: 80, facilities: 2 },
      { range: 'Siêu lạnh (−60 °C trở xuống)', litres: 15, facilities: 1 },
    ]);
  });

  test('adds people per priority group and planned doses per vaccine', () => {
    expect(table('population').total).toEqual({ group: 'Tổng cộng', people: 2 * 17000 });
    expect(table('population').rows[7]).toMatchObject({ people: 30000 });
    expect(table('plan-by-vaccine').rows).toEqual([
      { vaccine: 'AstraZeneca (Vaxzevria)', doses: 5000, rows: 1 },
      { vaccine: 'Pfizer-BioNTech (Comirnaty)', doses: 1200, rows: 1 },
    ]);
    expect(content.figures.map((f) => f.value)).toEqual([4, 1550, 34000, 6200]);
  });
});

describe('Lai Châu relay and roll-up', () => {
  test('the relay asks Lai Châu districts and departments the same questions', () => {
    expect(relay.relayOf).toBe(form.id);
    expect(relay.schema).toBe(form.schema);
    expect(relay.reporters).toEqual({ under: '12', kinds: ['district', 'department'] });
  });

  test('rolls districts up into one answer: all facilities and plan rows, people added, contact left to fill', () => {
    const other = { ...report, population: { ...zeros, g01: 5 }, note: 'Cần thêm 2 tủ lạnh' };
    const draft = form.rollup!([
      { unit: unit('106', 'Huyện Tam Đường'), data: report },
      { unit: unit('105', 'Thành phố Lai Châu'), data: other },
    ]);
    expect(draft.facilities).toHaveLength(6);
    expect(draft.plan).toHaveLength(4);
    expect(draft.population).toMatchObject({ g01: 1205, g04: 800, g08: 15000 });
    expect(draft.note).toBe('Thành phố Lai Châu: Cần thêm 2 tủ lạnh');
    expect(draft).not.toHaveProperty('contact');
    expect(validateData(form.schema, { ...draft, contact: report.contact })).toMatchObject({ ok: true });
  });
});
