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
import { defineForm, type Cell, type SummaryTable } from '../core/form.ts';
import { formatDate, formatInteger, STATUS_WORDS } from '../core/format.ts';
import type { Text } from '../core/i18n.ts';
import type { OrgUnit } from '../core/org-unit.ts';
import vaccines from '../data/vac-xin-covid-19.json' with { type: 'json' };

const DOSES: Text = { vi: 'liều', en: 'doses' };
const PEOPLE: Text = { vi: 'người', en: 'people' };
const SITES: Text = { vi: 'điểm', en: 'sites' };

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
  { key: 'dose1', label: { vi: 'Mũi 1', en: 'Dose 1' } },
  { key: 'dose2', label: { vi: 'Mũi 2', en: 'Dose 2' } },
] as const;

const ageColumns = [
  { key: 'age18to49', label: { vi: 'Từ 18 đến 49 tuổi', en: 'Aged 18–49' } },
  { key: 'age50plus', label: { vi: 'Từ 50 tuổi trở lên', en: 'Aged 50 and over' } },
] as const;

type DoseKey = (typeof doseRows)[number]['key'];
type AgeKey = (typeof ageColumns)[number]['key'];

const AVAILABLE: Formula = { op: 'sum', of: ['openingStock', 'received'] };

const vaccineOptions = vaccines.map((v) => ({ value: v.key, label: { vi: v.vi, en: v.en } }));

/** Apart from `defineForm` so the summary and demo code can name its output type. */
const schema = fields(
  {
    doses: grid(
      {
        label: { vi: 'Số liều vắc xin đã tiêm trong ngày', en: 'Doses given today' },
        help: {
          vi: 'Số mũi tiêm đã thực hiện trong ngày tại tất cả các điểm tiêm chủng trên địa bàn, theo mũi tiêm và nhóm tuổi.',
          en: 'Doses given today at every site in the district, by dose and age group.',
        },
        unit: DOSES,
        max: MAX_DOSES_PER_CELL,
      },
      doseRows,
      ageColumns,
    ),
    sites: section(
      {
        label: { vi: 'Số điểm tiêm chủng hoạt động trong ngày', en: 'Vaccination sites at work today' },
        computed: [
          { key: 'total', label: { vi: 'Tổng số điểm tiêm', en: 'All sites' }, unit: SITES, formula: { op: 'sum', of: ['fixed', 'mobile'] } },
        ],
      },
      {
        fixed: count({ label: { vi: 'Tiêm tại cơ sở cố định', en: 'Fixed sites' }, unit: SITES, max: 500 }),
        mobile: count({ label: { vi: 'Điểm tiêm chủng lưu động', en: 'Mobile sites' }, unit: SITES, max: 500 }),
      },
    ),
    vaccines: table(
      {
        label: { vi: 'Vắc xin phòng Covid-19 trong ngày theo từng loại', en: 'COVID-19 vaccine today, by type' },
        help: {
          vi: 'Mỗi loại vắc xin một dòng. Số có thể sử dụng = tồn đầu ngày + nhận trong ngày.',
          en: 'One row per vaccine. Available = opening stock + received today.',
        },
        rowLabel: { vi: 'loại vắc xin', en: 'vaccine' },
        maxRows: vaccines.length,
        totals: ['openingStock', 'received'],
        computed: [{ key: 'available', label: { vi: 'Có thể sử dụng', en: 'Available' }, unit: DOSES, formula: AVAILABLE }],
      },
      {
        vaccine: choice({ label: { vi: 'Loại vắc xin', en: 'Vaccine' } }, vaccineOptions),
        openingStock: count({ label: { vi: 'Tồn đầu ngày', en: 'Opening stock' }, unit: DOSES, max: MAX_VACCINE_DOSES }),
        received: count({ label: { vi: 'Nhận trong ngày', en: 'Received today' }, unit: DOSES, max: MAX_VACCINE_DOSES }),
      },
    ),
    dataEntry: section(
      {
        label: {
          vi: 'Nhập thông tin, dữ liệu lên Hệ thống tiêm chủng vắc xin phòng Covid-19',
          en: 'Data entry into the national COVID-19 vaccination system',
        },
      },
      {
        enteredToday: count({
          label: { vi: 'Số đối tượng tiêm chủng được nhập lên Hệ thống trong ngày', en: 'People entered today' },
          help: { vi: 'Gồm nhập mới đối tượng tiêm trong ngày và nhập hồi cứu.', en: 'New records and backlog entered today.' },
          unit: PEOPLE,
          max: 200_000,
        }),
        backlog: count({
          label: {
            vi: 'Số đối tượng đã tiêm chủng nhưng chưa được cập nhật lên Hệ thống (tồn đọng, cần nhập hồi cứu)',
            en: 'Vaccinated people not yet entered (backlog)',
          },
          help: { vi: 'Tính đến cuối ngày báo cáo.', en: 'At the end of the day.' },
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
          label: { vi: 'Lũy kế số mũi đã tiêm trước đợt tiêm này', en: 'Doses given before this round' },
          help: {
            vi: `Nhập ở báo cáo đầu tiên của đợt (từ ${formatDate(ROUND.from)}), hoặc khi cần điều chỉnh; các ngày sau có thể bỏ trống.`,
            en: 'Fill in on the first report of the round, or to correct it; leave empty afterwards.',
          },
        },
        {
          dose1: count({ label: { vi: 'Mũi 1', en: 'Dose 1' }, unit: DOSES, max: 5_000_000 }),
          dose2: count({ label: { vi: 'Mũi 2', en: 'Dose 2' }, unit: DOSES, max: 5_000_000 }),
        },
      ),
    ),
    note: optionalText({ label: { vi: 'Khó khăn, vướng mắc, đề xuất', en: 'Difficulties and proposals' }, max: 2000, multiline: true }),
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

const NO_DOSES: DoseTotals = { dose1: 0, dose2: 0, total: 0 };



export default defineForm({
  id: '3294-tien-do-tiem-hang-ngay',
  version: 1,
  title: {
    vi: 'Báo cáo hằng ngày tiến độ tiêm vắc xin phòng Covid-19 và nhập dữ liệu lên Hệ thống tiêm chủng',
    en: 'Daily COVID-19 vaccination progress and data entry',
  },
  directive: {
    number: '3294/UBND-KGVX',
    issuer: '70',
    issuerName: { vi: 'UBND tỉnh Bình Phước', en: 'People’s Committee of Bình Phước province' },
    date: '2021-09-30',
    title: {
      vi: 'V/v đẩy nhanh tiến độ tiêm vắc xin phòng Covid-19',
      en: 'On speeding up COVID-19 vaccination',
    },
    urgency: 'urgent',
  },
  schema,
  reporters: { under: '70', kinds: ['district'] },
  period: ROUND,
  summary: {
    recipients: [
      {
        key: 'truong-bcd-tinh-binh-phuoc',
        name: {
          vi: 'Trưởng Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Bình Phước',
          en: 'Head of the Bình Phước COVID-19 Steering Committee',
        },
      },
    ],
    build({ period, reports, reporters, earlier }) {
      const cumulativeBefore = new Map<string, DoseTotals>();
      for (const { unit, data } of earlier) {
        cumulativeBefore.set(unit.code, addTotals(cumulativeBefore.get(unit.code) ?? NO_DOSES, doseTotals(data.doses)));
      }
      const today = new Map(reports.map((r) => [r.unit.code, r]));

      // Every district is listed, so one that did not report today is visible with what it did before.
      const units = new Map<string, OrgUnit>(reporters.map((u) => [u.code, u]));
      for (const { unit } of [...reports, ...earlier]) if (!units.has(unit.code)) units.set(unit.code, unit);

      let provinceToday = NO_DOSES;
      let provinceCumulative = NO_DOSES;
      const sitesTotal = { fixed: 0, mobile: 0 };
      const entry = { enteredToday: 0, backlog: 0 };
      const rows: Array<Record<string, Cell>> = [];
      for (const unit of [...units.values()].sort((a, b) => a.code.localeCompare(b.code))) {
        const report = today.get(unit.code);
        const todayDoses = report ? doseTotals(report.data.doses) : undefined;
        const cumulative = addTotals(cumulativeBefore.get(unit.code) ?? NO_DOSES, todayDoses ?? NO_DOSES);
        provinceCumulative = addTotals(provinceCumulative, cumulative);
        if (report && todayDoses) {
          provinceToday = addTotals(provinceToday, todayDoses);
          sitesTotal.fixed += report.data.sites.fixed;
          sitesTotal.mobile += report.data.sites.mobile;
          entry.enteredToday += report.data.dataEntry.enteredToday;
          entry.backlog += report.data.dataEntry.backlog;
        }
        rows.push({
          code: unit.code,
          name: unit.name,
          todayDose1: todayDoses?.dose1 ?? null,
          todayDose2: todayDoses?.dose2 ?? null,
          todayTotal: todayDoses?.total ?? null,
          cumulativeDose1: cumulative.dose1,
          cumulativeDose2: cumulative.dose2,
          cumulativeTotal: cumulative.total,
          fixedSites: report?.data.sites.fixed ?? null,
          mobileSites: report?.data.sites.mobile ?? null,
          enteredToday: report?.data.dataEntry.enteredToday ?? null,
          backlog: report?.data.dataEntry.backlog ?? null,
          status: STATUS_WORDS[report?.timeliness ?? 'missing'],
        });
      }

      const since = formatDate(ROUND.from);
      const byDistrict: SummaryTable = {
        id: 'by-district',
        title: { vi: 'Tiến độ tiêm chủng theo huyện, thị xã, thành phố', en: 'Progress by district' },
        columns: [
          { key: 'code', label: { vi: 'Mã', en: 'Code' }, kind: 'text' },
          { key: 'name', label: { vi: 'Huyện, thị xã, thành phố', en: 'District' }, kind: 'text' },
          { key: 'todayDose1', label: { vi: 'Trong ngày: Mũi 1', en: 'Today: dose 1' }, kind: 'integer' },
          { key: 'todayDose2', label: { vi: 'Trong ngày: Mũi 2', en: 'Today: dose 2' }, kind: 'integer' },
          { key: 'todayTotal', label: { vi: 'Trong ngày: Tổng', en: 'Today: total' }, kind: 'integer' },
          { key: 'cumulativeDose1', label: { vi: `Lũy kế từ ${since}: Mũi 1`, en: `Since ${ROUND.from}: dose 1` }, kind: 'integer' },
          { key: 'cumulativeDose2', label: { vi: `Lũy kế từ ${since}: Mũi 2`, en: `Since ${ROUND.from}: dose 2` }, kind: 'integer' },
          { key: 'cumulativeTotal', label: { vi: `Lũy kế từ ${since}: Tổng`, en: `Since ${ROUND.from}: total` }, kind: 'integer' },
          { key: 'fixedSites', label: { vi: 'Cơ sở cố định', en: 'Fixed sites' }, kind: 'integer' },
          { key: 'mobileSites', label: { vi: 'Điểm tiêm lưu động', en: 'Mobile sites' }, kind: 'integer' },
          { key: 'enteredToday', label: { vi: 'Nhập lên Hệ thống trong ngày', en: 'Entered today' }, kind: 'integer' },
          { key: 'backlog', label: { vi: 'Tồn đọng chưa nhập', en: 'Backlog' }, kind: 'integer' },
          { key: 'status', label: { vi: 'Tình trạng báo cáo', en: 'Report status' }, kind: 'text' },
        ],
        rows,
        total: {
          code: '',
          name: 'Toàn tỉnh',
          todayDose1: provinceToday.dose1,
          todayDose2: provinceToday.dose2,
          todayTotal: provinceToday.total,
          cumulativeDose1: provinceCumulative.dose1,
          cumulativeDose2: provinceCumulative.dose2,
          cumulativeTotal: provinceCumulative.total,
          fixedSites: sitesTotal.fixed,
          mobileSites: sitesTotal.mobile,
          enteredToday: entry.enteredToday,
          backlog: entry.backlog,
          status: `${reports.length}/${units.size} đã báo cáo`,
        },
      };

      const cell = (dose: DoseKey, age: AgeKey) => reports.reduce((s, r) => s + r.data.doses[dose][age], 0);
      const byDoseAndAge: SummaryTable = {
        id: 'by-dose-and-age',
        title: { vi: 'Số liều đã tiêm trong ngày theo mũi và nhóm tuổi (toàn tỉnh)', en: 'Doses today by dose and age group (province)' },
        columns: [
          { key: 'dose', label: { vi: 'Mũi tiêm', en: 'Dose' }, kind: 'text' },
          ...ageColumns.map((age) => ({ key: age.key, label: age.label, kind: 'integer' as const })),
          { key: 'total', label: { vi: 'Tổng', en: 'Total' }, kind: 'integer' },
        ],
        rows: doseRows.map((dose) => ({
          dose: dose.label.vi,
          ...Object.fromEntries(ageColumns.map((age) => [age.key, cell(dose.key, age.key)])),
          total: provinceToday[dose.key],
        })),
        total: {
          dose: 'Tổng cộng',
          ...Object.fromEntries(ageColumns.map((age) => [age.key, cell('dose1', age.key) + cell('dose2', age.key)])),
          total: provinceToday.total,
        },
      };

      const stock = new Map<string, { openingStock: number; received: number }>();
      for (const { data } of reports) {
        for (const row of data.vaccines) {
          const sum = stock.get(row.vaccine) ?? { openingStock: 0, received: 0 };
          sum.openingStock += row.openingStock;
          sum.received += row.received;
          stock.set(row.vaccine, sum);
        }
      }
      // In the order of the national vaccine list, the order officers know.
      const stockRows = vaccines.flatMap((v) => {
        const sum = stock.get(v.key);
        return sum ? [{ vaccine: v.vi, ...sum, available: sum.openingStock + sum.received }] : [];
      });
      const stockTotal = stockRows.reduce(
        (s, r) => ({ openingStock: s.openingStock + r.openingStock, received: s.received + r.received }),
        { openingStock: 0, received: 0 },
      );
      const byVaccine: SummaryTable = {
        id: 'by-vaccine',
        title: { vi: 'Vắc xin trong ngày theo loại (toàn tỉnh, các huyện đã báo cáo)', en: 'Vaccine today by type (reporting districts)' },
        columns: [
          { key: 'vaccine', label: { vi: 'Loại vắc xin', en: 'Vaccine' }, kind: 'text' },
          { key: 'openingStock', label: { vi: 'Tồn đầu ngày', en: 'Opening stock' }, kind: 'integer' },
          { key: 'received', label: { vi: 'Nhận trong ngày', en: 'Received today' }, kind: 'integer' },
          { key: 'available', label: { vi: 'Có thể sử dụng', en: 'Available' }, kind: 'integer' },
        ],
        rows: stockRows,
        total: { vaccine: 'Tổng cộng', ...stockTotal, available: stockTotal.openingStock + stockTotal.received },
      };

      // The round day by day: doses per district, the province's cumulative doses, the data-entry backlog.
      const days = [...new Set([...earlier.map((e) => e.period), period])].sort();
      const dayOf = new Map<string, Map<string, Report>>();
      for (const e of [...earlier, ...reports.map((r) => ({ period, unit: r.unit, data: r.data }))]) {
        if (!dayOf.has(e.period)) dayOf.set(e.period, new Map());
        dayOf.get(e.period)!.set(e.unit.code, e.data);
      }
      const districts = [...units.values()].sort((a, b) => a.code.localeCompare(b.code));
      const dosesOn = (day: string, code: string) => {
        const data = dayOf.get(day)?.get(code);
        return data ? doseTotals(data.doses).total : null;
      };
      const provinceByDay = days.map((d) => districts.reduce((s, u) => s + (dosesOn(d, u.code) ?? 0), 0));
      let running = 0;
      const cumulativeByDay = provinceByDay.map((n) => (running += n));
      const backlogByDay = days.map((d) => {
        const reported = [...(dayOf.get(d)?.values() ?? [])];
        return reported.length ? reported.reduce((s, r) => s + r.dataEntry.backlog, 0) : null;
      });
      const dayLabel = (d: string) => d.slice(8, 10) + '/' + d.slice(5, 7);
      const series: SummaryTable = {
        id: 'daily-series',
        title: { vi: 'Số mũi tiêm theo ngày, theo huyện', en: 'Doses per day and district' },
        columns: [
          { key: 'name', label: { vi: 'Huyện, thị xã, thành phố', en: 'District' }, kind: 'text' },
          ...days.map((d) => ({ key: d, label: { vi: dayLabel(d), en: d }, kind: 'integer' as const })),
          { key: 'total', label: { vi: 'Cộng', en: 'Total' }, kind: 'integer' },
        ],
        rows: districts.map((u) => ({
          name: u.name,
          ...Object.fromEntries(days.map((d) => [d, dosesOn(d, u.code)])),
          total: days.reduce((s, d) => s + (dosesOn(d, u.code) ?? 0), 0),
        })),
        total: { name: 'Toàn tỉnh', ...Object.fromEntries(days.map((d, i) => [d, provinceByDay[i]!])), total: running },
      };
      const charts = [
        {
          id: 'doses-per-day',
          title: { vi: 'Số mũi tiêm mỗi ngày', en: 'Doses per day' },
          x: days.map(dayLabel),
          unit: DOSES,
          series: [
            { label: { vi: 'Toàn tỉnh', en: 'Province' }, values: provinceByDay },
            ...districts.map((u) => ({ label: { vi: u.name, en: u.name }, values: days.map((d) => dosesOn(d, u.code)) })),
          ],
        },
        {
          id: 'cumulative',
          title: { vi: `Lũy kế số mũi tiêm từ ${since}`, en: `Cumulative doses since ${ROUND.from}` },
          x: days.map(dayLabel),
          unit: DOSES,
          series: [{ label: { vi: 'Toàn tỉnh', en: 'Province' }, values: cumulativeByDay }],
        },
        {
          id: 'backlog',
          title: { vi: 'Số đối tượng chưa nhập lên Hệ thống (tồn đọng)', en: 'Data-entry backlog' },
          x: days.map(dayLabel),
          unit: PEOPLE,
          series: [{ label: { vi: 'Các huyện đã báo cáo', en: 'Reporting districts' }, values: backlogByDay }],
        },
      ];

      return {
        charts,
        figures: [
          { label: { vi: 'Số liều đã tiêm trong ngày', en: 'Doses given today' }, value: provinceToday.total },
          { label: { vi: `Lũy kế số liều đã tiêm từ ${since}`, en: `Doses since ${ROUND.from}` }, value: provinceCumulative.total },
          { label: { vi: `Lũy kế mũi 1 từ ${since}`, en: `Dose 1 since ${ROUND.from}` }, value: provinceCumulative.dose1 },
          { label: { vi: `Lũy kế mũi 2 từ ${since}`, en: `Dose 2 since ${ROUND.from}` }, value: provinceCumulative.dose2 },
          { label: { vi: 'Số đối tượng nhập lên Hệ thống trong ngày', en: 'People entered today' }, value: entry.enteredToday },
          {
            label: { vi: 'Số đối tượng tồn đọng chưa nhập lên Hệ thống (các huyện báo cáo hôm nay)', en: 'Backlog (districts reporting today)' },
            value: entry.backlog,
          },
        ],
        tables: [byDistrict, byDoseAndAge, byVaccine, series],
      };
    },
  },
  historyRule(current, earlier, issue) {
    const inRound = earlier.reduce((s, e) => addTotals(s, doseTotals(e.data.doses)), doseTotals(current.doses));
    // The latest figures given for before the round: today's, else the most recent earlier day's.
    const before = current.before ?? earlier.findLast((e) => e.data.before)?.data.before;
    const cumulative = before ? addTotals(inRound, { ...before, total: before.dose1 + before.dose2 }) : inRound;
    if (cumulative.dose2 > cumulative.dose1) {
      const scope = before ? 'kể cả trước đợt' : 'trong đợt tiêm';
      issue(
        'doses',
        `Lũy kế mũi 2 ${scope} (${formatInteger(cumulative.dose2)} liều) vượt quá lũy kế mũi 1 (${formatInteger(cumulative.dose1)} liều). Vui lòng kiểm tra lại số liệu hôm nay và các ngày trước${before ? '' : ', hoặc nhập lũy kế trước đợt tiêm'}.`,
      );
    }
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
});

export type { Report as Form3294Report };
