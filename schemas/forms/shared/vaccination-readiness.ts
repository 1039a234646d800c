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
import { choice, count, date, fields, optionalText, section, table, text, yesNo, contactSection } from '../../core/fields.ts';
import { atLeast, listedIn, requiredIf } from '../../core/rules.ts';
import type { SummaryInput, SummaryContent } from '../../core/form.ts';
import { figures, sum, tableOf, tally, totalOf, unitTable } from '../../core/summary-kit.ts';
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
export function buildReadinessSummary(input: SummaryInput<Readiness>): SummaryContent {
  const all: Facility[] = input.reports.flatMap((r) => r.data.facilities);
  const facilityCounts = (rows: Facility[]) => ({
    count: rows.length,
    fixed: rows.filter((f) => f.mode === 'fixed').length,
    mobile: rows.filter((f) => f.mode === 'mobile').length,
    ready: rows.filter((f) => f.ready).length,
    dosesPerDay: sum(rows.map((f) => f.dosesPerDay)),
    vaccinators: sum(rows.map((f) => f.vaccinators)),
  });
  const byKind = tableOf({
    id: 'facilities-by-kind',
    title: 'Cơ sở tiêm chủng theo loại hình',
    rows: ownerships.flatMap((o) => sectors.map((s) => ({ ownership: o.label.vi, sector: s.label.vi, ...facilityCounts(all.filter((f) => f.ownership === o.value && f.sector === s.value)) }))),
    columns: { ownership: 'Loại hình', sector: 'Thuộc', count: 'Số cơ sở', fixed: 'Cố định', mobile: 'Lưu động', ready: 'Đã sẵn sàng', dosesPerDay: 'Công suất (liều/ngày)', vaccinators: 'Người tiêm đã tập huấn' },
    total: 'Tổng cộng',
  });
  const coldChain = tableOf({
    id: 'cold-chain',
    title: 'Dung tích dây chuyền lạnh theo dải nhiệt độ bảo quản',
    sheet: 'Dây chuyền lạnh',
    rows: coldChainRanges.map((r) => ({ range: r.label.vi, litres: sum(all.map((f) => f[r.key])), facilities: all.filter((f) => f[r.key] > 0).length })),
    columns: { range: 'Dải nhiệt độ', litres: 'Dung tích (lít)', facilities: 'Số cơ sở có' },
  });
  const peopleOf = (data: Readiness) => sum(priorityGroups.map((g) => data.population[g.key] ?? 0));
  const population = tableOf({
    id: 'population',
    title: 'Đối tượng tiêm chủng theo nhóm ưu tiên',
    sheet: 'Đối tượng theo nhóm ưu tiên',
    rows: priorityGroups.map((g, i) => ({ group: `${i + 1}. ${g.vi}`, people: sum(input.reports.map((r) => r.data.population[g.key] ?? 0)) })),
    columns: { group: 'Nhóm đối tượng (Nghị quyết 21/NQ-CP)', people: 'Số người' },
    total: 'Tổng cộng',
  });
  const planRows = input.reports.flatMap((r) => r.data.plan);
  const plan = tableOf({
    id: 'plan-by-vaccine',
    title: 'Số liều vắc xin theo kế hoạch, theo loại vắc xin',
    sheet: 'Kế hoạch theo loại vắc xin',
    rows: tally(planRows, (p) => p.vaccine, vaccineOptions, { vaccine: (_, v) => v.label.vi, doses: (rows) => sum(rows.map((p) => p.doses)), rows: (rows) => rows.length }, { skipEmpty: true }),
    columns: { vaccine: 'Loại vắc xin', doses: 'Số liều', rows: 'Số dòng kế hoạch' },
    total: 'Tổng cộng',
  });
  const byUnit = unitTable(input, {
    id: 'by-unit',
    title: 'Chi tiết theo đơn vị báo cáo',
    name: 'Đơn vị',
    columns: {
      facilities: ['Số cơ sở', (d) => d.facilities.length],
      ready: ['Đã sẵn sàng', (d) => d.facilities.filter((f) => f.ready).length],
      dosesPerDay: ['Công suất (liều/ngày)', (d) => sum(d.facilities.map((f) => f.dosesPerDay))],
      people: ['Số đối tượng', peopleOf],
      plannedDoses: ['Số liều kế hoạch', (d) => sum(d.plan.map((p) => p.doses))],
    },
  });
  return {
    figures: figures({
      'Số cơ sở tiêm chủng': all.length,
      'Công suất tiêm (liều/ngày)': totalOf(byKind).dosesPerDay!,
      'Tổng số đối tượng': totalOf(population).people!,
      'Số liều theo kế hoạch': totalOf(plan).doses!,
    }),
    tables: [byKind, coldChain, population, plan, byUnit],
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
