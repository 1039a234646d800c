/**
 * Input at the edge: keys named like prototype members, bytes that are not
 * UTF-8, invisible characters and decomposed Vietnamese, over the real HTTP app
 * and DynamoDB Local; and exports that stay readable whatever was stored before.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

const FORM = '971-nhan-luc-y-te';
const KEY = { formId: FORM, period: '2021-07-20', orgUnit: '79' };
const path = `/api/forms/${FORM}/periods/2021-07-20/submissions/79`;
const data = {
  appliesDirective16: true,
  need: { doctors: 500, nurses: 1200, technicians: 80 },
  note: 'Cần gấp',
  contact: { name: 'Lê Văn C', phone: '0909 000 111' },
};
const UNKNOWN = 'Trường này không có trong biểu mẫu.';
const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
let cookie: string;
const send = (method: string, url: string, body: string | Uint8Array, as = cookie) =>
  runtime.app.request(url, { method, headers: { 'content-type': 'application/json', cookie: as }, body });

// One table for the file: every refusal below must leave Hồ Chí Minh City's answer unwritten.
beforeAll(async () => {
  runtime = await freshRuntime();
  cookie = await signIn(runtime, { role: 'reporter', unit: '79' });
});

async function storedNothing() {
  expect(await runtime.submissions.listRevisions(KEY)).toEqual([]);
}

describe('a key named like a prototype member is an unknown field, never a 500', () => {
  for (const key of PROTOTYPE_KEYS) {
    test(`"${key}" in the envelope, in data, and in a section → 400 naming it`, async () => {
      // Written by hand: JSON.stringify would not write `__proto__` as a key.
      const body = (inner: string, outer: string) =>
        `{"data": ${JSON.stringify(data).slice(0, -1)}${inner}}, "submittedBy": "Lê Văn C"${outer}}`;
      for (const [raw, field] of [
        [body('', `, "${key}": 1`), key],
        [body(`, "${key}": {"a": 1}`, ''), key],
        [`{"data": {"appliesDirective16": true, "need": {"doctors": 1, "nurses": 1, "technicians": 1, "${key}": 2}, "contact": {"name": "A", "phone": "0909 000 111"}}, "submittedBy": "A"}`, `need.${key}`],
      ] as const) {
        const res = await send('PUT', path, raw);
        expect(res.status, raw).toBe(400);
        expect(await res.json()).toEqual({
          error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { [field]: [UNKNOWN] } },
        });
      }
      await storedNothing();
    });

    test(`"${key}" in a new user for POST /api/admin/users → 400 naming it`, async () => {
      const admin = await signIn(runtime, { role: 'admin', unit: '79' });
      const res = await send(
        'POST',
        '/api/admin/users',
        `{"email": "x@test.local", "name": "X", "unit": "79", "role": "reporter", "${key}": "admin"}`,
        admin,
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: { [key]: [UNKNOWN] } } });
      expect(await runtime.authStore.getUser('x@test.local')).toBeUndefined();
    });
  }
});

describe('bytes that are not UTF-8 are refused, not read as U+FFFD', () => {
  for (const [name, bytes] of [
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe1, 0xba]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['Latin-1 "ễ" typed on an old system', [0xea]],
  ] as const) {
    test(`${name} inside a text answer → 400 INVALID_ENCODING in Vietnamese`, async () => {
      const [before, after] = JSON.stringify({ data, submittedBy: 'Lê Văn C' }).split('Cần gấp');
      const body = Buffer.concat([Buffer.from(`${before}Cần `), Buffer.from(bytes), Buffer.from(`gấp${after}`)]);
      const res = await send('PUT', path, new Uint8Array(body));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          code: 'INVALID_ENCODING',
          message: 'Dữ liệu gửi lên có ký tự không đọc được (không phải mã UTF-8). Vui lòng kiểm tra lại nội dung đã dán rồi gửi lại.',
        },
      });
      await storedNothing();
    });
  }

  test('a byte-order mark before the JSON is accepted', async () => {
    const haGiang = await signIn(runtime, { role: 'reporter', unit: '02' });
    const body = new Uint8Array(Buffer.from(`\uFEFF${JSON.stringify({ data, submittedBy: 'Lê Văn C' })}`));
    const res = await send('PUT', path.replace(/79$/, '02'), body, haGiang);
    expect(res.status).toBe(201);
  });
});

describe('text is stored in NFC and invisible characters are refused, naming the field', () => {
  test('decomposed Vietnamese in answers and in the submitter is stored composed, and re-sending it composed is "unchanged"', async () => {
    // Hà Nội's answer: Hồ Chí Minh City's stays empty for the refusals.
    const hanoi = await signIn(runtime, { role: 'reporter', unit: '01' });
    const url = path.replace(/79$/, '01');
    const nfd = (s: string) => s.normalize('NFD');
    const decomposed = { ...data, note: nfd('Cần gấp'), contact: { ...data.contact, name: nfd('Lê Văn C') } };
    const res = await send('PUT', url, JSON.stringify({ data: decomposed, submittedBy: nfd('Lê Văn C') }), hanoi);
    expect(res.status).toBe(201);
    const stored = await runtime.submissions.getCurrent({ ...KEY, orgUnit: '01' });
    expect(stored).toMatchObject({ data, submittedBy: 'Lê Văn C' });
    const again = await send('PUT', url, JSON.stringify({ data, submittedBy: 'Lê Văn C' }), hanoi);
    expect(await again.json()).toMatchObject({ status: 'unchanged' });
  });

  const INVISIBLE = 'Có ký tự ẩn không hợp lệ, vui lòng gõ lại.';
  const ONE_LINE = 'Không được xuống dòng.';
  const cases: Array<[string, Record<string, unknown>, Record<string, string[]>]> = [
    ['NUL in the multi-line note', { data: { ...data, note: 'a\u0000b' }, submittedBy: 'A' }, { note: [INVISIBLE] }],
    ['U+FFFF in the note', { data: { ...data, note: 'ab\uFFFF' }, submittedBy: 'A' }, { note: [INVISIBLE] }],
    ['a lone surrogate in the contact name', { data: { ...data, contact: { ...data.contact, name: 'A\uD83D' } }, submittedBy: 'A' }, { 'contact.name': [INVISIBLE] }],
    ['a right-to-left override in the contact position', { data: { ...data, contact: { ...data.contact, position: '\u202Egnaig' } }, submittedBy: 'A' }, { 'contact.position': [INVISIBLE] }],
    ['a line break in the contact name', { data: { ...data, contact: { ...data.contact, name: 'Lê\nVăn C' } }, submittedBy: 'A' }, { 'contact.name': [ONE_LINE] }],
    ['a line break in the submitter', { data, submittedBy: 'Lê Văn C\r\nadmin' }, { submittedBy: [ONE_LINE] }],
    ['an isolate in the submitter', { data, submittedBy: 'Lê\u2066Văn' }, { submittedBy: [INVISIBLE] }],
  ];
  for (const [name, body, fields] of cases) {
    test(`${name} → 400 with the field's Vietnamese message`, async () => {
      const res = await send('PUT', path, JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'VALIDATION_FAILED', message: 'Báo cáo chưa hợp lệ. Vui lòng sửa các trường được đánh dấu.', fields },
      });
      await storedNothing();
    });
  }

  test('user names: NFC when created, refused with control characters', async () => {
    const admin = await signIn(runtime, { role: 'admin', unit: '79' });
    const user = (name: string, email: string) => send('POST', '/api/admin/users', JSON.stringify({ email, name, unit: '79', role: 'reporter' }), admin);
    expect((await user('Pha\u0323m Thi\u0323 D', 'd@test.local')).status).toBe(201);
    expect((await runtime.authStore.getUser('d@test.local'))?.name).toBe('Phạm Thị D');
    const bad = await user('Phạm\u0000Thị', 'e@test.local');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { name: [INVISIBLE] } } });
  });
});

describe('exports stay readable whatever was stored before input was checked', () => {
  const BP_FORM = '347-y-kien-doanh-nghiep-nguoi-dan';
  const dirty = 'Ý\u0000 kiến\u0008\u000B\u000C\u001F có \uFFFE\uFFFFký tự \uD800lạ\uDC00 😀\tvà\nxuống dòng';
  const clean = 'Ý kiến có ký tự lạ 😀\tvà\nxuống dòng';

  let official: string;
  beforeAll(async () => {
    // Straight to the table, as data stored before these checks existed would be.
    await runtime.submissions.saveRevision(
      {
        formId: BP_FORM,
        period: '2022-01-10',
        orgUnit: '689',
        revision: 1,
        schemaVersion: 1,
        data: { items: [{ source: 'citizen', topic: 'other', content: dirty, proposal: '=1+1\u0000' }], contact: { name: 'A\u0001', phone: '0909 000 111' } },
        submittedBy: 'B\u0002',
        submittedAt: '2022-01-05T03:00:00.000Z',
        firstSubmittedAt: '2022-01-05T03:00:00.000Z',
      },
      { base: { revision: 0 } },
    );
    official = await signIn(runtime, { role: 'official', unit: '70' });
  });

  test('the XLSX opens with exceljs and holds the text minus the characters XML cannot carry', async () => {
    const res = await runtime.app.request(`/api/exports/${BP_FORM}/2022-01-10?dinh-dang=xlsx`, { headers: { cookie: official } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Danh sách ý kiến')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('Nội dung ý kiến')]).toBe(clean);
    // A typed text cell: shown as written, never evaluated (the CSV, which has no types, keeps the apostrophe).
    expect(row[header.indexOf('Đề xuất, kiến nghị')]).toBe('=1+1');
  });

  test('the CSV holds the same text minus the same characters', async () => {
    const res = await runtime.app.request(`/api/exports/${BP_FORM}/2022-01-10?dinh-dang=csv&bang=items`, { headers: { cookie: official } });
    expect(res.status).toBe(200);
    const csv = new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
    expect(csv).toContain(`"${clean}"`);
    expect(csv).toContain("'=1+1");
    expect(csv).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]/);
  });
});
