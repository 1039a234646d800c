import { beforeEach, describe, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

const FORM = '971-nhan-luc-y-te';
const path = (orgUnit = '79', period = '2021-07-20') => `/api/forms/${FORM}/periods/${period}/submissions/${orgUnit}`;
const data = {
  appliesDirective16: true,
  need: { doctors: 500, nurses: 1200, technicians: 80 },
  note: 'Cần gấp',
  contact: { name: 'Lê Văn C', phone: '0909 000 111' },
};
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let cookie: string;
/** Requests as Hồ Chí Minh City's reporter unless another cookie is given. */
const req = (path: string, init: RequestInit = {}, as = cookie) =>
  runtime.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: as } });

beforeEach(async () => {
  runtime = await freshRuntime();
  cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
});

async function storedNothing(orgUnit = '79') {
  const key = { formId: FORM, period: '2021-07-20', orgUnit };
  expect(await runtime.submissions.getCurrent(key)).toBeUndefined();
  expect(await runtime.submissions.listRevisions(key)).toEqual([]);
}

describe('reading forms', () => {
  test('lists forms with their directive and deadline', async () => {
    const res = await req('/api/forms');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { forms: Array<Record<string, unknown>> };
    expect(body.forms).toContainEqual(
      expect.objectContaining({ id: FORM, deadline: '2021-07-20T10:00:00.000Z', directive: expect.objectContaining({ number: '971/TTg-KGVX' }) }),
    );
  });

  test('describes a form as JSON Schema with metadata', async () => {
    const body = (await (await req(`/api/forms/${FORM}`)).json()) as { jsonSchema: { properties: Record<string, unknown> } };
    expect(Object.keys(body.jsonSchema.properties)).toEqual(['appliesDirective16', 'need', 'offer', 'note', 'contact']);
  });

  test('lists the 63 provinces as reporters to a national official, and only its own unit to a province reporter', async () => {
    const official = await signIn(runtime, { role: 'official', unit: 'VN' });
    const all = (await (await req(`/api/forms/${FORM}/reporters`, {}, official)).json()) as { units: unknown[] };
    expect(all.units).toHaveLength(63);
    const own = (await (await req(`/api/forms/${FORM}/reporters`)).json()) as { units: Array<{ code: string }> };
    expect(own.units.map((u) => u.code)).toEqual(['79']);
  });

  test('answers unknown forms and paths with a Vietnamese 404 and a code', async () => {
    const res = await req('/api/forms/khong-co');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'FORM_NOT_FOUND', message: 'Không tìm thấy biểu mẫu.' } });
    expect((await req('/api/khong-co')).status).toBe(404);
  });
});

describe('submitting', () => {
  test('stores a report, reads it back, and re-sending it leaves one current report', async () => {
    const first = await req(path(), json({ data, submittedBy: 'Lê Văn C' }));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'created', submission: { revision: 1, timeliness: 'on-time' } });

    const again = await req(path(), json({ data, submittedBy: 'Lê Văn C' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged', submission: { revision: 1 } });

    const read = await req(path());
    expect(await read.json()).toMatchObject({ submission: { data, submittedBy: 'Lê Văn C', revision: 1 } });
    expect(await runtime.submissions.listCurrent(FORM, '2021-07-20')).toHaveLength(1);
    expect(await runtime.submissions.listRevisions({ formId: FORM, period: '2021-07-20', orgUnit: '79' })).toHaveLength(1);
  });

  test('an amendment keeps every earlier revision with who, when and what', async () => {
    await req(path(), json({ data, submittedBy: 'Lê Văn C' }));
    runtime.clock.set(new Date('2021-07-20T11:30:00Z'));
    // A new day, a new sign-in: sessions last 12 hours.
    cookie = await signIn(runtime, { role: 'reporter', unit: '79', email: 'pham-thi-d@test.local' });
    const amended = await req(
      path(),
      json({ data: { ...data, need: { ...data.need, nurses: 1500 } }, submittedBy: 'Phạm Thị D' }),
    );
    expect(await amended.json()).toMatchObject({ status: 'amended', submission: { revision: 2 } });
    const res = await req(`${path()}/revisions`);
    const { revisions } = (await res.json()) as { revisions: Array<{ revision: number; submittedBy: string; submittedAt: string; data: typeof data }> };
    expect(revisions.map((r) => [r.revision, r.submittedBy, r.submittedAt, r.data.need.nurses])).toEqual([
      [1, 'Lê Văn C', '2021-07-19T03:00:00.000Z', 1200],
      [2, 'Phạm Thị D', '2021-07-20T11:30:00.000Z', 1500],
    ]);
  });
});

describe('bad input gets a clear 4xx and stores nothing', () => {
  const cases: Array<[string, unknown, Record<string, string[]>]> = [
    ['non-numeric', { ...data, need: { ...data.need, doctors: 'năm trăm' } }, { 'need.doctors': ['Vui lòng nhập một số nguyên.'] }],
    ['negative', { ...data, need: { ...data.need, nurses: -1 } }, { 'need.nurses': ['Không được là số âm.'] }],
    ['missing', { ...data, need: { doctors: 1, nurses: 2 } }, { 'need.technicians': ['Vui lòng nhập thông tin này.'] }],
    ['unknown field', { ...data, isAdmin: true }, { isAdmin: ['Trường này không có trong biểu mẫu.'] }],
  ];
  for (const [name, bad, fields] of cases) {
    test(`${name} value → 400 with the field's Vietnamese message`, async () => {
      const res = await req(path(), json({ data: bad, submittedBy: 'x' }));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'VALIDATION_FAILED', message: 'Báo cáo chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.', fields },
      });
      await storedNothing();
    });
  }

  test('an unknown field in the envelope → 400', async () => {
    const res = await req(path(), json({ data, submittedBy: 'x', revision: 99 }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { revision: expect.any(Array) } } });
    await storedNothing();
  });

  test('a body over 256 KB → 413', async () => {
    const res = await req(path(), json({ data: { ...data, note: 'x'.repeat(300 * 1024) }, submittedBy: 'x' }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn (tối đa 256 KB).' } });
    await storedNothing();
  });

  test('a note longer than the form allows → 400', async () => {
    const res = await req(path(), json({ data: { ...data, note: 'x'.repeat(2001) }, submittedBy: 'x' }));
    expect(await res.json()).toMatchObject({ error: { fields: { note: ['Tối đa 2.000 ký tự.'] } } });
    await storedNothing();
  });

  test('malformed JSON → 400, and a form-encoded body → 415', async () => {
    const broken = await req(path(), json('{"data": {'));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
    const form = await req(path(), {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'data=1',
    });
    expect(form.status).toBe(415);
    await storedNothing();
  });

  test('a district answering a province form → 403; a period the form does not have → 404', async () => {
    const districtReporter = await signIn(runtime, { role: 'reporter', unit: '105' });
    const district = await req(path('105'), json({ data, submittedBy: 'x' }), districtReporter);
    expect(district.status).toBe(403);
    expect(await district.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } });
    await storedNothing('105');
    const wrongPeriod = await req(path('79', '2021-07-21'), json({ data, submittedBy: 'x' }));
    expect(wrongPeriod.status).toBe(404);
    expect(await wrongPeriod.json()).toMatchObject({ error: { code: 'PERIOD_INVALID' } });
  });

  test('reading a report not yet sent → 404 in Vietnamese', async () => {
    const res = await req(path());
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'SUBMISSION_NOT_FOUND', message: 'Đơn vị chưa nộp báo cáo cho kỳ này.' } });
  });
});
