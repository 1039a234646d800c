/**
 * Công văn 971/TTg-KGVX (18/07/2021): every province reports, by 17:00 on
 * 20/07/2021, how many doctors, nurses and technicians it needs (provinces under
 * Directive 16, point 1) or can send to other provinces (all others, point 2).
 */
import * as z from '../core/zod.ts';
import { count, fields, optionalText, section, when, yesNo, contactSection } from '../core/fields.ts';
import { defineForm, type OutputsOf } from '../core/form.ts';
import { figures, sum, tableOf, unitTable } from '../core/summary-kit.ts';
import type { Text } from '../core/i18n.ts';
import { matchingTables } from './shared/staff-matching.ts';

const PEOPLE: Text = { vi: 'người', en: 'people' };
/** More than any province's whole health workforce, so a typo of an extra digit or two is caught. */
const MAX_STAFF = 50_000;

const professions = [
  { key: 'doctors', label: { vi: 'Bác sỹ', en: 'Doctors' } },
  { key: 'nurses', label: { vi: 'Điều dưỡng viên', en: 'Nurses' } },
  { key: 'technicians', label: { vi: 'Kỹ thuật viên', en: 'Technicians' } },
] as const;

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

const form = defineForm({
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
  },
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  summary(input) {
    const column = (prefix: string, key: string) => prefix + key[0]!.toUpperCase() + key.slice(1);
    const staff = (prefix: 'need' | 'offer', heading: string) =>
      // The side a province did not answer is no figure ("—"), not a 0 it did not give.
      Object.fromEntries(professions.map((p) => [column(prefix, p.key), [`${heading}: ${p.label.vi}`, (d: Report) => d[prefix]?.[p.key] ?? null] as const]));
    const byProvince = unitTable(input, {
      id: 'by-province',
      title: 'Chi tiết theo tỉnh, thành phố',
      columns: { region: { label: 'Vùng', kind: 'text', value: (_, u) => u.region ?? '' }, directive16: { label: 'Chỉ thị 16', kind: 'text', value: (d) => (d.appliesDirective16 ? 'Có' : 'Không') }, ...staff('need', 'Nhu cầu'), ...staff('offer', 'Hỗ trợ') },
      total: 'Tổng cộng',
    });
    const sums = (prefix: string) => professions.map((p) => byProvince.total![column(prefix, p.key)] as number);
    const [need, offer] = [sums('need'), sums('offer')];
    // A surplus of one profession never makes up for a shortage of another: both are counted per profession.
    const [shortage, surplus] = [professions.map((_, i) => Math.max(need[i]! - offer[i]!, 0)), professions.map((_, i) => Math.max(offer[i]! - need[i]!, 0))];
    const byProfession = tableOf({
      id: 'by-profession',
      title: 'Nhu cầu và khả năng hỗ trợ theo chuyên môn',
      sheet: 'Theo chuyên môn',
      rows: professions.map((p, i) => ({ profession: p.label.vi, need: need[i]!, offer: offer[i]!, shortage: shortage[i]!, surplus: surplus[i]! })),
      columns: { profession: 'Chuyên môn', need: 'Nhu cầu', offer: 'Khả năng hỗ trợ', shortage: 'Còn thiếu', surplus: 'Dư (hỗ trợ được thêm)' },
      total: 'Tổng cộng',
    });
    const side = (s: 'need' | 'offer', key: (typeof professions)[number]['key']) =>
      input.reports.flatMap(({ unit, data }) => (data[s] ? [{ code: unit.code, name: unit.name, region: unit.region ?? '', count: data[s][key] }] : []));
    const { matching, unmatched, matched, unmet } = matchingTables(professions.map((p) => ({ profession: p.label.vi, offers: side('offer', p.key), needs: side('need', p.key) })));
    return {
      figures: figures({
        'Tổng nhu cầu': sum(need),
        'Tổng khả năng hỗ trợ': sum(offer),
        'Còn thiếu (cộng theo từng chuyên môn)': sum(shortage),
        'Có thể điều phối ngay': matched,
        'Nhu cầu chưa đáp ứng sau điều phối': unmet,
      }),
      tables: [byProfession, matching, unmatched, byProvince],
    };
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
};

export type { Report as Form971Report };
