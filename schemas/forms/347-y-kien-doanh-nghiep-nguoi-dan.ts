/**
 * Bình Phước's letter relaying Thông báo 347/TB-VPCP (22/12/2021), point 4:
 * "UBND các huyện, thị xã, thành phố tiếp tục tham khảo, lấy ý kiến của doanh
 * nghiệp, người dân về triển khai các biện pháp phòng, chống dịch hiệu quả, phù
 * hợp và bảo đảm sản xuất kinh doanh an toàn, phản ánh về Sở Y tế để tổng hợp,
 * báo cáo UBND tỉnh trước ngày 10/01/2022". Each district lists the opinions it
 * collected, one row each; the Sở Y tế gets them all, grouped by topic.
 */
import * as z from '../core/zod.ts';
import { choice, optionalText, table, text, contactSection } from '../core/fields.ts';
import { defineForm, type OutputsOf } from '../core/form.ts';
import { crossTab, figures, inCodeOrder, tableOf, unitTable } from '../core/summary-kit.ts';
import type { Text } from '../core/i18n.ts';

const L = (vi: string, en: string): Text => ({ vi, en });

const sources = [
  { value: 'business', label: L('Doanh nghiệp', 'Business') },
  { value: 'citizen', label: L('Người dân', 'Citizen') },
] as const;

const topics = [
  { value: 'measures', label: L('Biện pháp phòng, chống dịch', 'Epidemic control measures') },
  { value: 'vaccination', label: L('Tiêm vắc xin', 'Vaccination') },
  { value: 'testing', label: L('Xét nghiệm', 'Testing') },
  { value: 'isolationTreatment', label: L('Cách ly, điều trị', 'Isolation and treatment') },
  { value: 'safeProduction', label: L('Sản xuất, kinh doanh an toàn', 'Safe production and business') },
  { value: 'socialSecurity', label: L('An sinh xã hội', 'Social security') },
  { value: 'other', label: L('Khác', 'Other') },
] as const;

type Source = (typeof sources)[number]['value'];
type Topic = (typeof topics)[number]['value'];

const sourceLabel = new Map<string, string>(sources.map((s) => [s.value, s.label.vi]));
const topicLabel = new Map<string, string>(topics.map((t) => [t.value, t.label.vi]));

/** Apart from `defineForm` so the summary and demo code can name its output type. */
const schema = z.strictObject({
  items: table(
    {
      label: L('Ý kiến của doanh nghiệp, người dân', 'Opinions of businesses and citizens'),
      help: L(
        'Mỗi ý kiến một dòng: ý kiến về triển khai các biện pháp phòng, chống dịch hiệu quả, phù hợp và bảo đảm sản xuất kinh doanh an toàn. Gửi Sở Y tế trước ngày 10/01/2022.',
        'One opinion per row. Due to the Department of Health before 10/01/2022.',
      ),
      rowLabel: L('ý kiến', 'opinion'),
      minRows: 1,
      maxRows: 500,
    },
    {
      source: choice({ label: L('Ý kiến của', 'From') }, sources),
      name: optionalText({ label: L('Tên doanh nghiệp, người dân', 'Name of the business or person'), max: 200 }),
      topic: choice({ label: L('Lĩnh vực', 'Topic') }, topics),
      content: text({ label: L('Nội dung ý kiến', 'Opinion'), max: 2000, multiline: true }),
      proposal: optionalText({ label: L('Đề xuất, kiến nghị', 'Proposal'), max: 2000, multiline: true }),
    },
  ),
  contact: contactSection(),
});

/** One district's list of opinions as the schema outputs it. */
type Report = z.output<typeof schema>;


const DEMO_ITEMS: Array<{ source: Source; topic: Topic; content: string; proposal?: string; name?: string }> = [
  {
    source: 'business',
    topic: 'safeProduction',
    name: 'Công ty TNHH May mặc Đồng Xoài',
    content: 'Chi phí xét nghiệm định kỳ cho công nhân còn cao, ảnh hưởng đến sản xuất.',
    proposal: 'Đề nghị giãn tần suất xét nghiệm đối với doanh nghiệp có trên 95% công nhân đã tiêm đủ 2 mũi.',
  },
  {
    source: 'citizen',
    topic: 'vaccination',
    content: 'Người cao tuổi, người có bệnh nền đi lại khó khăn nên chưa đến điểm tiêm được.',
    proposal: 'Tổ chức tiêm tại nhà cho người cao tuổi.',
  },
  { source: 'citizen', topic: 'isolationTreatment', content: 'Cần hướng dẫn rõ hơn về điều kiện cách ly, điều trị F0 tại nhà.' },
  {
    source: 'business',
    topic: 'measures',
    content: 'Quy định về phương án "3 tại chỗ" chưa thống nhất giữa các địa phương.',
    proposal: 'Thống nhất một hướng dẫn chung toàn tỉnh.',
  },
  { source: 'citizen', topic: 'socialSecurity', content: 'Một số hộ gia đình có người nhiễm chưa nhận được hỗ trợ.' },
  { source: 'citizen', topic: 'testing', content: 'Thời gian trả kết quả xét nghiệm RT-PCR còn chậm.' },
  { source: 'business', topic: 'other', content: 'Thủ tục cấp giấy đi đường cho xe chở hàng đã được đơn giản hóa, doanh nghiệp đồng tình.' },
];

const form = defineForm({
  id: '347-y-kien-doanh-nghiep-nguoi-dan',
  version: 1,
  title: L(
    'Ý kiến của doanh nghiệp, người dân về triển khai các biện pháp phòng, chống dịch Covid-19',
    'Opinions of businesses and citizens on COVID-19 measures',
  ),
  directive: {
    number: '…/UBND-KGVX',
    issuer: '70',
    issuerName: L('UBND tỉnh Bình Phước', 'People’s Committee of Bình Phước province'),
    date: '2021-12-28',
    title: L(
      'V/v thực hiện chỉ đạo của Thủ tướng Chính phủ tại Thông báo số 347/TB-VPCP',
      'On carrying out the Prime Minister’s conclusions in Notice 347/TB-VPCP',
    ),
    urgency: 'normal',
  },
  schema,
  reporters: { under: '70', kinds: ['district'] },
  // "trước ngày 10/01/2022": due when that day begins.
  period: { kind: 'once', period: '2022-01-10', deadline: '2022-01-10T00:00' },
  summary: {
    recipients: [
      { key: 'so-y-te-binh-phuoc', name: L('Sở Y tế tỉnh Bình Phước', 'Bình Phước Department of Health') },
      { key: 'ubnd-tinh-binh-phuoc', name: L('UBND tỉnh Bình Phước', 'People’s Committee of Bình Phước province') },
    ],
  },
});

export default form;

/** The summary and the demo data: outputs only, never on the submit path (`FormOutputs`). */
export const outputs: OutputsOf<typeof form> = {
  summary(input) {
    const items = inCodeOrder(input.reports).flatMap(({ unit, data }) => data.items.map((item) => ({ unit, item })));
    const countOf = (source: string, topic?: string) =>
      items.filter(({ item }) => item.source === source && (topic === undefined || item.topic === topic)).length;
    const bySource = Object.fromEntries(sources.map((s) => [s.value, [s.label, (d: Report) => d.items.filter((i) => i.source === s.value).length] as const]));
    return {
      figures: figures({
        'Số ý kiến': items.length,
        'Ý kiến của doanh nghiệp': countOf('business'),
        'Ý kiến của người dân': countOf('citizen'),
        'Số ý kiến có đề xuất, kiến nghị': items.filter(({ item }) => item.proposal).length,
      }),
      tables: [
        crossTab({ id: 'by-topic', title: 'Số ý kiến theo lĩnh vực', corner: ['topic', 'Lĩnh vực'], rows: topics, columns: sources, cell: (t, s) => countOf(s, t), rowTotal: 'Tổng', total: 'Tổng cộng' }),
        unitTable(input, {
          id: 'by-district',
          title: 'Số ý kiến theo huyện, thị xã, thành phố',
          sheet: 'Theo huyện, thị xã, thành phố',
          emailTop: 'total',
          missing: true,
          columns: { ...bySource, total: ['Tổng', (d) => d.items.length] },
          total: 'Tổng cộng',
        }),
        tableOf({
          id: 'items',
          title: 'Danh sách ý kiến',
          rows: items.map(({ unit, item }, index) => ({ number: index + 1, district: unit.name, source: sourceLabel.get(item.source) ?? item.source, topic: topicLabel.get(item.topic) ?? item.topic, content: item.content, proposal: item.proposal ?? '' })),
          columns: { number: 'STT', district: ['Huyện, thị xã, thành phố', 'text'], source: ['Ý kiến của', 'text'], topic: ['Lĩnh vực', 'text'], content: ['Nội dung ý kiến', 'text'], proposal: ['Đề xuất, kiến nghị', 'text'] },
        }),
      ],
    };
  },
  demo({ unit, random }) {
    const howMany = 1 + Math.floor(random() * 5);
    const first = Math.floor(random() * DEMO_ITEMS.length);
    return {
      items: Array.from({ length: howMany }, (_, i) => ({ ...DEMO_ITEMS[(first + i) % DEMO_ITEMS.length]! })),
      contact: { name: 'Phạm Văn Minh', position: `Chuyên viên Phòng Y tế, ${unit.name}`, phone: '0271 3881 789' },
    };
  },
};

export type { Report as Form347FeedbackReport };
