import { describe, expect, test } from 'vitest';
import type { OrgUnit } from '../core/org-unit.ts';
import { validateData } from '../core/validate.ts';
import form, { outputs, type Form347FeedbackReport } from './347-y-kien-doanh-nghiep-nguoi-dan.ts';

const contact = { name: 'Phạm Văn Minh', phone: '0271 3881 789' };
type Item = Form347FeedbackReport['items'][number];

const fromBusiness: Item = {
  source: 'business',
  name: 'Công ty TNHH Cao su Phú Riềng',
  topic: 'safeProduction',
  content: 'Chi phí xét nghiệm định kỳ cho công nhân còn cao.\nĐề nghị xem xét.',
  proposal: 'Giãn tần suất xét nghiệm khi công nhân đã tiêm đủ 2 mũi.',
};
const fromCitizen: Item = { source: 'citizen', topic: 'vaccination', content: 'Người cao tuổi khó đi đến điểm tiêm.' };

const report = (...items: Item[]): Form347FeedbackReport => ({ items, contact });
const district = (code: string, name: string): OrgUnit => ({ code, name, kind: 'district', parent: '70' });

describe('347 feedback form', () => {
  test('a list of opinions, with optional name and proposal, is valid; text is trimmed', () => {
    expect(validateData(form.schema, report(fromBusiness, fromCitizen))).toEqual({ ok: true, data: report(fromBusiness, fromCitizen) });
    expect(validateData(form.schema, report({ ...fromCitizen, content: '  Cần tiêm tại nhà.  ' }))).toEqual({
      ok: true,
      data: report({ ...fromCitizen, content: 'Cần tiêm tại nhà.' }),
    });
  });

  test('at least one opinion and at most 500', () => {
    expect(validateData(form.schema, report())).toEqual({ ok: false, fields: { items: ['Cần ít nhất 1 dòng.'] } });
    expect(validateData(form.schema, report(...Array.from({ length: 501 }, () => fromCitizen)))).toEqual({
      ok: false,
      fields: { items: ['Tối đa 500 dòng.'] },
    });
  });

  test('each row needs its source, topic and content, within bounds', () => {
    const bad = [
      { ...fromCitizen, content: '   ' },
      { ...fromBusiness, source: 'hội đồng', topic: 'giao thông' },
      { ...fromBusiness, content: 'x'.repeat(2001), proposal: 'y'.repeat(2001), name: 'z'.repeat(201) },
      { topic: 'testing', content: 'Trả kết quả chậm.' },
    ];
    expect(validateData(form.schema, { items: bad, contact })).toEqual({
      ok: false,
      fields: {
        'items.0.content': ['Vui lòng nhập thông tin này.'],
        'items.1.source': ['Vui lòng chọn một phương án trong danh sách.'],
        'items.1.topic': ['Vui lòng chọn một phương án trong danh sách.'],
        'items.2.name': ['Tối đa 200 ký tự.'],
        'items.2.content': ['Tối đa 2.000 ký tự.'],
        'items.2.proposal': ['Tối đa 2.000 ký tự.'],
        'items.3.source': ['Vui lòng chọn một phương án trong danh sách.'],
      },
    });
  });
});

describe('347 feedback summary', () => {
  const A = district('688', 'Thị xã Phước Long');
  const B = district('689', 'Thành phố Đồng Xoài');
  const C = district('690', 'Thị xã Bình Long');
  const other: Item = { source: 'business', topic: 'vaccination', content: 'Đề nghị tiêm tại doanh nghiệp cho công nhân.' };
  const content = outputs.summary({
    period: '2022-01-10',
    earlier: [],
    reporters: [A, B, C],
    reports: [
      { unit: C, data: report(fromCitizen, other, { ...fromCitizen, topic: 'other', content: 'Khác' }), timeliness: 'late' },
      { unit: A, data: report(fromBusiness, fromCitizen), timeliness: 'on-time' },
    ],
  });
  const table = (id: string) => content.tables.find((t) => t.id === id)!;

  test('figures: number of opinions first, then by source and with a proposal', () => {
    expect(content.figures.map((f) => [f.label.vi, f.value])).toEqual([
      ['Số ý kiến', 5],
      ['Ý kiến của doanh nghiệp', 2],
      ['Ý kiến của người dân', 3],
      ['Số ý kiến có đề xuất, kiến nghị', 1],
    ]);
  });

  test('topic × source, every topic listed', () => {
    expect(table('by-topic').rows).toEqual([
      { topic: 'Biện pháp phòng, chống dịch', business: 0, citizen: 0, total: 0 },
      { topic: 'Tiêm vắc xin', business: 1, citizen: 2, total: 3 },
      { topic: 'Xét nghiệm', business: 0, citizen: 0, total: 0 },
      { topic: 'Cách ly, điều trị', business: 0, citizen: 0, total: 0 },
      { topic: 'Sản xuất, kinh doanh an toàn', business: 1, citizen: 0, total: 1 },
      { topic: 'An sinh xã hội', business: 0, citizen: 0, total: 0 },
      { topic: 'Khác', business: 0, citizen: 1, total: 1 },
    ]);
    expect(table('by-topic').total).toEqual({ topic: 'Tổng cộng', business: 2, citizen: 3, total: 5 });
  });

  test('per district, including the one that has not reported', () => {
    expect(table('by-district').rows).toEqual([
      { code: '688', name: 'Thị xã Phước Long', business: 1, citizen: 1, total: 2, status: 'Đúng hạn' },
      { code: '689', name: 'Thành phố Đồng Xoài', business: null, citizen: null, total: null, status: 'Chưa báo cáo' },
      { code: '690', name: 'Thị xã Bình Long', business: 1, citizen: 2, total: 3, status: 'Muộn' },
    ]);
    expect(table('by-district').total).toEqual({ code: '', name: 'Tổng cộng', business: 2, citizen: 3, total: 5, status: '2/3 đã báo cáo' });
  });

  test('the full list by district, with labels, and the text as written', () => {
    expect(table('items').rows).toEqual([
      { number: 1, district: 'Thị xã Phước Long', source: 'Doanh nghiệp', topic: 'Sản xuất, kinh doanh an toàn', content: fromBusiness.content, proposal: fromBusiness.proposal },
      { number: 2, district: 'Thị xã Phước Long', source: 'Người dân', topic: 'Tiêm vắc xin', content: fromCitizen.content, proposal: '' },
      { number: 3, district: 'Thị xã Bình Long', source: 'Người dân', topic: 'Tiêm vắc xin', content: fromCitizen.content, proposal: '' },
      { number: 4, district: 'Thị xã Bình Long', source: 'Doanh nghiệp', topic: 'Tiêm vắc xin', content: other.content, proposal: '' },
      { number: 5, district: 'Thị xã Bình Long', source: 'Người dân', topic: 'Khác', content: 'Khác', proposal: '' },
    ]);
  });
});

describe('347 feedback demo', () => {
  test('passes the schema', () => {
    let seed = 0.77;
    const random = () => (seed = (seed * 9301 + 49297) % 233280) / 233280;
    for (let i = 0; i < 30; i++) {
      const result = validateData(form.schema, outputs.demo({ unit: district('698', 'Huyện Phú Riềng'), random, period: '2022-01-10' }));
      if (!result.ok) throw new Error(JSON.stringify(result.fields));
    }
  });
});
