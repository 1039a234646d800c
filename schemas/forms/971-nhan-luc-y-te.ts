/**
 * Công văn 971/TTg-KGVX (18/07/2021): every province reports, by 17:00 on
 * 20/07/2021, how many doctors, nurses and technicians it needs (provinces under
 * Directive 16, point 1) or can send to other provinces (all others, point 2).
 */
import * as z from '../core/zod.ts';
import { STATUS_WORDS } from '../core/format.ts';
import { count, fields, optionalText, section, when, yesNo, contactSection } from '../core/fields.ts';
import { defineForm, type Cell, type SummaryTable } from '../core/form.ts';
import type { Text } from '../core/i18n.ts';
import { matchStaff } from './shared/staff-matching.ts';

const PEOPLE: Text = { vi: 'người', en: 'people' };
/** More than any province's whole health workforce, so a typo of an extra digit or two is caught. */
const MAX_STAFF = 50_000;

const professions = [
  { key: 'doctors', label: { vi: 'Bác sỹ', en: 'Doctors' } },
  { key: 'nurses', label: { vi: 'Điều dưỡng viên', en: 'Nurses' } },
  { key: 'technicians', label: { vi: 'Kỹ thuật viên', en: 'Technicians' } },
] as const;

type Profession = (typeof professions)[number]['key'];

function staffCounts(verb: 'need' | 'offer') {
  const help: Text =
    verb === 'need'
      ? { vi: 'Số người cần được hỗ trợ.', en: 'Number of people needed.' }
      : { vi: 'Số người có thể hỗ trợ cho địa phương khác.', en: 'Number of people that can be sent.' };
  return {
    doctors: count({ label: professions[0].label, help, unit: PEOPLE, max: MAX_STAFF }),
    nurses: count({ label: professions[1].label, help, unit: PEOPLE, max: MAX_STAFF }),
    technicians: count({ label: professions[2].label, help, unit: PEOPLE, max: MAX_STAFF }),
  };
}

/** Apart from `defineForm` so the summary and demo code can name its output type. */
const schema = fields({
  appliesDirective16: yesNo({
    label: {
      vi: 'Tỉnh, thành phố đang thực hiện các biện pháp phòng, chống dịch theo Chỉ thị số 16/CT-TTg?',
      en: 'Is the province applying the measures of Directive 16/CT-TTg?',
    },
    help: {
      vi: 'Có: báo cáo nhu cầu hỗ trợ (điểm 1). Không: báo cáo khả năng hỗ trợ địa phương khác (điểm 2).',
      en: 'Yes: report the staff you need (point 1). No: report the staff you can send (point 2).',
    },
    yes: { vi: 'Có — báo cáo nhu cầu hỗ trợ', en: 'Yes — report needs' },
    no: { vi: 'Không — báo cáo khả năng hỗ trợ', en: 'No — report what we can send' },
  }),
  need: when(
    { field: 'appliesDirective16', equals: true },
    section(
      {
        label: { vi: 'Nhu cầu hỗ trợ nhân lực y tế', en: 'Health workforce needed' },
        help: {
          vi: 'Tổng hợp nhu cầu hỗ trợ về bác sỹ, điều dưỡng viên, kỹ thuật viên để phục vụ phòng chống dịch trên địa bàn.',
          en: 'Doctors, nurses and technicians needed for epidemic response in the province.',
        },
      },
      staffCounts('need'),
    ),
  ),
  offer: when(
    { field: 'appliesDirective16', equals: false },
    section(
      {
        label: { vi: 'Khả năng hỗ trợ nhân lực y tế', en: 'Health workforce that can be sent' },
        help: {
          vi: 'Tổng hợp khả năng có thể hỗ trợ về bác sỹ, điều dưỡng viên, kỹ thuật viên để phục vụ phòng, chống dịch tại các địa phương khác trên cả nước.',
          en: 'Doctors, nurses and technicians the province can send to other provinces.',
        },
      },
      staffCounts('offer'),
    ),
  ),
  note: optionalText({ label: { vi: 'Ghi chú', en: 'Note' }, max: 2000, multiline: true }),
  contact: contactSection(),
});

type Report = z.output<typeof schema>;

const zero = (): Record<Profession, number> => ({ doctors: 0, nurses: 0, technicians: 0 });
const sum = (counts: Record<Profession, number>) => counts.doctors + counts.nurses + counts.technicians;

export default defineForm({
  id: '971-nhan-luc-y-te',
  version: 1,
  title: {
    vi: 'Thống kê nhân lực y tế phục vụ phòng, chống dịch Covid-19',
    en: 'Health workforce for COVID-19 response: needs and offers',
  },
  directive: {
    number: '971/TTg-KGVX',
    issuer: 'VN',
    issuerName: { vi: 'Thủ tướng Chính phủ', en: 'The Prime Minister' },
    date: '2021-07-18',
    title: {
      vi: 'V/v thống kê nhân lực y tế phục vụ phòng, chống dịch Covid-19',
      en: 'On the census of health workforce for COVID-19 prevention and control',
    },
    urgency: 'urgent',
  },
  schema,
  reporters: { under: 'VN', kinds: ['province'] },
  period: { kind: 'once', period: '2021-07-20', deadline: '2021-07-20T17:00' },
  summary: {
    recipients: [
      { key: 'thu-tuong', name: { vi: 'Thủ tướng Chính phủ', en: 'The Prime Minister' } },
      {
        key: 'bcd-quoc-gia',
        name: {
          vi: 'Ban Chỉ đạo quốc gia phòng, chống dịch COVID-19',
          en: 'National Steering Committee for COVID-19 Prevention and Control',
        },
      },
    ],
    build({ reports }) {
      const need = zero();
      const offer = zero();
      const rows: Array<Record<string, Cell>> = [];
      for (const { unit, data, timeliness } of reports) {
        const n: Record<Profession, number> = data.need ?? zero();
        const o: Record<Profession, number> = data.offer ?? zero();
        for (const p of professions) {
          need[p.key] += n[p.key];
          offer[p.key] += o[p.key];
        }
        rows.push({
          code: unit.code,
          name: unit.name,
          region: unit.region ?? '',
          directive16: data.appliesDirective16 ? 'Có' : 'Không',
          needDoctors: n.doctors,
          needNurses: n.nurses,
          needTechnicians: n.technicians,
          offerDoctors: o.doctors,
          offerNurses: o.nurses,
          offerTechnicians: o.technicians,
          timeliness: STATUS_WORDS[timeliness],
        });
      }
      rows.sort((a, b) => String(a.code).localeCompare(String(b.code)));

      const byProfession: SummaryTable = {
        id: 'by-profession',
        title: { vi: 'Nhu cầu và khả năng hỗ trợ theo chuyên môn', en: 'Need and offer by profession' },
        columns: [
          { key: 'profession', label: { vi: 'Chuyên môn', en: 'Profession' }, kind: 'text' },
          { key: 'need', label: { vi: 'Nhu cầu', en: 'Need' }, kind: 'integer' },
          { key: 'offer', label: { vi: 'Khả năng hỗ trợ', en: 'Offer' }, kind: 'integer' },
          { key: 'gap', label: { vi: 'Còn thiếu (nhu cầu − hỗ trợ)', en: 'Gap (need − offer)' }, kind: 'integer' },
        ],
        rows: professions.map((p) => ({
          profession: p.label.vi,
          need: need[p.key],
          offer: offer[p.key],
          gap: need[p.key] - offer[p.key],
        })),
        total: { profession: 'Tổng cộng', need: sum(need), offer: sum(offer), gap: sum(need) - sum(offer) },
      };

      const staffColumns = (prefix: 'need' | 'offer', label: string, en: string) =>
        professions.map((p) => ({
          key: `${prefix}${p.key[0]!.toUpperCase()}${p.key.slice(1)}`,
          label: { vi: `${label}: ${p.label.vi}`, en: `${en}: ${p.label.en}` },
          kind: 'integer' as const,
        }));

      const byProvince: SummaryTable = {
        id: 'by-province',
        title: { vi: 'Chi tiết theo tỉnh, thành phố', en: 'By province' },
        columns: [
          { key: 'code', label: { vi: 'Mã', en: 'Code' }, kind: 'text' },
          { key: 'name', label: { vi: 'Tỉnh, thành phố', en: 'Province' }, kind: 'text' },
          { key: 'region', label: { vi: 'Vùng', en: 'Region' }, kind: 'text' },
          { key: 'directive16', label: { vi: 'Chỉ thị 16', en: 'Directive 16' }, kind: 'text' },
          ...staffColumns('need', 'Nhu cầu', 'Need'),
          ...staffColumns('offer', 'Hỗ trợ', 'Offer'),
          { key: 'timeliness', label: { vi: 'Thời hạn', en: 'Timeliness' }, kind: 'text' },
        ],
        rows,
        total: {
          code: '',
          name: 'Tổng cộng',
          region: '',
          directive16: '',
          needDoctors: need.doctors,
          needNurses: need.nurses,
          needTechnicians: need.technicians,
          offerDoctors: offer.doctors,
          offerNurses: offer.nurses,
          offerTechnicians: offer.technicians,
          timeliness: '',
        },
      };

      // The reader's next step: who could send whom, nearest region first.
      const matchRows: Array<Record<string, Cell>> = [];
      const unmetRows: Array<Record<string, Cell>> = [];
      const unusedRows: Array<Record<string, Cell>> = [];
      const byCode = new Map(reports.map((r) => [r.unit.code, r.unit]));
      const party = (code: string, count: number) => {
        const unit = byCode.get(code)!;
        return { code, name: unit.name, region: unit.region ?? '', count };
      };
      for (const p of professions) {
        const offers = reports.filter((r) => r.data.offer).map((r) => party(r.unit.code, r.data.offer![p.key]));
        const needs = reports.filter((r) => r.data.need).map((r) => party(r.unit.code, r.data.need![p.key]));
        const { transfers, unmetNeed, unusedOffer } = matchStaff(offers, needs);
        for (const t of transfers) {
          matchRows.push({ profession: p.label.vi, from: byCode.get(t.from)!.name, fromRegion: byCode.get(t.from)!.region ?? '', to: byCode.get(t.to)!.name, toRegion: byCode.get(t.to)!.region ?? '', count: t.count });
        }
        for (const [code, count] of Object.entries(unmetNeed)) unmetRows.push({ profession: p.label.vi, name: byCode.get(code)!.name, count, kind: 'Nhu cầu chưa được đáp ứng' });
        for (const [code, count] of Object.entries(unusedOffer)) unusedRows.push({ profession: p.label.vi, name: byCode.get(code)!.name, count, kind: 'Khả năng hỗ trợ chưa sử dụng' });
      }
      const matched = matchRows.reduce((s, r) => s + (r.count as number), 0);
      const matching: SummaryTable = {
        id: 'matching',
        title: { vi: 'Đề xuất điều phối nhân lực (ưu tiên vùng gần nhất, rồi nhu cầu lớn nhất)', en: 'Proposed matching (nearest region first, then largest need)' },
        columns: [
          { key: 'profession', label: { vi: 'Chuyên môn', en: 'Profession' }, kind: 'text' },
          { key: 'from', label: { vi: 'Tỉnh hỗ trợ', en: 'From' }, kind: 'text' },
          { key: 'fromRegion', label: { vi: 'Vùng', en: 'Region' }, kind: 'text' },
          { key: 'to', label: { vi: 'Tỉnh nhận', en: 'To' }, kind: 'text' },
          { key: 'toRegion', label: { vi: 'Vùng nhận', en: 'Region' }, kind: 'text' },
          { key: 'count', label: { vi: 'Số người', en: 'People' }, kind: 'integer' },
        ],
        rows: matchRows,
        total: { profession: 'Tổng cộng', from: '', fromRegion: '', to: '', toRegion: '', count: matched },
      };
      const leftovers: SummaryTable = {
        id: 'unmatched',
        title: { vi: 'Chưa ghép được', en: 'Left unmatched' },
        columns: [
          { key: 'kind', label: { vi: 'Loại', en: 'Kind' }, kind: 'text' },
          { key: 'profession', label: { vi: 'Chuyên môn', en: 'Profession' }, kind: 'text' },
          { key: 'name', label: { vi: 'Tỉnh, thành phố', en: 'Province' }, kind: 'text' },
          { key: 'count', label: { vi: 'Số người', en: 'People' }, kind: 'integer' },
        ],
        rows: [...unmetRows, ...unusedRows],
      };

      return {
        figures: [
          { label: { vi: 'Tổng nhu cầu', en: 'Total need' }, value: sum(need) },
          { label: { vi: 'Tổng khả năng hỗ trợ', en: 'Total offer' }, value: sum(offer) },
          { label: { vi: 'Còn thiếu', en: 'Gap' }, value: sum(need) - sum(offer) },
          { label: { vi: 'Có thể điều phối ngay', en: 'Matchable now' }, value: matched },
        ],
        tables: [byProfession, matching, leftovers, byProvince],
      };
    },
  },
  demo({ unit, random }) {
    // In July 2021 the southern provinces were under Directive 16 and asked for staff.
    const south = unit.region === 'Đông Nam Bộ' || unit.region === 'Đồng bằng sông Cửu Long';
    const scale = unit.code === '79' ? 20 : 1;
    const n = (max: number) => Math.round(random() * max * scale);
    const counts = south
      ? { doctors: n(300), nurses: n(600), technicians: n(150) }
      : { doctors: n(60), nurses: n(120), technicians: n(40) };
    return {
      appliesDirective16: south,
      ...(south ? { need: counts } : { offer: counts }),
      contact: { name: 'Nguyễn Văn An', position: 'Phó Giám đốc Sở Y tế', phone: '0912 345 678' },
    };
  },
});

export type { Report as Form971Report };
