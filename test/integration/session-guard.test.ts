/**
 * A unit's save authorises from the copy of the session its process holds (it
 * opened or read it before) and checks that copy against the stored session in
 * the save's own transaction: one DynamoDB call. "Disable ends sessions at once"
 * still holds across processes: two runtimes over one table stand for two Lambda
 * instances, one holding the session, the other changing the user.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { answer971, countCalls, freshRuntime, signIn } from '../support/local-runtime.ts';

const KEY = { formId: '971-nhan-luc-y-te', period: '2021-07-20', orgUnit: '79' };
const EMAIL = 'lan@soyte79.vn';

type Runtime = Awaited<ReturnType<typeof freshRuntime>>;
let holder: Runtime;
let other: Runtime;
let calls: string[];
let cookie: string;

beforeEach(async () => {
  holder = await freshRuntime();
  other = await freshRuntime({ tableName: holder.tableName, seed: false });
  cookie = await signIn(holder, { email: EMAIL, role: 'reporter', unit: '79' });
  await holder.service.orgUnits();
  await holder.service.rounds();
  calls = countCalls(holder.db);
});

async function put(key: typeof KEY, doctors: number, base: { revision: number; firstSubmittedAt?: string } | undefined, app = holder.app) {
  calls.length = 0;
  const response = await app.request(`/api/forms/${key.formId}/periods/${key.period}/submissions/${key.orgUnit}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ data: answer971(doctors), submittedBy: 'Sở Y tế', ...(base ? { base } : {}) }),
  });
  const body = (await response.json()) as { status?: string; submission?: { revision: number; firstSubmittedAt: string }; error?: { code: string } };
  return { http: response.status, status: body.status ?? body.error?.code, submission: body.submission, calls: [...calls] };
}

const revisions = async (key = KEY) => (await other.submissions.listRevisions(key)).map((r) => r.revision);

describe('a save checks the session in its own transaction', () => {
  test('a session this process opened: one TransactWrite, no read; one it never saw is read once, then held', async () => {
    expect(await put(KEY, 10, { revision: 0 })).toMatchObject({ http: 201, calls: ['TransactWriteItemsCommand'] });
    // The same user's session opened by the other process (another Lambda instance took the sign-in).
    cookie = `baocao=${await other.auth.openSession(EMAIL)}`;
    const first = await put(KEY, 11, { revision: 1, firstSubmittedAt: (await other.submissions.getCurrent(KEY))!.firstSubmittedAt });
    expect(first).toMatchObject({ http: 200, status: 'amended', calls: ['GetItemCommand', 'TransactWriteItemsCommand'] });
    expect(await put(KEY, 12, { revision: 2, firstSubmittedAt: first.submission!.firstSubmittedAt })).toMatchObject({ status: 'amended', calls: ['TransactWriteItemsCommand'] });
    expect(await revisions()).toEqual([1, 2, 3]);
  });

  test('a user disabled by another process: the next save is refused at once (401) and writes nothing', async () => {
    const first = await put(KEY, 10, { revision: 0 });
    expect(first.status).toBe('created');
    await other.users.setStatus('system', EMAIL, 'disabled');
    const refused = await put(KEY, 11, { revision: 1, firstSubmittedAt: first.submission!.firstSubmittedAt });
    // The guarded write fails, the session is read again and is gone.
    expect(refused).toMatchObject({ http: 401, status: 'UNAUTHENTICATED', calls: ['TransactWriteItemsCommand', 'GetItemCommand'] });
    expect(await revisions()).toEqual([1]);
    // Sent again (a retry button): refused from the read alone, the copy is gone.
    expect(await put(KEY, 11, { revision: 1, firstSubmittedAt: first.submission!.firstSubmittedAt })).toMatchObject({ http: 401, calls: ['GetItemCommand'] });
  });

  test('an identical re-send after a disable tells nothing of the stored answer', async () => {
    const first = await put(KEY, 10, { revision: 0 });
    await other.users.setStatus('system', EMAIL, 'disabled');
    const again = await put(KEY, 10, { revision: 1, firstSubmittedAt: first.submission!.firstSubmittedAt });
    expect(again).toMatchObject({ http: 401, status: 'UNAUTHENTICATED' });
    expect(again.submission).toBeUndefined();
  });

  test('a user moved to another unit by another process: the save is decided again on the stored session', async () => {
    expect((await put(KEY, 10, { revision: 0 })).status).toBe('created');
    await other.users.importCsv('system', `${EMAIL},Trần Thị Lan,70,reporter`);
    const elsewhere = { ...KEY, orgUnit: '79' };
    expect(await put(elsewhere, 11, { revision: 1, firstSubmittedAt: (await other.submissions.getCurrent(KEY))!.firstSubmittedAt })).toMatchObject({
      http: 403,
      status: 'FORBIDDEN',
    });
    expect(await revisions()).toEqual([1]);
    // Their new unit's answer goes through, now from the session just read: one call.
    const mine = { ...KEY, orgUnit: '70' };
    expect(await put(mine, 12, { revision: 0 })).toMatchObject({ http: 201, calls: ['TransactWriteItemsCommand'] });
    expect(await revisions(mine)).toEqual([1]);
  });

  test('a user moved to another unit: their first save for it is not refused on the copy saying the old unit', async () => {
    expect((await put(KEY, 10, { revision: 0 })).status).toBe('created');
    await other.users.importCsv('system', `${EMAIL},Trần Thị Lan,70,reporter`);
    // The copy says 79: refused on it, the stored session is read, and it says 70.
    const created = await put({ ...KEY, orgUnit: '70' }, 12, { revision: 0 });
    expect(created).toMatchObject({ http: 201, status: 'created', calls: ['GetItemCommand', 'TransactWriteItemsCommand'] });
    const base = { revision: 1, firstSubmittedAt: created.submission!.firstSubmittedAt };
    expect(await put({ ...KEY, orgUnit: '70' }, 13, base)).toMatchObject({ http: 200, status: 'amended', calls: ['TransactWriteItemsCommand'] });
  });

  test('a reporter made an official by another process cannot save through the copy saying reporter', async () => {
    const first = await put(KEY, 10, { revision: 0 });
    await other.users.importCsv('system', `${EMAIL},Trần Thị Lan,79,official`);
    const refused = await put(KEY, 11, { revision: 1, firstSubmittedAt: first.submission!.firstSubmittedAt });
    expect(refused).toMatchObject({ http: 403, calls: ['TransactWriteItemsCommand', 'GetItemCommand'] });
    expect(await revisions()).toEqual([1]);
  });

  test('a logout in another process ends the session for this one too', async () => {
    const first = await put(KEY, 10, { revision: 0 });
    await other.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(await put(KEY, 11, { revision: 1, firstSubmittedAt: first.submission!.firstSubmittedAt })).toMatchObject({ http: 401 });
    expect(await revisions()).toEqual([1]);
  });

  test('an expired session is refused before anything is sent', async () => {
    holder.clock.set(new Date('2021-07-19T15:00:01Z'));
    expect(await put(KEY, 10, { revision: 0 })).toMatchObject({ http: 401, calls: ['GetItemCommand'] });
    expect(await revisions()).toEqual([]);
  });

  test('reads never use the copy: a GET after a disable elsewhere is refused', async () => {
    expect((await put(KEY, 10, { revision: 0 })).status).toBe('created');
    await other.users.setStatus('system', EMAIL, 'disabled');
    const res = await holder.app.request(`/api/forms/${KEY.formId}/periods/${KEY.period}/submissions/${KEY.orgUnit}`, { headers: { cookie } });
    expect(res.status).toBe(401);
  });
});
