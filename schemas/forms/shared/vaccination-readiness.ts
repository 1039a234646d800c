/**
 * The vaccination-readiness report of 4380/BYT-DP (28/05/2021), shared by the
 * Ministry's form to the provinces and by the provinces' relays to their
 * districts and departments (e.g. Lai Châu): the same questions, so a
 * province's answer can be rolled up from its units' answers.
 *
 * Point 1 of the letter: the list of every vaccination facility (public or
 * private, inside or outside the health sector) and its readiness (premises,
 * equipment, staff, training). Point 2: the people to vaccinate per priority
 * group, and the plan per allocation batch: vaccine, group, time, method, site.
 */
import * as z from '../../core/zod.ts';
import { STATUS_WORDS } from '../../core/format.ts';
import { choice, count, date, fields, optionalText, section, table, text, yesNo, contactSection } from '../../core/fields.ts';
import { atLeast, listedIn, requiredIf } from '../../core/rules.ts';
import type { SummaryInput, SummaryContent, SummaryTable, Cell } from '../../core/form.ts';
import type { Text } from '../../core/i18n.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import priorityGroups from '../../data/nhom-uu-tien-nq21.json' with { type: 'json' };
import vaccines from '../../data/vac-xin-covid-19.json' with { type: 'json' };

const L = (vi: string, en: string): Text => ({ vi, en });
const LITRES = L('lít', 'litres');
const PEOPLE = L('người', 'people');
const DOSES = L('liều', 'doses');

const ownerships = [
  { value: 'public', label: L('Công lập', 'Public') },
  { value: 'private', label: L('Tư nhân', 'Private') },
] as const;
const sectors = [
  { value: 'health', label: L('Trong ngành y tế', 'Health sector') },
  { value: 'other', label: L('Ngoài ngành y tế', 'Outside the health sector') },
] as const;
const modes = [
  { value: 'fixed', label: L('Cố định', 'Fixed') },
  { value: 'mobile', label: L('Lưu động', 'Mobile') },
] as const;
const methods = [
  { value: 'fixed', label: L('Tiêm tại cơ sở cố định', 'At a fixed facility') },
  { value: 'mobile', label: L('Tiêm lưu động', 'Mobile teams') },
  { value: 'campaign', label: L('Tiêm chiến dịch', 'Campaign') },
] as const;
export const coldChainRanges = [
  { key: 'cold2to8', label: L('2 °C đến 8 °C', '2 to 8 °C') },
  { key: 'coldMinus15to25', label: L('−15 °C đến −25 °C', '−15 to −25 °C') },
  { key: 'coldUltra', label: L('Siêu lạnh (−60 °C trở xuống)', 'Ultra-cold (−60 °C or colder)') },
] as const;

const vaccineOptions = vaccines.map((v) => ({ value: v.key, label: L(v.vi, v.en) }));
const groupOptions = priorityGroups.map((g) => ({ value: g.key, label: L(g.vi, g.en) }));

const facilities = table(
  {
    label: L('Danh sách cơ sở tiêm chủng trên địa bàn', 'Vaccination facilities'),
    help: L(
      'Tất cả các cơ sở tiêm chủng, bao gồm cả công lập, tư nhân, trong và ngoài ngành y tế.',
      'Every vaccination facility: public and private, inside and outside the health sector.',
    ),
    rowLabel: L('cơ sở tiêm chủng', 'facility'),
    minRows: 1,
    maxRows: 2000,
    totals: ['dosesPerDay', 'cold2to8', 'coldMinus15to25', 'coldUltra', 'vaccinators'],
  },
  {
    name: text({ label: L('Tên cơ sở', 'Name'), max: 200 }),
    district: text({ label: L('Quận, huyện', 'District'), max: 100 }),
    address: text({ label: L('Địa chỉ', 'Address'), max: 300 }),
    ownership: choice({ label: L('Loại hình', 'Ownership') }, ownerships),
    sector: choice({ label: L('Thuộc', 'Sector') }, sectors),
    mode: choice({ label: L('Hình thức', 'Mode') }, modes),
    dosesPerDay: count({ label: L('Công suất tiêm (liều/ngày)', 'Doses per day'), unit: DOSES, max: 20_000 }),
    cold2to8: count({ label: L('Dây chuyền lạnh 2–8 °C', 'Cold chain 2–8 °C'), unit: LITRES, max: 1_000_000 }),
    coldMinus15to25: count({ label: L('Dây chuyền lạnh −15 đến −25 °C', 'Cold chain −15 to −25 °C'), unit: LITRES, max: 1_000_000 }),
    coldUltra: count({ label: L('Dây chuyền siêu lạnh ≤ −60 °C', 'Ultra-cold ≤ −60 °C'), unit: LITRES, max: 1_000_000 }),
    vaccinators: count({ label: L('Số người tiêm đã được tập huấn', 'Trained vaccinators'), unit: PEOPLE, max: 5_000 }),
    ready: yesNo({ label: L('Sẵn sàng tiêm chủng?', 'Ready?'), yes: L('Đã sẵn sàng', 'Ready'), no: L('Chưa sẵn sàng', 'Not ready') }),
    missing: optionalText({
      label: L('Còn thiếu (cơ sở vật chất, trang thiết bị, nhân lực, tập huấn...)', 'What is missing'),
      max: 500,
    }),
  },
);

const population = section(
  {
    label: L('Đối tượng tiêm chủng theo nhóm ưu tiên (Nghị quyết 21/NQ-CP)', 'People to vaccinate by priority group'),
    help: L('Số người dự kiến tiêm của từng nhóm trên địa bàn.', 'Number of people in each group.'),
    computed: [
      { key: 'total', label: L('Tổng số đối tượng', 'Total'), unit: PEOPLE, formula: { op: 'sum', of: priorityGroups.map((g) => g.key) } },
    ],
  },
  Object.fromEntries(priorityGroups.map((g) => [g.key, count({ label: L(g.vi, g.en), unit: PEOPLE, max: 20_000_000 })])) as Record<
    string,
    ReturnType<typeof count>
  >,
);

const plan = table(
  {
    label: L('Kế hoạch sử dụng vắc xin theo từng đợt phân bổ', 'Vaccine use plan per allocation batch'),
    help: L(
      'Chi tiết đến từng loại vắc xin, đối tượng, thời gian, cách thức triển khai tại từng điểm tiêm chủng.',
      'Per vaccine type, target group, time, method and site.',
    ),
    rowLabel: L('dòng kế hoạch', 'plan row'),
    maxRows: 2000,
    totals: ['doses'],
  },
  {
    batch: text({ label: L('Đợt phân bổ', 'Allocation batch'), max: 100 }),
    vaccine: choice({ label: L('Loại vắc xin', 'Vaccine') }, vaccineOptions),
    doses: count({ label: L('Số liều', 'Doses'), unit: DOSES, max: 10_000_000 }),
    group: choice({ label: L('Nhóm đối tượng', 'Target group') }, groupOptions),
    facility: text({ label: L('Điểm tiêm chủng', 'Site'), max: 200 }),
    method: choice({ label: L('Cách thức triển khai', 'Method') }, methods),
    startDate: date({ label: L('Từ ngày', 'From') }),
    endDate: date({ label: L('Đến ngày', 'To') }),
  },
);

export const readinessSchema = fields(
  {
    facilities,
    population,
    plan,
    note: optionalText({ label: L('Kiến nghị, đề xuất', 'Requests and proposals'), max: 3000, multiline: true }),
    contact: contactSection(),
  },
  [
    requiredIf('facilities.*.missing', { field: 'facilities.*.ready', equals: false }),
    atLeast('plan.*.endDate', 'plan.*.startDate', 'Ngày kết thúc phải từ ngày bắt đầu trở về sau.'),
    // A plan row names a site of the register above, so the plan can be checked against capacity.
    listedIn('plan.*.facility', 'facilities.*.name'),
  ],
);

export type Readiness = z.output<typeof readinessSchema>;
type Facility = Readiness['facilities'][number];


/** The summary any level reads: facilities, cold chain, people, planned doses, per unit. */
export function buildReadinessSummary({ reports }: SummaryInput<Readiness>): SummaryContent {
  const all: Facility[] = reports.flatMap((r) => r.data.facilities);
  const sumOf = (rows: Facility[], key: 'dosesPerDay' | 'cold2to8' | 'coldMinus15to25' | 'coldUltra' | 'vaccinators') =>
    rows.reduce((s, f) => s + f[key], 0);

  const byKind: SummaryTable = {
    id: 'facilities-by-kind',
    title: L('Cơ sở tiêm chủng theo loại hình', 'Facilities by ownership and sector'),
    columns: [
      { key: 'ownership', label: L('Loại hình', 'Ownership'), kind: 'text' },
      { key: 'sector', label: L('Thuộc', 'Sector'), kind: 'text' },
      { key: 'count', label: L('Số cơ sở', 'Facilities'), kind: 'integer' },
      { key: 'fixed', label: L('Cố định', 'Fixed'), kind: 'integer' },
      { key: 'mobile', label: L('Lưu động', 'Mobile'), kind: 'integer' },
      { key: 'ready', label: L('Đã sẵn sàng', 'Ready'), kind: 'integer' },
      { key: 'dosesPerDay', label: L('Công suất (liều/ngày)', 'Doses per day'), kind: 'integer' },
      { key: 'vaccinators', label: L('Người tiêm đã tập huấn', 'Trained vaccinators'), kind: 'integer' },
    ],
    rows: ownerships.flatMap((o) =>
      sectors.map((s) => {
        const rows = all.filter((f) => f.ownership === o.value && f.sector === s.value);
        return {
          ownership: o.label.vi,
          sector: s.label.vi,
          count: rows.length,
          fixed: rows.filter((f) => f.mode === 'fixed').length,
          mobile: rows.filter((f) => f.mode === 'mobile').length,
          ready: rows.filter((f) => f.ready).length,
          dosesPerDay: sumOf(rows, 'dosesPerDay'),
          vaccinators: sumOf(rows, 'vaccinators'),
        };
      }),
    ),
    total: {
      ownership: 'Tổng cộng',
      sector: '',
      count: all.length,
      fixed: all.filter((f) => f.mode === 'fixed').length,
      mobile: all.filter((f) => f.mode === 'mobile').length,
      ready: all.filter((f) => f.ready).length,
      dosesPerDay: sumOf(all, 'dosesPerDay'),
      vaccinators: sumOf(all, 'vaccinators'),
    },
  };

  const coldChain: SummaryTable = {
    id: 'cold-chain',
    title: L('Dung tích dây chuyền lạnh theo dải nhiệt độ bảo quản', 'Cold-chain capacity by storage range'),
    columns: [
      { key: 'range', label: L('Dải nhiệt độ', 'Range'), kind: 'text' },
      { key: 'litres', label: L('Dung tích (lít)', 'Litres'), kind: 'integer' },
      { key: 'facilities', label: L('Số cơ sở có', 'Facilities with it'), kind: 'integer' },
    ],
    rows: coldChainRanges.map((r) => ({
      range: r.label.vi,
      litres: sumOf(all, r.key),
      facilities: all.filter((f) => f[r.key] > 0).length,
    })),
  };

  const people = Object.fromEntries(priorityGroups.map((g) => [g.key, 0])) as Record<string, number>;
  for (const r of reports) for (const g of priorityGroups) people[g.key]! += r.data.population[g.key] ?? 0;
  const totalPeople = Object.values(people).reduce((s, n) => s + n, 0);
  const populationTable: SummaryTable = {
    id: 'population',
    title: L('Đối tượng tiêm chủng theo nhóm ưu tiên', 'People to vaccinate by priority group'),
    columns: [
      { key: 'group', label: L('Nhóm đối tượng (Nghị quyết 21/NQ-CP)', 'Priority group'), kind: 'text' },
      { key: 'people', label: L('Số người', 'People'), kind: 'integer' },
    ],
    rows: priorityGroups.map((g, i) => ({ group: `${i + 1}. ${g.vi}`, people: people[g.key]! })),
    total: { group: 'Tổng cộng', people: totalPeople },
  };

  const planRows = reports.flatMap((r) => r.data.plan);
  const plannedDoses = planRows.reduce((s, p) => s + p.doses, 0);
  const planTable: SummaryTable = {
    id: 'plan-by-vaccine',
    title: L('Số liều vắc xin theo kế hoạch, theo loại vắc xin', 'Planned doses per vaccine'),
    columns: [
      { key: 'vaccine', label: L('Loại vắc xin', 'Vaccine'), kind: 'text' },
      { key: 'doses', label: L('Số liều', 'Doses'), kind: 'integer' },
      { key: 'rows', label: L('Số dòng kế hoạch', 'Plan rows'), kind: 'integer' },
    ],
    rows: vaccineOptions
      .map((v) => {
        const rows = planRows.filter((p) => p.vaccine === v.value);
        return { vaccine: v.label.vi, doses: rows.reduce((s, p) => s + p.doses, 0), rows: rows.length };
      })
      .filter((row) => row.rows > 0),
    total: { vaccine: 'Tổng cộng', doses: plannedDoses, rows: planRows.length },
  };

  const byUnit: SummaryTable = {
    id: 'by-unit',
    title: L('Chi tiết theo đơn vị báo cáo', 'By reporting unit'),
    columns: [
      { key: 'code', label: L('Mã', 'Code'), kind: 'text' },
      { key: 'name', label: L('Đơn vị', 'Unit'), kind: 'text' },
      { key: 'facilities', label: L('Số cơ sở', 'Facilities'), kind: 'integer' },
      { key: 'ready', label: L('Đã sẵn sàng', 'Ready'), kind: 'integer' },
      { key: 'dosesPerDay', label: L('Công suất (liều/ngày)', 'Doses per day'), kind: 'integer' },
      { key: 'people', label: L('Số đối tượng', 'People'), kind: 'integer' },
      { key: 'plannedDoses', label: L('Số liều kế hoạch', 'Planned doses'), kind: 'integer' },
      { key: 'timeliness', label: L('Thời hạn', 'Timeliness'), kind: 'text' },
    ],
    rows: [...reports]
      .sort((a, b) => a.unit.code.localeCompare(b.unit.code))
      .map(({ unit, data, timeliness }): Record<string, Cell> => ({
        code: unit.code,
        name: unit.name,
        facilities: data.facilities.length,
        ready: data.facilities.filter((f) => f.ready).length,
        dosesPerDay: sumOf(data.facilities, 'dosesPerDay'),
        people: priorityGroups.reduce((s, g) => s + (data.population[g.key] ?? 0), 0),
        plannedDoses: data.plan.reduce((s, p) => s + p.doses, 0),
        timeliness: STATUS_WORDS[timeliness],
      })),
  };

  return {
    figures: [
      { label: L('Số cơ sở tiêm chủng', 'Vaccination facilities'), value: all.length },
      { label: L('Công suất tiêm (liều/ngày)', 'Daily capacity (doses)'), value: sumOf(all, 'dosesPerDay') },
      { label: L('Tổng số đối tượng', 'People to vaccinate'), value: totalPeople },
      { label: L('Số liều theo kế hoạch', 'Planned doses'), value: plannedDoses },
    ],
    tables: [byKind, coldChain, populationTable, planTable, byUnit],
  };
}

/**
 * A province's answer built from its districts' and departments' answers: every
 * facility and plan row, and the people per group added up. The contact is the
 * province's own, so it is left for the officer to fill.
 */
export function rollupReadiness(reports: Array<{ unit: OrgUnit; data: Readiness }>): Partial<z.input<typeof readinessSchema>> {
  const population = Object.fromEntries(
    priorityGroups.map((g) => [g.key, reports.reduce((s, r) => s + (r.data.population[g.key] ?? 0), 0)]),
  );
  const notes = reports.filter((r) => r.data.note).map((r) => `${r.unit.name}: ${r.data.note}`);
  return {
    facilities: reports.flatMap((r) => r.data.facilities),
    population,
    plan: reports.flatMap((r) => r.data.plan),
    ...(notes.length > 0 ? { note: notes.join('\n').slice(0, 3000) } : {}),
  };
}

/** Plausible readiness data for a unit: a few facilities, its people, a plan over them. */
export function demoReadiness({ unit, random }: { unit: OrgUnit; random: () => number }): z.input<typeof readinessSchema> {
  const n = 2 + Math.floor(random() * 4);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const place = unit.name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Sở Y tế tỉnh|Sở|Công an tỉnh|Bộ Chỉ huy)\s+/u, '');
  const facilityRows = Array.from({ length: n }, (_, i) => {
    const ownership = i === 0 ? 'public' : pick(['public', 'public', 'private'] as const);
    const ready = random() > 0.2;
    return {
      name: i === 0 ? `Trung tâm Y tế ${place}` : `${ownership === 'public' ? 'Trạm Y tế' : 'Phòng khám'} số ${i}`,
      district: place,
      address: `Số ${1 + Math.floor(random() * 200)}, ${place}`,
      ownership,
      sector: ownership === 'public' || random() > 0.3 ? ('health' as const) : ('other' as const),
      mode: random() > 0.8 ? ('mobile' as const) : ('fixed' as const),
      dosesPerDay: 100 + Math.floor(random() * 900),
      cold2to8: 50 + Math.floor(random() * 500),
      coldMinus15to25: i === 0 ? Math.floor(random() * 200) : 0,
      coldUltra: i === 0 && random() > 0.6 ? Math.floor(random() * 100) : 0,
      vaccinators: 2 + Math.floor(random() * 20),
      ready,
      ...(ready ? {} : { missing: 'Thiếu tủ lạnh bảo quản vắc xin và 2 người tiêm đã được tập huấn' }),
    };
  });
  const population = Object.fromEntries(priorityGroups.map((g) => [g.key, Math.floor(random() * 20_000)]));
  const planRows = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => ({
    batch: `Đợt ${3 + i}`,
    vaccine: pick(vaccines).key,
    doses: 1_000 + Math.floor(random() * 30_000),
    group: pick(priorityGroups).key,
    facility: facilityRows[i % facilityRows.length]!.name,
    method: pick(['fixed', 'mobile', 'campaign'] as const),
    startDate: `2021-06-${String(10 + i * 5).padStart(2, '0')}`,
    endDate: `2021-06-${String(14 + i * 5).padStart(2, '0')}`,
  }));
  return {
    facilities: facilityRows,
    population,
    plan: planRows,
    contact: { name: 'Hoàng Thị Lan', position: 'Khoa Kiểm soát bệnh tật', phone: '0214 387 6543' },
  };
}

/** The title both readiness forms share. */
export const readinessTitle = L(
  'Năng lực, danh sách cơ sở tiêm chủng và kế hoạch sử dụng vắc xin phòng COVID-19',
  'COVID-19 vaccination readiness',
);
