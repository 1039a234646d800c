import { describe, expect, test } from 'vitest';
import { validateData } from '../core/validate.ts';
import form, { outputs } from './971-nhan-luc-y-te.ts';

const contact = { name: 'Trần Thị Bình', phone: '0283 829 5641' };
const needing = { appliesDirective16: true, need: { doctors: 120, nurses: 300, technicians: 45 }, contact };
const offering = { appliesDirective16: false, offer: { doctors: 20, nurses: 35, technicians: 5 }, contact };

describe('971 form: a valid report', () => {
  test('from a Directive 16 province carries its needs', () => {
    expect(validateData(form.schema, needing)).toEqual({ ok: true, data: needing });
  });

  test('from another province carries what it can send, with an optional note trimmed', () => {
    expect(validateData(form.schema, { ...offering, note: '  Sẵn sàng điều động  ' })).toEqual({
      ok: true,
      data: { ...offering, note: 'Sẵn sàng điều động' },
    });
  });
});

describe('971 form: bad input gets a Vietnamese message on its field', () => {
  test('non-numeric, negative, fractional and too large counts', () => {
    const result = validateData(form.schema, {
      ...needing,
      need: { doctors: 'mười', nurses: -3, technicians: 2.5 },
    });
    expect(result).toEqual({
      ok: false,
      fields: {
        'need.doctors': ['Vui lòng nhập một số nguyên.'],
        'need.nurses': ['Không được là số âm.'],
        'need.technicians': ['Vui lòng nhập một số nguyên.'],
      },
    });
    expect(validateData(form.schema, { ...needing, need: { ...needing.need, doctors: 50_001 } })).toEqual({
      ok: false,
      fields: { 'need.doctors': ['Không được lớn hơn 50.000.'] },
    });
  });

  test('missing answers', () => {
    expect(validateData(form.schema, { need: { doctors: 1 } })).toEqual({
      ok: false,
      fields: {
        appliesDirective16: ['Vui lòng chọn một phương án.'],
        'need.nurses': ['Vui lòng nhập thông tin này.'],
        'need.technicians': ['Vui lòng nhập thông tin này.'],
        contact: ['Vui lòng nhập thông tin này.'],
      },
    });
  });

  test('unknown fields, at any depth', () => {
    expect(
      validateData(form.schema, { ...needing, need: { ...needing.need, midwives: 3 }, password: 'x' }),
    ).toEqual({
      ok: false,
      fields: {
        'need.midwives': ['Trường này không có trong biểu mẫu.'],
        password: ['Trường này không có trong biểu mẫu.'],
      },
    });
  });

  test('a section that does not match the Directive 16 answer', () => {
    expect(validateData(form.schema, { ...needing, need: undefined, offer: offering.offer })).toEqual({
      ok: false,
      fields: {
        need: ['Vui lòng điền “Nhu cầu hỗ trợ nhân lực y tế” vì đã chọn “Có — báo cáo nhu cầu hỗ trợ”.'],
        offer: ['Vui lòng bỏ trống “Khả năng hỗ trợ nhân lực y tế” vì đã chọn “Có — báo cáo nhu cầu hỗ trợ”.'],
      },
    });
  });

  test('a phone number that is not one, and a blank name', () => {
    expect(validateData(form.schema, { ...offering, contact: { name: '   ', phone: 'gọi tôi' } })).toEqual({
      ok: false,
      fields: {
        'contact.name': ['Vui lòng nhập thông tin này.'],
        'contact.phone': ['Số điện thoại không hợp lệ (ví dụ: 0912 345 678).'],
      },
    });
  });
});

describe('971 summary', () => {
  const unit = (code: string, region: string) => ({ code, name: `Tỉnh ${code}`, kind: 'province' as const, parent: 'VN', region });

  test('shortage per profession, never netted against another profession’s surplus; no 0 for a side not answered', () => {
    // Technicians: 48 needed, 65 offered. Their surplus of 17 must not shrink the doctors’ and nurses’ shortfall.
    const content = outputs.summary({
      period: '2021-07-20',
      earlier: [],
      reporters: [],
      reports: [
        { unit: unit('79', 'Đông Nam Bộ'), data: needing, timeliness: 'on-time' },
        { unit: unit('01', 'Đồng bằng sông Hồng'), data: { ...offering, offer: { ...offering.offer, technicians: 65 } }, timeliness: 'late' },
        { unit: unit('75', 'Đông Nam Bộ'), data: { ...needing, need: { doctors: 1, nurses: 2, technicians: 3 } }, timeliness: 'on-time' },
      ],
    });
    const byProfession = content.tables.find((t) => t.id === 'by-profession')!;
    expect(byProfession.rows).toEqual([
      { profession: 'Bác sỹ', need: 121, offer: 20, shortage: 101, surplus: 0 },
      { profession: 'Điều dưỡng viên', need: 302, offer: 35, shortage: 267, surplus: 0 },
      { profession: 'Kỹ thuật viên', need: 48, offer: 65, shortage: 0, surplus: 17 },
    ]);
    expect(byProfession.total).toEqual({ profession: 'Tổng cộng', need: 471, offer: 120, shortage: 368, surplus: 17 });
    // Netted, the headline would say 351 (471 − 120).
    expect(Object.fromEntries(content.figures.map((f) => [f.label.vi, f.value]))).toEqual({
      'Tổng nhu cầu': 471,
      'Tổng khả năng hỗ trợ': 120,
      'Còn thiếu (cộng theo từng chuyên môn)': 368,
      'Có thể điều phối ngay': 103,
      'Nhu cầu chưa đáp ứng sau điều phối': 368,
    });
    for (const row of [...byProfession.rows, byProfession.total!]) expect(row.shortage).toBeGreaterThanOrEqual(0);
    const byProvince = content.tables.find((t) => t.id === 'by-province')!;
    expect(byProvince.rows.map((r) => [r.code, r.directive16, r.timeliness, r.needDoctors, r.offerDoctors])).toEqual([
      ['01', 'Không', 'Muộn', null, 20],
      ['75', 'Có', 'Đúng hạn', 1, null],
      ['79', 'Có', 'Đúng hạn', 120, null],
    ]);
  });

  test('demo data passes the form schema for every kind of province', () => {
    for (const region of ['Đông Nam Bộ', 'Tây Nguyên']) {
      let seed = 0.3;
      const data = outputs.demo({ unit: unit('62', region), period: '2021-07-20', random: () => (seed = (seed * 7.1) % 1) });
      expect(validateData(form.schema, data).ok).toBe(true);
    }
  });
});
