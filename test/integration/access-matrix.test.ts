/**
 * Every route × every kind of user × their own or another unit, with ids in
 * the path and body tampered with: each forbidden combination is refused, and
 * the refusal carries no data.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../functions/core/users.ts';
import { freshRuntime, signIn } from '../support/local-runtime.ts';

const F971 = '971-nhan-luc-y-te';
const F3294 = '3294-tien-do-tiem-hang-ngay';
const F4380 = '4380-san-sang-tiem-chung';
const data971 = { appliesDirective16: true, need: { doctors: 5, nurses: 6, technicians: 7 }, contact: { name: 'Bí mật', phone: '0909 123 456' } };

const actors: Record<string, { role: Role; unit: string }> = {
  'reporter HCM': { role: 'reporter', unit: '79' },
  'reporter Hà Nội': { role: 'reporter', unit: '01' },
  'reporter Đồng Xoài': { role: 'reporter', unit: '689' },
  'reporter Lai Châu': { role: 'reporter', unit: '12' },
  'official HCM': { role: 'official', unit: '79' },
  'official Bình Phước': { role: 'official', unit: '70' },
  'official national': { role: 'official', unit: 'VN' },
  'admin Bình Phước': { role: 'admin', unit: '70' },
  'admin national': { role: 'admin', unit: 'VN' },
};

interface Route {
  name: string;
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  body?: unknown | ((actor: string) => unknown);
  /** Who may; everyone else must be refused. */
  allowed: string[];
  /** How a refusal looks: 403, or 404 where saying "forbidden" would confirm the thing exists. */
  refusal?: (actor: string) => 403 | 404;
}

const slug = (actor: string) => actor.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();

const sub = (form: string, period: string, unit: string) => `/api/forms/${form}/periods/${period}/submissions/${unit}`;

const routes: Route[] = [
  { name: 'read HCM 971 answer', method: 'GET', path: sub(F971, '2021-07-20', '79'), allowed: ['reporter HCM', 'official HCM', 'official national'] },
  { name: 'read HCM 971 history', method: 'GET', path: `${sub(F971, '2021-07-20', '79')}/revisions`, allowed: ['reporter HCM', 'official HCM', 'official national'] },
  { name: 'write HCM 971 answer', method: 'PUT', path: sub(F971, '2021-07-20', '79'), body: { data: data971, submittedBy: 'x' }, allowed: ['reporter HCM'] },
  { name: 'write Hà Nội 971 answer (path tampered)', method: 'PUT', path: sub(F971, '2021-07-20', '01'), body: { data: data971, submittedBy: 'x' }, allowed: ['reporter Hà Nội'] },
  { name: 'write a district answer to a province form', method: 'PUT', path: sub(F971, '2021-07-20', '689'), body: { data: data971, submittedBy: 'x' }, allowed: [] },
  { name: 'read Đồng Xoài daily answer', method: 'GET', path: sub(F3294, '2021-10-01', '689'), allowed: ['reporter Đồng Xoài', 'official Bình Phước', 'official national'] },
  { name: 'roll up Lai Châu’s districts', method: 'GET', path: `/api/forms/${F4380}/periods/2021-06-04/rollup/12`, allowed: ['reporter Lai Châu'] },
  { name: 'national 971 summary', method: 'GET', path: `/api/forms/${F971}/periods/2021-07-20/summary`, allowed: ['official national'] },
  { name: 'Bình Phước daily summary', method: 'GET', path: `/api/forms/${F3294}/periods/2021-10-01/summary`, allowed: ['official Bình Phước', 'official national'] },
  { name: 'national 971 dashboard', method: 'GET', path: `/api/dashboard/${F971}`, allowed: ['official national'] },
  { name: 'Bình Phước daily dashboard', method: 'GET', path: `/api/dashboard/${F3294}`, allowed: ['official Bình Phước', 'official national'] },
  { name: 'export the 971 summary', method: 'GET', path: `/api/exports/${F971}/2021-07-20?dinh-dang=xlsx`, allowed: ['official national'] },
  { name: 'export a Bình Phước table as CSV', method: 'GET', path: `/api/exports/${F3294}/2021-10-01?dinh-dang=csv&bang=by-district`, allowed: ['official Bình Phước', 'official national'] },
  { name: 'list users', method: 'GET', path: '/api/admin/users', allowed: ['admin Bình Phước', 'admin national'] },
  {
    name: 'create a user in Đồng Xoài',
    method: 'POST',
    path: '/api/admin/users',
    body: (actor: string) => ({ email: `moi-689-${slug(actor)}@test.local`, name: 'Người mới', unit: '689', role: 'reporter' }),
    allowed: ['admin Bình Phước', 'admin national'],
  },
  {
    name: 'create a user in HCM (body tampered)',
    method: 'POST',
    path: '/api/admin/users',
    body: (actor: string) => ({ email: `moi-79-${slug(actor)}@test.local`, name: 'Người mới', unit: '79', role: 'admin' }),
    allowed: ['admin national'],
  },
  {
    name: 'disable a HCM user',
    method: 'POST',
    path: '/api/admin/users/nhan-vien-79@test.local/disable',
    body: {},
    allowed: ['admin national'],
    // An admin elsewhere learns nothing, not even that the address exists.
    refusal: (actor: string) => (actor.startsWith('admin') ? 404 : 403),
  },
  // Rounds: seen by those under or at their issuer and by the units they reach; managed by the issuer's officials.
  {
    name: 'see the Bình Phước daily round',
    method: 'GET',
    path: `/api/rounds/${F3294}`,
    allowed: ['reporter Đồng Xoài', 'official Bình Phước', 'official national', 'admin Bình Phước', 'admin national'],
  },
  { name: 'history of the HCM 971 answer', method: 'GET', path: `${sub(F971, '2021-07-20', '79')}/history`, allowed: ['reporter HCM', 'official HCM', 'official national'] },
  { name: 'return the HCM 971 answer for correction', method: 'POST', path: `${sub(F971, '2021-07-20', '79')}/return`, body: { revision: 1, note: 'Sai số liệu' }, allowed: ['official national'] },
  { name: 'extend the Bình Phước daily round', method: 'POST', path: `/api/rounds/${F3294}/extend`, body: { to: '2031-10-31' }, allowed: ['official Bình Phước', 'official national'] },
  { name: 'extend the national 971 round', method: 'POST', path: `/api/rounds/${F971}/extend`, body: { deadline: '2031-07-20T17:00' }, allowed: ['official national'] },
];

let runtime: Awaited<ReturnType<typeof freshRuntime>>;
const cookies: Record<string, string> = {};
const secret = 'Bí mật';

beforeAll(async () => {
  runtime = await freshRuntime();
  for (const [name, actor] of Object.entries(actors)) cookies[name] = await signIn(runtime, actor);
  await runtime.users.create('system', { email: 'nhan-vien-79@test.local', name: 'Nhân viên', unit: '79', role: 'reporter' });
  // Something to read everywhere.
  await runtime.service.putSubmission({ formId: F971, period: '2021-07-20', orgUnit: '79' }, { data: data971, submittedBy: secret });
  const unit = (await runtime.service.orgUnits()).byCode.get('689')!;
  await runtime.service.putSubmission({ formId: F3294, period: '2021-10-01', orgUnit: '689' }, { data: runtime.service.outputs(F3294).demo({ unit, random: () => 0.5, period: '2021-10-01' }), submittedBy: secret });
  const tamDuong = (await runtime.service.orgUnits()).byCode.get('106')!;
  await runtime.service.putSubmission({ formId: 'laichau-4380-san-sang-tiem-chung', period: '2021-06-03', orgUnit: '106' }, { data: runtime.service.outputs(F4380).demo({ unit: tamDuong, random: () => 0.5, period: '2021-06-03' }), submittedBy: secret });
});

async function call(route: Route, actor: string | undefined) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) headers.cookie = cookies[actor]!;
  const body = typeof route.body === 'function' ? route.body(actor ?? 'anonymous') : route.body;
  const res = await runtime.app.request(route.path, { method: route.method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, text: await res.text() };
}

describe.each(routes)('$name', (route) => {
  test.each(Object.keys(actors))('%s', async (actor) => {
    const { status, text } = await call(route, actor);
    if (route.allowed.includes(actor)) {
      expect(status, text).toBeLessThan(300);
      return;
    }
    const refusal = route.refusal?.(actor) ?? 403;
    expect(status, text).toBe(refusal);
    expect(JSON.parse(text)).toEqual(
      refusal === 403
        ? { error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } }
        : { error: { code: 'USER_NOT_FOUND', message: 'Không tìm thấy người dùng.' } },
    );
    expect(text).not.toContain(secret);
  });

  test('without a session: 401 and nothing else', async () => {
    const { status, text } = await call(route, undefined);
    expect(status).toBe(401);
    expect(JSON.parse(text)).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập để tiếp tục.' } });
  });
});

describe('ids in the body cannot redirect a write', () => {
  test('an envelope naming another unit is refused and nothing is stored for either', async () => {
    const res = await runtime.app.request(sub(F971, '2021-07-20', '79'), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies['reporter HCM']! },
      body: JSON.stringify({ data: { ...data971, note: 'sửa' }, submittedBy: 'x', orgUnit: '02' }),
    });
    expect(res.status).toBe(400);
    expect(await runtime.submissions.getCurrent({ formId: F971, period: '2021-07-20', orgUnit: '02' })).toBeUndefined();
    expect(await runtime.submissions.getCurrent({ formId: F971, period: '2021-07-20', orgUnit: '79' })).toMatchObject({ revision: 1, data: data971 });
  });
});

describe('lists are cut to what the user may see', () => {
  test('reporters of a form: own unit for a reporter, the subtree for an official, none for an admin', async () => {
    const codes = async (actor: string) =>
      ((await (await runtime.app.request(`/api/forms/${F3294}/reporters`, { headers: { cookie: cookies[actor]! } })).json()) as { units: Array<{ code: string }> }).units.map((u) => u.code);
    expect(await codes('reporter Đồng Xoài')).toEqual(['689']);
    expect(await codes('reporter HCM')).toEqual([]);
    expect(await codes('official Bình Phước')).toHaveLength(11);
    expect(await codes('official HCM')).toEqual([]);
    expect(await codes('admin national')).toEqual([]);
  });

  test('users: an admin sees only users of their unit and below', async () => {
    const list = (await (await runtime.app.request('/api/admin/users', { headers: { cookie: cookies['admin Bình Phước']! } })).json()) as { users: Array<{ unit: string }> };
    const byCode = (await runtime.service.orgUnits()).byCode;
    expect(list.users.length).toBeGreaterThan(0);
    for (const user of list.users) expect(user.unit === '70' || byCode.get(user.unit)?.parent === '70').toBe(true);
  });

  test('dashboards: an official sees only the forms issued at or below their unit, with the latest rates', async () => {
    const ids = async (actor: string) =>
      ((await (await runtime.app.request('/api/dashboard', { headers: { cookie: cookies[actor]! } })).json()) as { forms: Array<{ id: string }> }).forms.map((f) => f.id);
    expect(await ids('official Bình Phước')).toEqual(expect.arrayContaining([F3294, '347-ket-qua-thuc-hien']));
    expect(await ids('official Bình Phước')).not.toContain(F971);
    expect(await ids('official HCM')).toEqual([]);
    expect(await ids('reporter HCM')).toEqual([]);
    const national = (await (await runtime.app.request('/api/dashboard', { headers: { cookie: cookies['official national']! } })).json()) as {
      forms: Array<{ id: string; latest: { period: string; reported: number; expected: number } }>;
    };
    const stored = (await runtime.submissions.listCurrent(F971, '2021-07-20')).length;
    expect(stored).toBeGreaterThan(0);
    expect(national.forms.find((f) => f.id === F971)!.latest).toMatchObject({ period: '2021-07-20', reported: stored, expected: 63, missing: 63 - stored });
  });

  test('what I must report: a reporter sees the forms of their own unit, with status', async () => {
    const due = (await (await runtime.app.request('/api/me/due', { headers: { cookie: cookies['reporter HCM']! } })).json()) as {
      items: Array<{ formId: string; status: string; revision?: number }>;
    };
    expect(due.items.map((i) => i.formId).sort()).toEqual([F4380, F971].sort());
    expect(due.items.find((i) => i.formId === F971)).toMatchObject({ status: 'on-time', revision: 1 });
    expect(due.items.find((i) => i.formId === F4380)).toMatchObject({ status: 'missing' });
  });
});
