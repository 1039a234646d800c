/**
 * Conditions and rules are the server's word: a refused answer comes back as a
 * 400 naming the field, in Vietnamese, and nothing is stored.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
beforeAll(async () => {
  runtime = await freshRuntime();
});

async function put(formId: string, period: string, unit: string, data: unknown) {
  const res = await runtime.app.request(`/api/forms/${formId}/periods/${period}/submissions/${unit}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: await signIn(runtime, { role: 'reporter', unit }) },
    body: JSON.stringify({ data, submittedBy: 'Cán bộ thử' }),
  });
  const stored = await runtime.submissions.getCurrent({ formId, period, orgUnit: unit });
  return { status: res.status, body: await res.json(), stored };
}

const refused = (fields: Record<string, string[]>) => ({
  error: { code: 'VALIDATION_FAILED', message: 'Báo cáo chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.', fields },
});

describe('rules and conditions over the API', () => {
  test('a cross-field rule refusal → 400 with the field named', async () => {
    const data = {
      reportsVaccination: false,
      mobileTeams: 0,
      screening: { tested: 100, positive: 101 },
      drugs: { received: 0, allocated: 0, facilities: 0 },
      medicalStations: 0,
      workforce: { retired: 0, private: 0 },
      narrative: 'Đã triển khai.',
      contact: { name: 'Lê Thị Hoa', phone: '0271 3870 456' },
    };
    const res = await put('347-ket-qua-thuc-hien', '2022-01-08', '689', data);
    expect([res.status, res.body, res.stored]).toEqual([
      400,
      refused({ 'screening.positive': ['Số ca dương tính phát hiện qua tầm soát không được lớn hơn số người được xét nghiệm tầm soát (100).'] }),
      undefined,
    ]);
    expect((await put('347-ket-qua-thuc-hien', '2022-01-08', '689', { ...data, screening: { tested: 100, positive: 100 } })).status).toBe(201);
  });

  test('a hidden section sent anyway → 400 naming it; a shown one left out → 400 naming it', async () => {
    const contact = { name: 'Lê Văn C', phone: '0909 000 111' };
    const res = await put('971-nhan-luc-y-te', '2021-07-20', '79', { appliesDirective16: true, offer: { doctors: 1, nurses: 1, technicians: 1 }, contact });
    expect([res.status, res.body, res.stored]).toEqual([
      400,
      refused({
        need: ['Vui lòng điền “Nhu cầu hỗ trợ nhân lực y tế” vì đã chọn “Có — báo cáo nhu cầu hỗ trợ”.'],
        offer: ['Vui lòng bỏ trống “Khả năng hỗ trợ nhân lực y tế” vì đã chọn “Có — báo cáo nhu cầu hỗ trợ”.'],
      }),
      undefined,
    ]);
  });
});
