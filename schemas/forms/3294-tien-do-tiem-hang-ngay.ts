/**
 * Công văn 3294/UBND-KGVX (30/09/2021, KHẨN) of the Bình Phước provincial UBND:
 * "Trong mỗi đợt tiêm, định kỳ trước 18h00' hằng ngày báo cáo Trưởng Ban Chỉ đạo
 * tỉnh về tiến độ tiêm chủng và việc nhập thông tin, dữ liệu vào phần mềm ... của
 * tất cả các điểm tiêm chủng". Each of the 11 districts reports its day: doses by
 * dose and age group, sites at work, vaccine on hand, and data entry into the
 * national "Hệ thống tiêm chủng vắc xin phòng Covid-19".
 */
import * as z from '../core/zod.ts';
import { choice, count, fields, grid, optionalText, section, table, contactSection } from '../core/fields.ts';
import { atMost, sumOf, uniqueIn } from '../core/rules.ts';
import type { Formula } from '../core/computed.ts';
import { defineForm, type OutputsOf } from '../core/form.ts';
import { formatDate, formatInteger } from '../core/format.ts';
import { crossTab, daily, figures, sum, tableOf, tally, totalOf, unitTable, type Label } from '../core/summary-kit.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import vaccines from '../data/vac-xin-covid-19.json' with { type: 'json' };

const DOSES = 'liều';
const PEOPLE = 'người';
const SITES = 'điểm';

/**
 * The document does not date the campaign rounds ("trong mỗi đợt tiêm"); October
 * 2021 is our assumption for the round this form collects, to be set per round.
 */
const ROUND = { kind: 'daily', from: '2021-10-01', to: '2021-10-31', deadlineTime: '18:00' } as const;

/** A district gives at most a few thousand doses a day; 50.000 in one cell is a typo. */
const MAX_DOSES_PER_CELL = 50_000;
/** Far above any district's stock, so only an extra digit or two is refused. */
const MAX_VACCINE_DOSES = 1_000_000;

const doseRows = [
  { key: 'dose1', label: 'Mũi 1' },
  { key: 'dose2', label: 'Mũi 2' },
] as const;

const ageColumns = [
  { key: 'age18to49', label: 'Từ 18 đến 49 tuổi' },
  { key: 'age50plus', label: 'Từ 50 tuổi trở lên' },
] as const;

type DoseKey = (typeof doseRows)[number]['key'];
type AgeKey = (typeof ageColumns)[number]['key'];

const AVAILABLE: Formula = { op: 'sum', of: ['openingStock', 'received'] };

const vaccineOptions = vaccines.map((v) => ({ value: v.key, label: v.vi }));

/** Apart from `defineForm` so the summary and demo code can name its output type. */
const schema = fields(
  {
    doses: grid(
      {
        label: 'Số liều vắc xin đã tiêm trong ngày',
        help: 'Số mũi tiêm đã thực hiện trong ngày tại tất cả các điểm tiêm chủng trên địa bàn, theo mũi tiêm và nhóm tuổi.',
        unit: DOSES,
        max: MAX_DOSES_PER_CELL,
      },
      doseRows,
      ageColumns,
    ),
    sites: section(
      {
        label: 'Số điểm tiêm chủng hoạt động trong ngày',
        computed: [{ key: 'total', label: { vi: 'Tổng số điểm tiêm' }, unit: { vi: SITES }, formula: { op: 'sum', of: ['fixed', 'mobile'] } }],
      },
      {
        fixed: count({ label: 'Tiêm tại cơ sở cố định', unit: SITES, max: 500 }),
        mobile: count({ label: 'Điểm tiêm chủng lưu động', unit: SITES, max: 500 }),
      },
    ),
    vaccines: table(
      {
        label: 'Vắc xin phòng Covid-19 trong ngày theo từng loại',
        help: 'Mỗi loại vắc xin một dòng. Số có thể sử dụng = tồn đầu ngày + nhận trong ngày.',
        rowLabel: 'loại vắc xin',
        maxRows: vaccines.length,
        totals: ['openingStock', 'received'],
        computed: [{ key: 'available', label: { vi: 'Có thể sử dụng' }, unit: { vi: DOSES }, formula: AVAILABLE }],
      },
      {
        vaccine: choice({ label: 'Loại vắc xin' }, vaccineOptions),
        openingStock: count({ label: 'Tồn đầu ngày', unit: DOSES, max: MAX_VACCINE_DOSES }),
        received: count({ label: 'Nhận trong ngày', unit: DOSES, max: MAX_VACCINE_DOSES }),
      },
    ),
    dataEntry: section(
      { label: 'Nhập thông tin, dữ liệu lên Hệ thống tiêm chủng vắc xin phòng Covid-19' },
      {
        enteredToday: count({
          label: 'Số đối tượng tiêm chủng được nhập lên Hệ thống trong ngày',
          help: 'Gồm nhập mới đối tượng tiêm trong ngày và nhập hồi cứu.',
          unit: PEOPLE,
          max: 200_000,
        }),
        backlog: count({
          label: 'Số đối tượng đã tiêm chủng nhưng chưa được cập nhật lên Hệ thống (tồn đọng, cần nhập hồi cứu)',
          help: 'Tính đến cuối ngày báo cáo.',
          unit: PEOPLE,
          max: MAX_VACCINE_DOSES,
        }),
      },
    ),
    // People who had dose 1 before the round get dose 2 in it; without this the cumulative rule
    // would refuse a district's true figures.
    before: z.optional(
      section(
        {
          label: 'Lũy kế số mũi đã tiêm trước đợt tiêm này',
          help: 'Nhập ở báo cáo đầu tiên của đợt, hoặc khi cần điều chỉnh; các ngày sau có thể bỏ trống.',
        },
        {
          dose1: count({ label: 'Mũi 1', unit: DOSES, max: 5_000_000 }),
          dose2: count({ label: 'Mũi 2', unit: DOSES, max: 5_000_000 }),
        },
      ),
    ),
    note: optionalText({ label: 'Khó khăn, vướng mắc, đề xuất', max: 2000, multiline: true }),
    contact: contactSection(),
  },
  [
    atMost(
      'doses',
      sumOf('vaccines.*.openingStock', 'vaccines.*.received'),
      'Tổng số liều đã tiêm trong ngày ({value}) vượt quá tổng số vắc xin có thể sử dụng trong ngày ({limit} liều).',
    ),
    uniqueIn('vaccines', 'vaccine'),
  ],
);

/** One district's day as the schema outputs it. */
type Report = z.output<typeof schema>;
type Doses = Report['doses'];

interface DoseTotals {
  dose1: number;
  dose2: number;
  total: number;
}

function doseTotals(doses: Doses): DoseTotals {
  const row = (dose: DoseKey) => ageColumns.reduce((s, age) => s + doses[dose][age.key], 0);
  const dose1 = row('dose1');
  const dose2 = row('dose2');
  return { dose1, dose2, total: dose1 + dose2 };
}

const addTotals = (a: DoseTotals, b: DoseTotals): DoseTotals => ({
  dose1: a.dose1 + b.dose1,
  dose2: a.dose2 + b.dose2,
  total: a.total + b.total,
});

const form = defineForm({
  id: '3294-tien-do-tiem-hang-ngay',
  version: 1,
  title: { vi: 'Báo cáo hằng ngày tiến độ tiêm vắc xin phòng Covid-19 và nhập dữ liệu lên Hệ thống tiêm chủng' },
  directive: {
    number: '3294/UBND-KGVX',
    issuer: '70',
    issuerName: { vi: 'UBND tỉnh Bình Phước' },
    date: '2021-09-30',
    title: { vi: 'V/v đẩy nhanh tiến độ tiêm vắc xin phòng Covid-19' },
    urgency: 'urgent',
  },
  schema,
  reporters: { under: '70', kinds: ['district'] },
  period: ROUND,
  summary: {
    recipients: [{ key: 'truong-bcd-tinh-binh-phuoc', name: { vi: 'Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Bình Phước' } }],
  },
  history: {
    // What the cumulative rule needs of a day: its first and second doses (the unit's running item holds one of
    // these per day of the round, read and rewritten by every save), and the before-round figures when given.
    keep: (d) => {
      const { dose1, dose2 } = doseTotals(d.doses);
      return { dose1, dose2, ...(d.before ? { before: d.before } : {}) };
    },
    check(current, earlier, issue) {
      const inRound = earlier.reduce((s, e) => addTotals(s, { ...e.kept, total: e.kept.dose1 + e.kept.dose2 }), doseTotals(current.doses));
      // The latest figures given for before the round: today's, else the most recent earlier day's.
      const before = current.before ?? earlier.findLast((e) => e.kept.before)?.kept.before;
      const cumulative = before ? addTotals(inRound, { ...before, total: before.dose1 + before.dose2 }) : inRound;
      if (cumulative.dose2 > cumulative.dose1) {
        const scope = before ? 'kể cả trước đợt' : 'trong đợt tiêm';
        issue(
          'doses',
          `Lũy kế mũi 2 ${scope} (${formatInteger(cumulative.dose2)} liều) vượt quá lũy kế mũi 1 (${formatInteger(cumulative.dose1)} liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước${before ? '' : ', hoặc nhập lũy kế trước đợt tiêm'}.`,
        );
      }
    },
  },
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  // Cumulative doses and the daily series add up the round so far: every earlier day's answers are read for it.
  earlierDays: true,
  summary(input) {
    // From the first day of the round summarised (an official's later round starts on its own first day).
    const round = daily(input);
    const since = formatDate(round.days[0]!);
    const given = (d: Report) => doseTotals(d.doses);
    const cumulative = (key: keyof DoseTotals) => ({ label: `Lũy kế từ ${since}: ${key === 'total' ? 'Tổng' : `Mũi ${key.slice(-1)}`}`, each: (u: OrgUnit) => round.cumulative(u.code, (d) => given(d)[key]) });
    const byDistrict = unitTable(input, {
      id: 'by-district',
      title: 'Tiến độ tiêm chủng theo huyện, thị xã, thành phố',
      sheet: 'Tiến độ theo huyện',
      emailTop: 'todayTotal',
      missing: true,
      columns: {
        todayDose1: ['Trong ngày: Mũi 1', (d) => given(d).dose1],
        todayDose2: ['Trong ngày: Mũi 2', (d) => given(d).dose2],
        todayTotal: ['Trong ngày: Tổng', (d) => given(d).total],
        cumulativeDose1: cumulative('dose1'),
        cumulativeDose2: cumulative('dose2'),
        cumulativeTotal: cumulative('total'),
        fixedSites: ['Cơ sở cố định', (d) => d.sites.fixed],
        mobileSites: ['Điểm tiêm lưu động', (d) => d.sites.mobile],
        enteredToday: ['Nhập lên Hệ thống trong ngày', (d) => d.dataEntry.enteredToday],
        backlog: ['Tồn đọng chưa nhập', (d) => d.dataEntry.backlog],
      },
      total: 'Toàn tỉnh',
    });
    const byDoseAndAge = crossTab({
      id: 'by-dose-and-age',
      title: 'Số liều đã tiêm trong ngày theo mũi và nhóm tuổi (toàn tỉnh)',
      sheet: 'Theo mũi và nhóm tuổi',
      corner: ['dose', 'Mũi tiêm'],
      rows: doseRows,
      columns: ageColumns,
      cell: (dose, age) => sum(input.reports.map((r) => r.data.doses[dose as DoseKey][age as AgeKey])),
      rowTotal: 'Tổng',
      total: 'Tổng cộng',
    });
    const stock = (key: 'openingStock' | 'received') => (rows: Report['vaccines']) => sum(rows.map((r) => r[key]));
    const byVaccine = tableOf({
      id: 'by-vaccine',
      title: 'Vắc xin trong ngày theo loại (toàn tỉnh, các huyện đã báo cáo)',
      sheet: 'Vắc xin theo loại',
      // In the order of the national vaccine list, the order officers know.
      rows: tally(input.reports.flatMap((r) => r.data.vaccines), (v) => v.vaccine, vaccineOptions, { vaccine: (_, v) => v.label, openingStock: stock('openingStock'), received: stock('received') }, { skipEmpty: true }),
      columns: { vaccine: 'Loại vắc xin', openingStock: 'Tồn đầu ngày', received: 'Nhận trong ngày', available: ['Có thể sử dụng', (r) => Number(r.openingStock) + Number(r.received)] },
      total: 'Tổng cộng',
    });
    // The round day by day, every day since it began: the province's doses and its cumulative doses (each day
    // marked with how many districts reported: a sum over 1 of 11 is not the province's), each district's
    // doses (its own figure, nothing to mark), the data-entry backlog. A day nobody reported is a gap.
    const perDay = round.perDay((d) => given(d).total);
    const chart = (id: string, title: string, unit: Label, series: Array<[Label, ReadonlyArray<number | null>]>, coverage?: 'running' | false) =>
      round.chart({ id, title, unit, series, ...(coverage === undefined ? {} : { coverage }) });
    const t = totalOf(byDistrict);
    // A running total adds up the reports received: when some are missing, its label says how many it holds.
    const received = round.runningCoverage.at(-1);
    const held = received && received.reported < received.expected ? ` (${received.reported}/${received.expected} báo cáo đã nhận)` : '';
    return {
      charts: [
        chart('doses-per-day', 'Số mũi tiêm mỗi ngày (toàn tỉnh)', DOSES, [['Toàn tỉnh (các huyện đã báo cáo)', perDay]]),
        chart(
          'doses-per-district',
          'Số mũi tiêm mỗi ngày theo huyện',
          DOSES,
          round.units.map((u): [Label, Array<number | null>] => [u.name, round.ofUnit(u.code, (d) => given(d).total)]),
          false,
        ),
        chart('cumulative', `Lũy kế số mũi tiêm từ ${since} (toàn tỉnh)`, DOSES, [['Toàn tỉnh (các báo cáo đã nhận)', round.running(perDay)]], 'running'),
        chart('backlog', 'Số đối tượng chưa nhập lên Hệ thống (tồn đọng)', PEOPLE, [['Các huyện đã báo cáo', round.perDay((d) => d.dataEntry.backlog)]]),
      ],
      figures: figures({
        'Số liều đã tiêm trong ngày': t.todayTotal!,
        [`Lũy kế số liều đã tiêm từ ${since}${held}`]: t.cumulativeTotal!,
        [`Lũy kế mũi 1 từ ${since}${held}`]: t.cumulativeDose1!,
        [`Lũy kế mũi 2 từ ${since}${held}`]: t.cumulativeDose2!,
        'Số đối tượng nhập lên Hệ thống trong ngày': t.enteredToday!,
        'Số đối tượng tồn đọng chưa nhập lên Hệ thống (các huyện báo cáo hôm nay)': t.backlog!,
      }),
      tables: [
        byDistrict,
        byDoseAndAge,
        byVaccine,
        round.table({ id: 'daily-series', title: 'Số mũi tiêm theo ngày, theo huyện', sheet: 'Số mũi tiêm theo ngày', name: 'Huyện, thị xã, thành phố', value: (d) => given(d).total, total: 'Toàn tỉnh' }),
      ],
    };
  },
  demo({ random }) {
    const n = (max: number) => Math.round(random() * max);
    const d1 = { age18to49: 200 + n(2500), age50plus: 50 + n(900) };
    // Dose 2 never above dose 1 within a day, so any run of days keeps the cumulative rule.
    const d2 = { age18to49: Math.round(d1.age18to49 * random()), age50plus: Math.round(d1.age50plus * random()) };
    const given = d1.age18to49 + d1.age50plus + d2.age18to49 + d2.age50plus;
    // The vaccines most used in Vietnam in autumn 2021, not the rarer ones of the list.
    const common = ['astrazeneca', 'sinopharm', 'pfizer', 'moderna'];
    const first = Math.floor(random() * common.length);
    const kinds = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => common[(first + i) % common.length]!);
    // Stock is what was given plus some left over, spread over the vaccines in use.
    let needed = given + n(3000);
    const rows = kinds.map((v, i) => {
      const share = i === kinds.length - 1 ? needed : Math.round(needed * random());
      needed -= share;
      const received = Math.round(share * random());
      return { vaccine: v, openingStock: share - received, received };
    });
    return {
      doses: { dose1: d1, dose2: d2 },
      sites: { fixed: 3 + n(20), mobile: n(15) },
      vaccines: rows,
      dataEntry: { enteredToday: Math.round(given * (0.7 + random() * 0.4)), backlog: n(5000) },
      ...(random() < 0.2 ? { note: 'Thiếu nhân lực nhập liệu tại các điểm tiêm lưu động.' } : {}),
      contact: { name: 'Trần Văn Bình', position: 'Phó Giám đốc Trung tâm Y tế', phone: '0271 3879 123' },
    };
  },
};

export type { Report as Form3294Report };
