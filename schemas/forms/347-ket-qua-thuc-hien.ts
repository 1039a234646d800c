/**
 * Bình Phước's letter relaying Thông báo 347/TB-VPCP (22/12/2021), points 2 and
 * 3: the vaccination targets with their deadlines, screening tests in high-risk
 * places, treatment drugs, mobile medical stations, retired and private health
 * workers, door-to-door vaccination teams. "Báo cáo kết quả thực hiện các nội
 * dung trên về UBND tỉnh trước ngày 08/01/2022."
 *
 * The letter's own number and date are not in the text we have: "…/UBND-KGVX"
 * stands for the number; 28/12/2021 fits its filing mark ("T-365 28/12") and the
 * Sở Y tế letter of 26/12/2021 it answers.
 */
import * as z from '../core/zod.ts';
import { count, fields, section, text, when, yesNo, contactSection } from '../core/fields.ts';
import { atMost } from '../core/rules.ts';
import { evaluateFormula, type Formula } from '../core/computed.ts';
import { defineForm, type OutputsOf } from '../core/form.ts';
import { figures, inCodeOrder, percent, sum, tableOf, unitTable } from '../core/summary-kit.ts';
import { progressTable } from './shared/target-progress.ts';
import type { OrgUnit } from '../core/org-unit.ts';

const PEOPLE = 'người';
const COURSES = 'liệu trình';

/** Bình Phước has about a million inhabitants; the Sở Y tế may report the whole province. */
const MAX_POPULATION = 2_000_000;

const COVERAGE: Formula = { op: 'percent', numerator: 'vaccinated', denominator: 'target' };

/** The three targets of point 2, in the order the letter sets them. */
const targets = [
  {
    key: 'dose2Age18Plus',
    label: 'Tiêm mũi 2 cho người từ 18 tuổi trở lên',
    deadline: 'Chậm nhất ngày 31/12/2021',
    due: '2021-12-31',
    population: 'Số người từ 18 tuổi trở lên cần tiêm',
    vaccinated: 'Số người đã tiêm mũi 2',
    help: 'Không để sót, đặc biệt người có bệnh nền, người trên 50 tuổi.',
  },
  {
    key: 'dose2Age12to17',
    label: 'Tiêm mũi 2 cho người từ 12-17 tuổi',
    deadline: 'Trong tháng 01/2022',
    due: '2022-01-31',
    population: 'Số người từ 12-17 tuổi cần tiêm',
    vaccinated: 'Số người đã tiêm mũi 2',
    help: undefined,
  },
  {
    key: 'dose3Age18Plus',
    label: 'Tiêm mũi thứ 3 cho người từ 18 tuổi trở lên',
    deadline: 'Trong Quý I/2022',
    due: '2022-03-31',
    population: 'Số người từ 18 tuổi trở lên cần tiêm mũi thứ 3',
    vaccinated: 'Số người đã tiêm mũi thứ 3',
    help: undefined,
  },
] as const;

/**
 * More vaccinated than the target is not refused: target lists were estimates, and
 * workers of the industrial parks were vaccinated where they work, not where they live.
 */
function coverageSection(t: (typeof targets)[number]) {
  return when(
    { field: 'reportsVaccination', equals: true },
    section(
      {
        label: `${t.label} (${t.deadline.toLowerCase()})`,
        ...(t.help ? { help: t.help } : {}),
        computed: [{ key: 'coverage', label: { vi: 'Tỷ lệ đạt' }, unit: { vi: '%' }, formula: COVERAGE }],
      },
      {
        target: count({ label: t.population, unit: PEOPLE, max: MAX_POPULATION }),
        vaccinated: count({ label: t.vaccinated, unit: PEOPLE, max: MAX_POPULATION }),
        // Version 2: the pace of the last week, from which the summary projects the completion date.
        lastWeek: z.optional(
          count({
            label: 'Trong đó: số người được tiêm trong 7 ngày gần nhất',
            help: 'Để tính tốc độ tiêm hiện tại và dự báo ngày hoàn thành.',
            unit: PEOPLE,
            max: MAX_POPULATION,
          }),
        ),
      },
    ),
  );
}

const measures = [
  { key: 'screeningTested', label: 'Số người được xét nghiệm tầm soát' },
  { key: 'screeningPositive', label: 'Số ca dương tính phát hiện qua tầm soát' },
  { key: 'drugsReceived', label: 'Số liệu trình thuốc điều trị đã tiếp nhận' },
  { key: 'drugsAllocated', label: 'Số liệu trình đã phân bổ cho cơ sở thu dung, điều trị' },
  { key: 'drugsFacilities', label: 'Số cơ sở thu dung, điều trị được cấp thuốc' },
  { key: 'medicalStations', label: 'Số Trạm Y tế lưu động đã thành lập' },
  { key: 'retiredWorkers', label: 'Số nhân viên y tế đã nghỉ hưu được huy động' },
  { key: 'privateWorkers', label: 'Số nhân viên y tế tư nhân được huy động' },
  { key: 'mobileTeams', label: 'Số tổ lưu động vận động và tiêm vắc xin' },
] as const;

type MeasureKey = (typeof measures)[number]['key'];

/** Apart from `defineForm` so the summary and demo code can name its output type. */
const schema = fields(
  {
    reportsVaccination: yesNo({
      label: 'Đơn vị báo cáo kết quả tiêm vắc xin phòng Covid-19 trên địa bàn?',
      help: 'Báo cáo kết quả thực hiện gửi UBND tỉnh trước ngày 08/01/2022. UBND các huyện, thị xã, thành phố và Sở Y tế chọn "Có"; sở, ban, ngành không trực tiếp tổ chức tiêm chọn "Không".',
      yes: 'Có — báo cáo kết quả tiêm theo 3 mục tiêu',
      no: 'Không — đơn vị không trực tiếp tổ chức tiêm',
    }),
    dose2Age18Plus: coverageSection(targets[0]),
    dose2Age12to17: coverageSection(targets[1]),
    dose3Age18Plus: coverageSection(targets[2]),
    mobileTeams: count({ label: 'Số tổ lưu động "đi từng ngõ, gõ từng nhà, rà từng người" để vận động người dân và tiêm vắc xin', unit: 'tổ', max: 5_000 }),
    screening: section(
      { label: 'Xét nghiệm tầm soát đối tượng, địa bàn có nguy cơ cao (đặc biệt tại các khu công nghiệp)' },
      {
        tested: count({ label: measures[0].label, unit: PEOPLE, max: MAX_POPULATION }),
        positive: count({ label: measures[1].label, unit: 'ca', max: MAX_POPULATION }),
      },
    ),
    drugs: section(
      {
        label: 'Thuốc điều trị Covid-19',
        help: 'Số lũy kế đến ngày báo cáo. Còn tồn = đã tiếp nhận − đã phân bổ.',
        computed: [{ key: 'inStock', label: { vi: 'Số liệu trình còn tồn' }, unit: { vi: COURSES }, formula: { op: 'difference', minuend: 'received', subtrahend: 'allocated' } }],
      },
      {
        received: count({ label: measures[2].label, unit: COURSES, max: MAX_POPULATION }),
        allocated: count({ label: measures[3].label, unit: COURSES, max: MAX_POPULATION }),
        facilities: count({ label: measures[4].label, unit: 'cơ sở', max: 1_000 }),
      },
    ),
    medicalStations: count({ label: 'Số Trạm Y tế lưu động đã thành lập thêm', unit: 'trạm', max: 1_000 }),
    workforce: section(
      {
        label: 'Huy động lực lượng tham gia chăm sóc, hỗ trợ điều trị người nhiễm Covid-19',
        computed: [{ key: 'total', label: { vi: 'Tổng số' }, unit: { vi: PEOPLE }, formula: { op: 'sum', of: ['retired', 'private'] } }],
      },
      {
        retired: count({ label: 'Nhân viên y tế đã nghỉ hưu', unit: PEOPLE, max: 10_000 }),
        private: count({ label: 'Nhân viên y tế thuộc hệ thống y tế tư nhân', unit: PEOPLE, max: 10_000 }),
      },
    ),
    narrative: text({ label: 'Tóm tắt kết quả thực hiện, khó khăn, vướng mắc và đề xuất', max: 3000, multiline: true }),
    contact: contactSection(),
  },
  [
    atMost('screening.positive', 'screening.tested'),
    atMost('drugs.allocated', 'drugs.received'),
    // Each facility supplied got at least one course.
    atMost('drugs.facilities', 'drugs.allocated'),
  ],
);

/** One unit's answer as the schema outputs it. */
type Report = z.output<typeof schema>;

function measuresOf(data: Report): Record<MeasureKey, number> {
  return {
    screeningTested: data.screening.tested,
    screeningPositive: data.screening.positive,
    drugsReceived: data.drugs.received,
    drugsAllocated: data.drugs.allocated,
    drugsFacilities: data.drugs.facilities,
    medicalStations: data.medicalStations,
    retiredWorkers: data.workforce.retired,
    privateWorkers: data.workforce.private,
    mobileTeams: data.mobileTeams,
  };
}

const KIND_LABEL: Partial<Record<OrgUnit['kind'], string>> = { district: 'Huyện, thị xã, thành phố', department: 'Sở, ban, ngành' };


const form = defineForm({
  id: '347-ket-qua-thuc-hien',
  // 2: each target asks for the last 7 days (optional, so version-1 answers stay valid).
  version: 2,
  title: { vi: 'Báo cáo kết quả thực hiện chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 347/TB-VPCP' },
  directive: {
    number: '…/UBND-KGVX',
    issuer: '70',
    issuerName: { vi: 'UBND tỉnh Bình Phước' },
    date: '2021-12-28',
    title: { vi: 'V/v thực hiện chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 347/TB-VPCP' },
    urgency: 'normal',
  },
  schema,
  reporters: { under: '70', kinds: ['department', 'district'] },
  // "trước ngày 08/01/2022": due when that day begins.
  period: { kind: 'once', period: '2022-01-08', deadline: '2022-01-08T00:00' },
  summary: {
    recipients: [{ key: 'ubnd-tinh-binh-phuoc', name: { vi: 'UBND tỉnh Bình Phước' } }],
  },
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  summary(input) {
    // Departments report their own activities; the Sở Y tế's figures may already cover the
    // districts, so only districts are added up against the population targets.
    const districts = inCodeOrder(input.reports.filter((r) => r.unit.kind === 'district'));
    const coverage = tableOf({
      id: 'coverage',
      title: 'Kết quả tiêm vắc xin theo mục tiêu — cộng số liệu các huyện, thị xã, thành phố (số liệu của sở, ban, ngành không cộng vào)',
      sheet: 'Kết quả theo mục tiêu',
      rows: targets.map((t) => {
        const sections = districts.flatMap((r) => (r.data[t.key] ? [r.data[t.key]!] : []));
        return { target: t.label, deadline: t.deadline, population: sum(sections.map((c) => c.target)), vaccinated: sum(sections.map((c) => c.vaccinated)), reported: sections.length };
      }),
      columns: { target: 'Mục tiêu', deadline: 'Thời hạn', population: 'Số người cần tiêm', vaccinated: 'Số người đã tiêm', percent: { label: 'Tỷ lệ đạt', percent: ['vaccinated', 'population'] }, reported: 'Số huyện có số liệu' },
    });
    const byUnit = unitTable(input, {
      id: 'by-unit',
      title: 'Chi tiết theo đơn vị',
      name: 'Đơn vị',
      columns: {
        kind: { label: 'Loại đơn vị', kind: 'text', value: (_, u) => KIND_LABEL[u.kind] ?? u.kind },
        ...Object.fromEntries(targets.map((t) => [t.key, { label: `Tỷ lệ: ${t.label}`, kind: 'percent', value: (d: Report) => (d[t.key] ? (evaluateFormula(COVERAGE, d[t.key]) ?? null) : null) }])),
        ...Object.fromEntries(measures.map((m) => [m.key, [m.label, (d: Report) => measuresOf(d)[m.key]]])),
      },
      total: 'Tổng cộng',
    });
    const of = (only: (u: OrgUnit) => boolean, key: MeasureKey) => sum(input.reports.filter((r) => only(r.unit)).map((r) => measuresOf(r.data)[key]));
    const measuresTable = tableOf({
      id: 'measures',
      title: 'Các biện pháp khác (số liệu do từng đơn vị báo cáo; số của sở, ban, ngành và của huyện có thể trùng nhau)',
      sheet: 'Các biện pháp khác',
      rows: measures.map((m) => ({ measure: m.label, districts: of((u) => u.kind === 'district', m.key), departments: of((u) => u.kind !== 'district', m.key), all: of(() => true, m.key) })),
      columns: { measure: 'Nội dung', districts: 'Các huyện, thị xã, thành phố', departments: 'Các sở, ban, ngành', all: 'Tổng cộng' },
    });
    const narratives = tableOf({
      id: 'narratives',
      title: 'Tóm tắt kết quả, khó khăn, vướng mắc và đề xuất của các đơn vị',
      sheet: 'Tóm tắt của các đơn vị',
      rows: inCodeOrder(input.reports).map((r) => ({ name: r.unit.name, narrative: r.data.narrative })),
      columns: { name: ['Đơn vị', 'text'], narrative: ['Nội dung', 'text'] },
    });
    const inDistricts = (key: MeasureKey) => of((u) => u.kind === 'district', key);
    const rate = (t: (typeof targets)[number], i: number) => [`Tỷ lệ ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)} (các huyện)`, percent(Number(coverage.rows[i]!.percent ?? 0))];
    return {
      figures: figures({
        ...Object.fromEntries(targets.map(rate)),
        // The districts' sums, as the rates above: a department's figure may already count a district's (see the measures table).
        [`${measures[0].label} (các huyện)`]: inDistricts('screeningTested'),
        [`${measures[1].label} (các huyện)`]: inDistricts('screeningPositive'),
        [`${measures[3].label} (các huyện)`]: inDistricts('drugsAllocated'),
        [`${measures[5].label} (các huyện)`]: inDistricts('medicalStations'),
        'Số nhân viên y tế nghỉ hưu, tư nhân được huy động (các huyện)': inDistricts('retiredWorkers') + inDistricts('privateWorkers'),
        [`${measures[8].label} (các huyện)`]: inDistricts('mobileTeams'),
      }),
      tables: [coverage, progressTable(input.period, targets, districts, 'Toàn tỉnh (các huyện)'), byUnit, measuresTable, narratives],
    };
  },
  demo({ unit, random }) {
    const n = (min: number, max: number) => min + Math.round(random() * (max - min));
    const share = (of: number, low: number, high: number) => Math.round(of * (low + random() * (high - low)));
    const district = unit.kind === 'district';
    // The Sở Y tế reports the province's vaccination too, as the help text asks.
    const vaccinates = district || unit.code === '70-SYT';
    const adults = district ? n(50_000, 180_000) : n(600_000, 700_000);
    const teens = Math.round(adults * 0.12);
    const tested = district ? n(500, 20_000) : n(0, 3_000);
    const received = unit.code === '70-SYT' ? n(2_000, 8_000) : district ? n(100, 1_500) : 0;
    const allocated = share(received, 0.5, 1);
    return {
      reportsVaccination: vaccinates,
      ...(vaccinates
        ? {
            dose2Age18Plus: { target: adults, vaccinated: share(adults, 0.88, 1.01) },
            dose2Age12to17: { target: teens, vaccinated: share(teens, 0.4, 0.95), lastWeek: share(teens, 0.02, 0.12) },
            dose3Age18Plus: { target: adults, vaccinated: share(adults, 0.02, 0.25), lastWeek: share(adults, 0.005, 0.04) },
          }
        : {}),
      mobileTeams: district ? n(5, 60) : 0,
      screening: { tested, positive: share(tested, 0, 0.03) },
      drugs: { received, allocated, facilities: Math.min(allocated, district ? n(1, 12) : n(0, 20)) },
      medicalStations: district ? n(0, 15) : 0,
      workforce: { retired: district ? n(0, 40) : 0, private: district ? n(0, 80) : n(0, 10) },
      narrative: district
        ? 'Đã tổ chức các tổ lưu động tiêm vắc xin tại nhà cho người cao tuổi, người có bệnh nền; còn một số người chưa chịu tiêm.'
        : vaccinates
          ? 'Đã phân bổ thuốc điều trị cho các cơ sở thu dung, điều trị; tăng cường xét nghiệm tầm soát tại các khu công nghiệp.'
          : 'Đã quán triệt, triển khai các nội dung được giao; phối hợp với UBND các huyện, thị xã, thành phố.',
      contact: { name: 'Lê Thị Hoa', position: `Chuyên viên, ${unit.name}`, phone: '0271 3870 456' },
    };
  },
};

export type { Report as Form347ResultsReport };
